// The kubelet server's failures, as a metav1.Status: the API server passes them on unchanged, so
// kubectl prints "Error from server (BadRequest): container "x" in pod "y" is waiting to start: …".
import { STATUS_CODES, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

const REASONS: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 500: 'InternalError' };

export const statusBody = (code: number, message: string): string =>
  JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: REASONS[code] ?? 'InternalError', code });

export const writeStatus = (res: ServerResponse, code: number, message: string): void => {
  if (res.headersSent) return void res.end();
  const body = statusBody(code, message);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
};

/** answers an upgrade request that will not be upgraded, on its raw socket */
export const rejectUpgrade = (socket: Duplex, code: number, message: string): void => {
  const body = statusBody(code, message);
  if (!socket.writable) return void socket.destroy();
  socket.end(`HTTP/1.1 ${code} ${STATUS_CODES[code]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
};
