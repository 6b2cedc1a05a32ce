// One authenticated GET against a cluster, with the TLS, proxy and credentials of its KubeConfig.
// Probes and discovery use it because they need raw status codes, headers (ETag) and Accept.
import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface KubeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface KubeGetOptions {
  accept?: string;
  etag?: string;
  timeoutMs?: number;
  /** how long an exec plugin may take (a browser login, an SSO prompt); default 60 s */
  credentialsTimeoutMs?: number;
}

/** A failure before any HTTP answer: getting credentials (exec plugin, token file) or the network. */
export class RequestFailure extends Error {
  constructor(
    readonly stage: 'credentials' | 'network',
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

export async function kubeGet(kc: KubeConfig, path: string, options: KubeGetOptions = {}): Promise<KubeResponse> {
  const server = kc.getCurrentCluster()?.server ?? '';
  const url = new URL(path, server.endsWith('/') ? server : `${server}/`);
  const opts: https.RequestOptions = { method: 'GET', headers: { Accept: options.accept ?? 'application/json' } };
  if (options.etag) (opts.headers as Record<string, string>)['If-None-Match'] = options.etag;
  await withCredentials(kc, opts, options.credentialsTimeoutMs ?? 60_000);
  const transport = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = transport.request(url, opts, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', (err) => reject(new RequestFailure('network', err.message, err)));
    });
    const timeoutMs = options.timeoutMs ?? 10_000;
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    req.on('error', (err) => reject(new RequestFailure('network', err.message, err)));
    req.end();
  });
}

async function withCredentials(kc: KubeConfig, opts: https.RequestOptions, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RequestFailure('credentials', `no credentials within ${timeoutMs / 1000} s (is a login waiting in a browser?)`, undefined)), timeoutMs);
  });
  try {
    await Promise.race([kc.applyToHTTPSOptions(opts), timeout]);
  } catch (err) {
    throw err instanceof RequestFailure ? err : new RequestFailure('credentials', (err as Error).message, err);
  } finally {
    clearTimeout(timer);
  }
}
