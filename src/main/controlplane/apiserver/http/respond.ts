// Writing answers. Every failure goes out as a metav1.Status with the matching HTTP code.
import type { ServerResponse } from 'node:http';
import { StatusError, toStatusError } from '../../../../shared/k8s/status';

export const JSON_TYPE = 'application/json';

/** Warning header values in RFC 7234 form, as the real API server sends them. */
export const warningHeader = (warnings: string[]): string[] =>
  warnings.map((w) => `299 - "${w.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`);

export const writeBody = (res: ServerResponse, code: number, contentType: string, body: string | Buffer, headers: Record<string, string | string[]> = {}): void => {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache, private', ...headers });
  res.end(body);
};

export const writeJson = (res: ServerResponse, code: number, obj: unknown, headers: Record<string, string | string[]> = {}, contentType = JSON_TYPE): void =>
  writeBody(res, code, contentType, JSON.stringify(obj), headers);

export const writeStatusError = (res: ServerResponse, err: StatusError, headers: Record<string, string | string[]> = {}): void =>
  writeJson(res, err.code, err.toStatus(), headers);

export const writeError = (res: ServerResponse, err: unknown, log: (msg: string, err: unknown) => void): void => {
  if (!(err instanceof StatusError)) log('request failed', err);
  writeStatusError(res, toStatusError(err));
};

/** Upstream's answer for a URL that names nothing it serves. */
export const notFoundPath = (): StatusError =>
  new StatusError(404, 'NotFound', 'the server could not find the requested resource', {
    causes: [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }],
  });
