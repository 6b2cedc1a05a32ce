// Raw HTTP to a cluster's API server, with client-node doing auth and TLS (applyToHTTPSOptions).
// The engine uses its own requests rather than the generated clients so it controls the Accept
// header (Tables), can stream watches line by line, and can resume them from a resourceVersion.
import http from 'node:http';
import https from 'node:https';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';

/** Where the engine gets a cluster's credentials; the connection layer implements it. */
export interface KubeConfigSource {
  kubeConfigFor(clusterId: string): Promise<KubeConfig>;
  /** called when a cluster came back online; caches resume their watches */
  onDidReconnect?(listener: (clusterId: string) => void): () => void;
}

/** adapts the connection layer (ConnectionManager: kubeConfigFor + onDidComeOnline) to a KubeConfigSource */
export const sourceFromConnections = (c: {
  kubeConfigFor(clusterId: string): Promise<KubeConfig>;
  onDidComeOnline(listener: (status: { clusterId: string }) => void): { dispose(): void };
}): KubeConfigSource => ({
  kubeConfigFor: (clusterId) => c.kubeConfigFor(clusterId),
  onDidReconnect: (listener) => {
    const sub = c.onDidComeOnline((s) => listener(s.clusterId));
    return () => sub.dispose();
  },
});

export interface KubeRequest {
  method?: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
}

export interface KubeResponse {
  status: number;
  body: any;
}

const urlOf = (kc: KubeConfig, req: KubeRequest): URL => {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error(`kubeconfig context "${kc.getCurrentContext()}" has no cluster server`);
  const url = new URL(server.replace(/\/$/, '') + req.path);
  for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
  return url;
};

const failure = (status: number, text: string): ApiException<unknown> => {
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const message = (body as { message?: string })?.message ?? (text || `HTTP ${status}`);
  return new ApiException(status, message, body, {});
};

/** unary requests only; watches are bounded by their own timeoutSeconds */
const REQUEST_TIMEOUT_MS = 30_000;

export class KubeHttp {
  constructor(private readonly source: KubeConfigSource) {}

  /** opens a request and resolves with the response once headers arrive */
  async open(clusterId: string, req: KubeRequest, signal?: AbortSignal, timeoutMs?: number): Promise<{ res: http.IncomingMessage; abort: () => void }> {
    const kc = await this.source.kubeConfigFor(clusterId);
    const url = urlOf(kc, req);
    const payload = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = { Accept: req.accept ?? 'application/json' };
    if (payload !== undefined) {
      headers['Content-Type'] = req.contentType ?? 'application/json';
      // Node frames a DELETE body only when told its length
      headers['Content-Length'] = String(Buffer.byteLength(payload));
    }
    const opts: https.RequestOptions = { method: req.method ?? 'GET', headers };
    await kc.applyToHTTPSOptions(opts);
    const lib = url.protocol === 'http:' ? http : https;
    return new Promise((resolve, reject) => {
      const r = lib.request(url, opts, (res) => resolve({ res, abort: () => r.destroy() }));
      r.on('error', reject);
      if (timeoutMs) r.setTimeout(timeoutMs, () => r.destroy(Object.assign(new Error(`no answer from the cluster within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' })));
      signal?.addEventListener('abort', () => r.destroy(new Error('aborted')), { once: true });
      r.end(payload);
    });
  }

  /** a whole request; non-2xx answers throw client-node's ApiException (the bridge maps it) */
  async request(clusterId: string, req: KubeRequest): Promise<KubeResponse> {
    const { res } = await this.open(clusterId, req, undefined, REQUEST_TIMEOUT_MS);
    const chunks: Buffer[] = [];
    for await (const chunk of res) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) throw failure(status, text);
    return { status, body: text ? JSON.parse(text) : undefined };
  }

  async json<T = any>(clusterId: string, req: KubeRequest): Promise<T> {
    return (await this.request(clusterId, req)).body as T;
  }

  /** streams a watch: one callback per JSON line; resolves when the server ends the stream */
  async stream(clusterId: string, req: KubeRequest, onLine: (event: any) => void, signal?: AbortSignal): Promise<void> {
    const { res } = await this.open(clusterId, req, signal);
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      throw failure(status, Buffer.concat(chunks).toString('utf8'));
    }
    res.setEncoding('utf8');
    let rest = '';
    await new Promise<void>((resolve, reject) => {
      res.on('data', (chunk: string) => {
        rest += chunk;
        let nl: number;
        while ((nl = rest.indexOf('\n')) >= 0) {
          const line = rest.slice(0, nl).trim();
          rest = rest.slice(nl + 1);
          if (!line) continue;
          try {
            onLine(JSON.parse(line));
          } catch (err) {
            res.destroy();
            return reject(err);
          }
        }
      });
      res.on('end', resolve);
      res.on('close', resolve);
      res.on('error', reject);
    });
  }
}

/** /api/v1 or /apis/<group>/<version>, plus namespaces/<ns>/ and the plural */
export const resourcePath = (r: { group: string; version: string; plural: string }, namespace?: string, name?: string): string => {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.plural}${name ? `/${encodeURIComponent(name)}` : ''}`;
};
