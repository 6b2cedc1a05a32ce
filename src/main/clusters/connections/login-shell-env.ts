// The PATH the user's terminal has. A desktop app started from a dock or launcher inherits a bare
// PATH (/usr/bin:/bin), so exec credential plugins installed by Homebrew, asdf or ~/.local (aws,
// gke-gcloud-auth-plugin, kubelogin) are "not found": the most common complaint about Lens. We ask
// the user's login shell once, lazily, and fall back to our own PATH if it is slow or fails.
import { spawn } from 'node:child_process';
import type { Logger } from '../logger';

export interface ShellEnv {
  PATH: string;
}

/** Resolves once, on first use; later calls share the answer. */
export type LoginShellEnvProvider = () => Promise<ShellEnv>;

export interface LoginShellOptions {
  /** the environment to start the shell with (its SHELL and HOME say which shell and which rc files) */
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  timeoutMs?: number;
  logger: Logger;
}

const START = '__WHEELHOUSE_PATH_START__';
const END = '__WHEELHOUSE_PATH_END__';

export function loginShellEnv(options: LoginShellOptions): LoginShellEnvProvider {
  let answer: Promise<ShellEnv> | undefined;
  return () => (answer ??= readLoginShellPath(options));
}

async function readLoginShellPath({ env, platform = process.platform, timeoutMs = 5000, logger }: LoginShellOptions): Promise<ShellEnv> {
  const fallback = { PATH: env.PATH ?? '' };
  const shell = env.SHELL;
  if (platform === 'win32' || !shell) return fallback;
  try {
    const out = await runShell(shell, env, timeoutMs);
    const start = out.lastIndexOf(START);
    const end = out.indexOf(END, start);
    if (start < 0 || end < 0) throw new Error('the shell printed no PATH');
    const path = out.slice(start + START.length, end).trim();
    return { PATH: path || fallback.PATH };
  } catch (err) {
    logger.warn(`could not read PATH from the login shell ${shell}; exec plugins use the app's PATH`, err);
    return fallback;
  }
}

function runShell(shell: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // -l -i: login and interactive, so both .profile-style and .bashrc/.zshrc-style files run.
    // detached: its own session, so an interactive shell cannot grab or stop on our terminal.
    const child = spawn(shell, ['-l', '-i', '-c', `printf '%s' "${START}\${PATH}${END}"`], { env, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      reject(new Error(`no answer within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('error', (err) => (clearTimeout(timer), reject(err)));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}
