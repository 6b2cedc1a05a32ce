// Turns anything a service throws into a BridgeError the renderer can show: Kubernetes Status
// errors keep their code, reason and causes; network errors say the cluster is offline.

import type { BridgeError } from '../../../shared/bridge/protocol';

/** A failure a service raises on purpose, with a stable code. */
export class BridgeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: BridgeError['status'],
  ) {
    super(message);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

const statusCode: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict', 410: 'Gone', 422: 'Invalid', 429: 'TooManyRequests' };

export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof BridgeFailure) return { code: err.code, message: err.message, ...(err.status ? { status: err.status } : {}) };
  const e = err as { code?: unknown; body?: unknown; message?: string; cause?: { code?: string } };
  // @kubernetes/client-node ApiException: code = HTTP status, body = the Status (text or object)
  if (typeof e?.code === 'number') {
    const body = typeof e.body === 'string' ? safeJson(e.body) : e.body;
    const status = body && typeof body === 'object' && (body as { kind?: string }).kind === 'Status' ? (body as BridgeError['status'] & { message?: string }) : undefined;
    return { code: statusCode[e.code] ?? (e.code >= 500 ? 'ServerError' : 'Error'), message: status?.message ?? e.message ?? `HTTP ${e.code}`, ...(status ? { status } : {}) };
  }
  const net = typeof e?.code === 'string' ? e.code : e?.cause?.code;
  if (net && NETWORK_CODES.has(net)) return { code: 'Offline', message: `cannot reach the cluster (${net}): ${e.message ?? ''}`.trim() };
  return { code: 'Internal', message: err instanceof Error ? err.message : String(err) };
}

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
