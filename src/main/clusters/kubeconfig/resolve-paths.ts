// Relative file references in a kubeconfig mean "next to this file", as client-go's
// ResolveLocalPaths does: certificate-authority, client-certificate, client-key, tokenFile, and an
// exec command only when it contains a slash (a bare name is looked up on PATH).
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import type { KubeconfigFile } from './types';

export function resolveRelativePaths(file: KubeconfigFile): KubeconfigFile {
  const base = resolve(dirname(file.path));
  const abs = (p: unknown): unknown => (typeof p === 'string' && p !== '' && !isAbsolute(p) ? resolve(base, p) : p);
  const clusters = new Map([...file.clusters].map(([name, c]) => [name, withPaths(c, ['certificate-authority'], abs)]));
  const users = new Map(
    [...file.users].map(([name, u]) => {
      const user = withPaths(u, ['client-certificate', 'client-key', 'tokenFile'], abs);
      const command = user.exec?.command;
      if (typeof command === 'string' && (command.includes('/') || command.includes(sep))) user.exec = { ...user.exec!, command: abs(command) as string };
      return [name, user];
    }),
  );
  return { ...file, clusters, users };
}

function withPaths<T extends Record<string, unknown>>(entry: T, keys: string[], abs: (p: unknown) => unknown): T {
  const out: Record<string, unknown> = { ...entry };
  for (const key of keys) if (key in out) out[key] = abs(out[key]);
  return out as T;
}
