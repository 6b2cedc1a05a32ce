// /healthz, /livez and /readyz in upstream's plain-text form: "ok", or per check with ?verbose
// ("[+]ping ok"), and /<endpoint>/<check> for one check.
import type { ServerResponse } from 'node:http';
import { writeBody } from './respond';

export interface HealthCheck {
  name: string;
  /** throws (or rejects) when unhealthy */
  check(): void | Promise<void>;
}

export const HEALTH_ENDPOINTS = new Set(['healthz', 'livez', 'readyz']);

const PING: HealthCheck = { name: 'ping', check: () => undefined };

const runAll = async (checks: HealthCheck[]): Promise<{ name: string; ok: boolean }[]> =>
  Promise.all(
    checks.map(async (c) => {
      try {
        await c.check();
        return { name: c.name, ok: true };
      } catch {
        return { name: c.name, ok: false };
      }
    }),
  );

const TEXT = 'text/plain; charset=utf-8';
const HEADERS = { 'X-Content-Type-Options': 'nosniff' };

/** segs: ['healthz'] or ['readyz', 'etcd'] */
export const serveHealth = async (res: ServerResponse, segs: string[], query: URLSearchParams, extra: HealthCheck[]): Promise<void> => {
  const endpoint = segs[0];
  const excluded = new Set(query.getAll('exclude'));
  let checks = [PING, ...extra].filter((c) => !excluded.has(c.name));
  if (segs.length === 2) {
    checks = checks.filter((c) => c.name === segs[1]);
    if (checks.length === 0) return writeBody(res, 404, TEXT, '404 page not found\n', HEADERS);
  }
  const results = await runAll(checks);
  const healthy = results.every((r) => r.ok);
  const verbose = query.has('verbose') || !healthy;
  if (!verbose) return writeBody(res, 200, TEXT, 'ok', HEADERS);
  const lines = results.map((r) => (r.ok ? `[+]${r.name} ok` : `[-]${r.name} failed: reason withheld`));
  for (const name of excluded) lines.push(`[+]${name} excluded: ok`);
  lines.push(healthy ? `${endpoint} check passed` : `${endpoint} check failed`);
  writeBody(res, healthy ? 200 : 500, TEXT, `${lines.join('\n')}\n`, HEADERS);
};
