// The query of an exec or attach request, as the API server forwards it from PodExecOptions /
// PodAttachOptions: ?command=sh&command=-c&command=…&stdin=true&stdout=true&stderr=true&tty=true.
import { StreamError } from '../server/types';
import type { ExecQuery } from './types';

// Go's strconv.ParseBool, which upstream's query decoding uses.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const flag = (q: URLSearchParams, name: string): boolean => {
  const v = q.get(name);
  return v !== null && TRUE.has(v);
};

/** attach has no command; exec must name one */
export const parseExecQuery = (q: URLSearchParams, needCommand: boolean): ExecQuery => {
  const command = q.getAll('command');
  const tty = flag(q, 'tty');
  const options = {
    tty,
    stdin: flag(q, 'stdin') || flag(q, 'input'),
    stdout: flag(q, 'stdout') || flag(q, 'output'),
    // upstream drops stderr with a tty: the terminal carries both
    stderr: !tty && (flag(q, 'stderr') || flag(q, 'error')),
  };
  if (needCommand && command.length === 0) throw new StreamError(400, 'you must specify at least 1 command');
  if (!options.stdin && !options.stdout && !flag(q, 'stderr')) throw new StreamError(400, 'you must specify at least 1 of stdin, stdout, stderr');
  return { command, options };
};

/** ?ports=8080,9090 or ?ports=8080&ports=9090 */
export const parsePorts = (q: URLSearchParams): number[] => {
  const raw = q.getAll('ports').flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  if (raw.length === 0) throw new StreamError(400, 'query parameter "port" is required');
  return raw.map((p) => {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > 65535) throw new StreamError(400, `unable to parse "${p}" as a port: port must be > 0 and < 65536`);
    return n;
  });
};
