// PodLogOptions as the kubelet's /containerLogs query carries them, checked as upstream's
// ValidatePodLogOptions does. insecureSkipTLSVerifyBackend only concerns the API server's dial.
import { StreamError } from './types';

export interface LogOptions {
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  tailLines?: number;
  limitBytes?: number;
  /** records before this instant (ms) are skipped */
  sinceMs?: number;
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

const integer = (q: URLSearchParams, name: string): number | undefined => {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new StreamError(400, `${name}: Invalid value: "${v}": must be an integer`);
  return n;
};

export const parseLogOptions = (q: URLSearchParams, now: number): LogOptions => {
  const tailLines = integer(q, 'tailLines');
  const limitBytes = integer(q, 'limitBytes');
  const sinceSeconds = integer(q, 'sinceSeconds');
  const sinceTime = q.get('sinceTime') || undefined;
  if (tailLines !== undefined && tailLines < 0) throw new StreamError(400, `tailLines: Invalid value: ${tailLines}: must be greater than or equal to 0`);
  if (limitBytes !== undefined && limitBytes < 1) throw new StreamError(400, `limitBytes: Invalid value: ${limitBytes}: must be greater than 0`);
  if (sinceSeconds !== undefined && sinceTime !== undefined) throw new StreamError(400, 'at most one of `sinceTime` or `sinceSeconds` may be specified');
  if (sinceSeconds !== undefined && sinceSeconds < 1) throw new StreamError(400, `sinceSeconds: Invalid value: ${sinceSeconds}: must be greater than 0`);
  let sinceMs: number | undefined;
  if (sinceSeconds !== undefined) sinceMs = now - sinceSeconds * 1000;
  if (sinceTime !== undefined) {
    sinceMs = Date.parse(sinceTime);
    if (Number.isNaN(sinceMs)) throw new StreamError(400, `sinceTime: Invalid value: "${sinceTime}": must be an RFC3339 time`);
  }
  return {
    follow: TRUE.has(q.get('follow') ?? ''),
    previous: TRUE.has(q.get('previous') ?? ''),
    timestamps: TRUE.has(q.get('timestamps') ?? ''),
    tailLines,
    limitBytes,
    sinceMs,
  };
};
