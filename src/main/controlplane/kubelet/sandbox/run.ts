// How the sandboxes run `ip`, `unshare` and friends: a seam so a test (or another OS) can see the
// commands, and so every failure carries the command and its stderr.
import { execFile } from 'node:child_process';

/** runs file with args (stdin from `input`), resolves with stdout; rejects with stderr in the message */
export type Run = (file: string, args: string[], input?: string) => Promise<string>;

export const runCommand: Run = (file, args, input) =>
  new Promise((resolve, reject) => {
    const child = execFile(file, args, { encoding: 'utf8', timeout: 10_000 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const said = String(stderr).trim() || error.message;
      reject(new Error(`${file} ${args.join(' ')}: ${said}`));
    });
    if (input !== undefined) child.stdin?.end(input);
  });
