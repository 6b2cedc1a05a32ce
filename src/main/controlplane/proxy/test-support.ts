// Tests only: small real servers to stand in for pods, and polling for what a user would wait on.
import { createServer as createHttpServer, get, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';

/** an HTTP server on ip:port that answers every request with its own name */
export async function nameServer(ip: string, port: number, name: string): Promise<Server> {
  const server = createHttpServer((_req, res) => res.end(name));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, ip, () => resolve()));
  return server;
}

/** a TCP echo server on ip:port */
export async function echoServer(ip: string, port: number): Promise<TcpServer> {
  const server = createTcpServer((s) => s.pipe(s));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, ip, () => resolve()));
  return server;
}

/** a port that is free on ip right now */
export async function freePort(ip = '127.0.0.1'): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, ip, () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** GET over a new connection: the body, or the error code (ECONNRESET, ECONNREFUSED, …) */
export const fetchText = (url: string): Promise<string> =>
  new Promise((resolve) => {
    const req = get(url, { agent: false, timeout: 3000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });

/** polls `check` until it returns a value that is not undefined, or fails after timeoutMs */
export async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const closeAll = (servers: { close(cb: () => void): unknown }[]): Promise<void[]> =>
  Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
