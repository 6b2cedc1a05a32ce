// The API server's HTTPS listener: loopback only. Port 0 first tries the port of the previous run,
// so kubeconfigs handed out earlier keep working across restarts.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterPki } from '../pki/load';

export const LOOPBACK = '127.0.0.1';

const tryListen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, LOOPBACK);
  });

export async function listenHttps(
  pki: ClusterPki,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  requestedPort: number,
  dataDir: string | undefined,
  /** Upgrade requests (exec, attach, portforward) */
  onUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
): Promise<{ server: Server; port: number; endUpgraded(): void }> {
  const server = createServer({ key: pki.serving.keyPem, cert: pki.serving.certPem, ca: pki.ca.certPem }, handler);
  server.keepAliveTimeout = 65_000;
  // upgraded streams (exec, port-forward) leave the HTTP server's bookkeeping, so closeAllConnections
  // does not end them and close() would wait for every open shell: the caller ends them on stop
  const upgraded = new Set<Duplex>();
  if (onUpgrade) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      upgraded.add(socket);
      socket.once('close', () => upgraded.delete(socket));
      onUpgrade(req, socket, head);
    });
  }
  const endUpgraded = (): void => {
    for (const socket of upgraded) socket.destroy();
  };
  const portFile = dataDir ? join(dataDir, 'port') : undefined;
  const previous = requestedPort === 0 && portFile && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : 0;
  let port: number;
  try {
    port = await tryListen(server, previous || requestedPort);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (previous && code === 'EADDRINUSE') port = await tryListen(server, 0);
    else if (code === 'EADDRINUSE') throw new Error(`port ${requestedPort} on ${LOOPBACK} is already in use; pick another with --port`);
    else throw err;
  }
  if (portFile) writeFileSync(portFile, String(port));
  return { server, port, endUpgraded };
}
