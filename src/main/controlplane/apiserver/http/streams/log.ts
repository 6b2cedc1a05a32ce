// GET pods/{name}/log: the kubelet's /containerLogs answer streamed through as text/plain, chunk by
// chunk, so `kubectl logs -f` sees lines as they come. A kubelet failure arrives as a
// metav1.Status and is passed on with its code.
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { StatusError } from '../../../../../shared/k8s/status';
import type { KubeletTarget } from './locate';

const readAll = (res: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', reject);
  });

const failureOf = async (kres: IncomingMessage): Promise<StatusError> => {
  const text = await readAll(kres);
  const code = kres.statusCode ?? 500;
  try {
    const s = JSON.parse(text);
    if (s?.kind === 'Status') return new StatusError(s.code ?? code, s.reason ?? 'InternalError', s.message ?? text);
  } catch {
    // not a Status: wrap the text below
  }
  return new StatusError(code, code === 400 ? 'BadRequest' : 'InternalError', text.trim() || `the kubelet answered ${code}`);
};

export const dialError = (t: KubeletTarget, method: string, err: Error): StatusError =>
  new StatusError(500, 'InternalError', `${method} "http://${t.host}:${t.port}${t.path}": dial tcp ${t.host}:${t.port}: ${(err as NodeJS.ErrnoException).code === 'ECONNREFUSED' ? 'connect: connection refused' : err.message}`);

export const proxyLog = (res: ServerResponse, t: KubeletTarget, kubeletToken: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const kreq = request({ host: t.host, port: t.port, path: t.path, method: 'GET', headers: { Authorization: `Bearer ${kubeletToken}` } });
    res.on('close', () => kreq.destroy());
    kreq.on('error', (err) => (res.headersSent ? resolve(void res.end()) : reject(dialError(t, 'Get', err))));
    kreq.on('response', (kres) => {
      if (kres.statusCode !== 200) return void failureOf(kres).then(reject, reject);
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
      res.flushHeaders();
      kres.pipe(res);
      kres.on('end', () => resolve());
      kres.on('error', () => resolve(void res.end()));
    });
    kreq.end();
  });
