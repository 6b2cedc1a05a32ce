// hostPath type checks as upstream's checkTypeInternal, with its messages. An unset type checks
// nothing; a missing path is then made a folder, as containerd does for a bind mount's source.
import type { Stats } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { SourceError } from './errors';

const typeFail = (path: string, what: string): SourceError => new SourceError(`hostPath type check failed: ${path} is not ${what}`);

const statOf = (path: string): Promise<Stats | undefined> => stat(path).catch(() => undefined);

async function make(path: string, kind: 'dir' | 'file'): Promise<void> {
  try {
    if (kind === 'dir') await mkdir(path, { recursive: true, mode: 0o755 });
    // FileOrCreate does not make the parent folder (upstream documents this): 'wx' fails without it.
    else await writeFile(path, '', { flag: 'wx', mode: 0o644 });
  } catch (err) {
    throw new SourceError(`hostPath type check failed: ${(err as Error).message}`);
  }
}

export async function checkHostPath(path: string, type: string | undefined): Promise<void> {
  const st = await statOf(path);
  switch (type ?? '') {
    case '':
      if (!st) await make(path, 'dir');
      return;
    case 'DirectoryOrCreate':
      if (!st) return make(path, 'dir');
      if (!st.isDirectory()) throw typeFail(path, 'a directory');
      return;
    case 'Directory':
      if (!st?.isDirectory()) throw typeFail(path, 'a directory');
      return;
    case 'FileOrCreate':
      if (!st) return make(path, 'file');
      if (!st.isFile()) throw typeFail(path, 'a file');
      return;
    case 'File':
      if (!st?.isFile()) throw typeFail(path, 'a file');
      return;
    case 'Socket':
      if (!st?.isSocket()) throw typeFail(path, 'a socket file');
      return;
    case 'CharDevice':
      if (!st?.isCharacterDevice()) throw typeFail(path, 'a character device');
      return;
    case 'BlockDevice':
      if (!st?.isBlockDevice()) throw typeFail(path, 'a block device');
      return;
    default:
      throw new SourceError(`${type} is an invalid volume type`);
  }
}
