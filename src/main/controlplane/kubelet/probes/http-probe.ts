// httpGet probes as upstream's DoHTTPProbe: GET with User-Agent kube-probe/<minor> and the probe's
// headers, HTTPS without verifying the certificate, success for 200–399, at most 10 KiB of body read.
// Redirects are followed to the same host; one to another host counts as success, as upstream does.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { ProbeOutcome } from './types';
import { dialError, hostPort } from './words';

const USER_AGENT = 'kube-probe/1.33';
const MAX_BODY = 10 * 1024;
const MAX_REDIRECTS = 10;

export interface HttpProbeSpec {
  scheme: 'HTTP' | 'HTTPS';
  host: string;
  port: number;
  path: string;
  headers: { name: string; value: string }[];
}

export const urlOf = (s: HttpProbeSpec): string => `${s.scheme.toLowerCase()}://${hostPort(s.host, s.port)}${s.path.startsWith('/') ? s.path : `/${s.path}`}`;

function headersOf(spec: HttpProbeSpec): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { 'user-agent': USER_AGENT, accept: '*/*' };
  for (const h of spec.headers) {
    const key = h.name.toLowerCase();
    // A header the probe names replaces the default; repeated names all go out, as Go's Header.Add.
    const prior = out[key];
    out[key] = prior === undefined || key === 'user-agent' || key === 'accept' ? h.value : [...[prior].flat(), h.value];
  }
  return out;
}

function get(url: string, headers: Record<string, string | string[]>, deadline: number): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(u, { method: 'GET', headers, rejectUnauthorized: false, timeout: Math.max(1, deadline - Date.now()) }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (body.length < MAX_BODY) body += chunk.slice(0, MAX_BODY - body.length);
      });
      res.on('end', () => resolve({ res, body }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'PROBE_TIMEOUT' })));
    req.on('error', reject);
    req.end();
  });
}

function failureOf(url: string, err: NodeJS.ErrnoException): ProbeOutcome {
  if (err.code === 'PROBE_TIMEOUT') return { result: 'failure', message: `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  return { result: 'failure', message: `Get "${url}": ${dialError(hostPort(u.hostname.replace(/^\[|\]$/g, ''), Number(port)), err)}` };
}

export async function httpProbe(spec: HttpProbeSpec, timeoutMs: number): Promise<ProbeOutcome> {
  const deadline = Date.now() + timeoutMs;
  const headers = headersOf(spec);
  let url = urlOf(spec);
  for (let hops = 0; ; hops++) {
    let answer: { res: IncomingMessage; body: string };
    try {
      answer = await get(url, headers, deadline);
    } catch (err) {
      return failureOf(url, err as NodeJS.ErrnoException);
    }
    const { res, body } = answer;
    const code = res.statusCode ?? 0;
    const location = res.headers.location;
    if (code >= 300 && code < 400 && location && hops < MAX_REDIRECTS) {
      const next = new URL(location, url);
      if (next.hostname !== new URL(url).hostname) return { result: 'success', message: 'Probe terminated redirects' };
      url = next.toString();
      continue;
    }
    if (code >= 200 && code < 400) return { result: 'success', message: body };
    return { result: 'failure', message: `HTTP probe failed with statuscode: ${code}` };
  }
}
