// Reconnect delays: 1 s, 2 s, 4 s … capped at 30 s, as kubectl-style clients back off.
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { initialMs: 1000, maxMs: 30_000 };

/** delay before retry number `attempt` (1-based) */
export function backoffDelay(attempt: number, { initialMs, maxMs }: BackoffOptions): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}
