// Turns cell values into what a person reads: ages like kubectl's ("5m", "3d4h"), counts, flags.

/** kubectl-style age of `iso` at `now`: 45s, 12m, 5h3m, 3d4h, 120d, 2y */
export function formatAge(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const s = Math.max(0, Math.floor((now - then) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 8) return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

export function formatCell(value: string | number | boolean | null, type: string, now: number): string {
  if (value === null || value === undefined) return '';
  if (type === 'date' && typeof value === 'string') return value ? formatAge(value, now) : '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

// Condition types where True is the bad news (kubelet pressures, ReplicaFailure…).
const NEGATIVE = /(Pressure|Unavailable|Failure|Failed|Stalled|Degraded)$/;

/** how a condition reads: ok, warning (Unknown) or error, minding which way the type points */
export function conditionTone(type: string, status: string): 'ok' | 'warning' | 'error' {
  if (status !== 'True' && status !== 'False') return 'warning';
  const good = NEGATIVE.test(type) ? status === 'False' : status === 'True';
  return good ? 'ok' : 'error';
}
