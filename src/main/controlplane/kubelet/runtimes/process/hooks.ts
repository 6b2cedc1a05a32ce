// Lifecycle hooks (postStart, preStop) and one-shot commands in a container's sandbox (exec hooks,
// exec probes). A hook gets at most its time budget; upstream words its failures like
// "PostStartHookError: ..." / "PreStopHook failed", and records FailedPostStartHook / FailedPreStopHook.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SandboxCommand } from '../../sandbox/types';

type Obj = Record<string, any>;

const OUTPUT_LIMIT = 10 * 1024;

/** runs a command to completion, killing its process group after timeoutMs */
export function execOnce(cmd: SandboxCommand, env: Record<string, string>, timeoutMs: number): Promise<{ exitCode: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd.file, cmd.args, { env: { ...env, ...cmd.env }, cwd: cmd.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (d: Buffer): void => void (output.length < OUTPUT_LIMIT && (output += d.toString('utf8')));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const timer = setTimeout(() => {
      killGroup(child.pid, 'SIGKILL');
      resolve({ exitCode: -1, output: `command timed out after ${timeoutMs / 1000}s` });
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ exitCode: 127, output: err.message });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ exitCode: code ?? (signal ? 137 : 0), output: output.slice(0, OUTPUT_LIMIT) });
    });
  });
}

export function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, sig);
  } catch {
    try {
      process.kill(pid, sig);
    } catch {
      // gone
    }
  }
}

export interface HookTarget {
  /** where httpGet goes when the handler names no host */
  podIP: string;
  exec(argv: string[], timeoutMs: number): Promise<{ exitCode: number; output: string }>;
}

/** runs one lifecycle handler; resolves with an error message, or undefined on success */
export async function runHook(handler: Obj | undefined, target: HookTarget, timeoutMs: number): Promise<string | undefined> {
  if (!handler) return undefined;
  if (handler.exec?.command?.length) {
    const r = await target.exec(handler.exec.command, timeoutMs);
    return r.exitCode === 0 ? undefined : `command '${handler.exec.command.join(' ')}' exited with ${r.exitCode}: ${r.output}`;
  }
  if (handler.httpGet) return httpGet(handler.httpGet, target.podIP, timeoutMs);
  if (handler.sleep?.seconds !== undefined) {
    await new Promise((r) => setTimeout(r, Math.min(timeoutMs, handler.sleep.seconds * 1000)));
    return undefined;
  }
  return undefined;
}

function httpGet(h: Obj, podIP: string, timeoutMs: number): Promise<string | undefined> {
  const scheme = String(h.scheme ?? 'HTTP').toUpperCase();
  const headers = Object.fromEntries((h.httpHeaders ?? []).map((x: Obj) => [x.name, x.value]));
  const host = h.host || podIP;
  const port = Number(h.port);
  const path = h.path ?? '/';
  return new Promise((resolve) => {
    const req = (scheme === 'HTTPS' ? httpsRequest : request)({ host, port, path, headers, method: 'GET', timeout: timeoutMs, rejectUnauthorized: false }, (res) => {
      res.resume();
      const code = res.statusCode ?? 0;
      resolve(code >= 200 && code < 400 ? undefined : `HTTP lifecycle hook (${path}) for Container in Pod failed with status ${code}`);
    });
    req.on('timeout', () => req.destroy(new Error(`Get "${scheme.toLowerCase()}://${host}:${port}${path}": context deadline exceeded`)));
    req.on('error', (err) => resolve(`Get "${scheme.toLowerCase()}://${host}:${port}${path}": ${err.message}`));
    req.end();
  });
}
