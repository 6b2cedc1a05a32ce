// What the process runtime can run. It has no images: a container runs its `command` + `args` on the
// host, so a container without a command (an image's entrypoint) or whose executable the host lacks
// cannot run, and it must say so instead of pretending. Reasons are upstream's: CreateContainerError
// is what kubelet reports when the runtime cannot create the container from its spec.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

type Obj = Record<string, any>;

export interface NotRunnable {
  reason: 'CreateContainerError';
  message: string;
}

/**
 * argv the container runs: command + args ($(VAR) expanded by the caller). With args alone it runs
 * the args, as an image without an ENTRYPOINT does (busybox, alpine, debian: `kubectl run -- sh -c …`).
 */
export const containerArgv = (c: Obj): string[] => [...(c.command ?? []), ...(c.args ?? [])];

/** why the container cannot run here, or undefined when it can */
export function checkRunnable(c: Obj, hostPath: string | undefined): NotRunnable | undefined {
  const argv = containerArgv(c);
  if (!argv.length) return { reason: 'CreateContainerError', message: noCommandMessage(c) };
  const file = String(argv[0]);
  if (findExecutable(file, hostPath, c.workingDir)) return undefined;
  const where = file.includes('/') ? `"${file}" is not an executable file on this machine` : `executable file "${file}" not found in $PATH on this machine`;
  return { reason: 'CreateContainerError', message: `${where}: the process runtime runs container ${c.name}'s command as a host process; install it on the host or use a simulated node` };
}

function noCommandMessage(c: Obj): string {
  const image = String(c.image ?? '');
  const base = image.split('/').pop()?.split(/[:@]/)[0] ?? image;
  const example = EXAMPLES[base] ?? `["${base || 'my-server'}"]`;
  return (
    `container ${c.name} has no command: the process runtime runs commands on this machine and cannot read the entrypoint of image "${image}". ` +
    `Set command (for ${base || 'this image'}, e.g. ${example}) or schedule the pod on a simulated node`
  );
}

const EXAMPLES: Record<string, string> = {
  nginx: '["nginx","-g","daemon off;"]',
  busybox: '["sh","-c","…"]',
  alpine: '["sh","-c","…"]',
  redis: '["redis-server"]',
  python: '["python3","-m","http.server","8080"]',
  node: '["node","server.js"]',
  httpd: '["httpd","-DFOREGROUND"]',
};

/** the executable's path on the host, searching PATH for bare names */
export function findExecutable(file: string, hostPath = process.env.PATH ?? '', cwd?: string): string | undefined {
  if (file.includes('/')) {
    const path = isAbsolute(file) ? file : join(cwd ?? process.cwd(), file);
    return isExecutable(path) ? path : undefined;
  }
  for (const dir of hostPath.split(delimiter).filter(Boolean)) {
    const path = join(dir, file);
    if (isExecutable(path)) return path;
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
