// kubelet's AtomicWriter: a volume's files live in a timestamped folder "..2026_01_01_00_00_00.xxxx";
// the "..data" symlink points at the current one and each top-level name is a symlink "key → ..data/key".
// An update writes a whole new folder and swaps "..data" with one rename, so a reader sees either
// the old files or the new ones, never half of each.
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, stat, symlink, writeFile, chmod } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import { SourceError } from './errors';

export interface FileProjection {
  data: Buffer;
  /** permission bits, e.g. 0o644 */
  mode: number;
}

/** relative path (items[].path) → content */
export type Payload = Map<string, FileProjection>;

const DATA = '..data';
const DATA_TMP = '..data_tmp';

/** upstream's validatePath: relative, no "..", not starting with ".." */
export function checkPayloadPath(path: string): void {
  const segments = path.split('/');
  if (!path || posix.isAbsolute(path) || path.length > 4096) throw new SourceError(`invalid path: ${JSON.stringify(path)}`);
  if (segments.includes('..') || path.startsWith('..')) throw new SourceError(`invalid path: ${JSON.stringify(path)}: must not contain '..'`);
}

const stamp = (now: Date): string => `..${now.toISOString().replace(/[-:T]/g, '_').replace(/\..*$/, '')}.`;

async function currentDir(dir: string): Promise<string | undefined> {
  try {
    return await readlink(join(dir, DATA));
  } catch {
    return undefined;
  }
}

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(join(root, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(path);
  }
  return out;
}

/** true when the folder already holds exactly this payload, content and modes */
async function samePayload(folder: string, payload: Payload): Promise<boolean> {
  const files = await listFiles(folder).catch(() => undefined);
  if (!files || files.length !== payload.size) return false;
  for (const path of files) {
    const want = payload.get(path);
    if (!want) return false;
    const [data, st] = await Promise.all([readFile(join(folder, path)), stat(join(folder, path))]);
    if ((st.mode & 0o7777) !== want.mode || !data.equals(want.data)) return false;
  }
  return true;
}

const topLevel = (paths: Iterable<string>): Set<string> => new Set([...paths].map((p) => p.split('/')[0]));

/** writes per folder, one after another: a refresh racing a setUp must not leave a folder behind */
const queues = new Map<string, Promise<unknown>>();

/** makes `dir` show `payload`; answers false when it already did (nothing written) */
export function writePayload(dir: string, payload: Payload, now = new Date()): Promise<boolean> {
  const run = (queues.get(dir) ?? Promise.resolve()).catch(() => undefined).then(() => write(dir, payload, now));
  queues.set(dir, run);
  void run.finally(() => queues.get(dir) === run && queues.delete(dir)).catch(() => undefined);
  return run;
}

async function write(dir: string, payload: Payload, now: Date): Promise<boolean> {
  for (const path of payload.keys()) checkPayloadPath(path);
  await mkdir(dir, { recursive: true });
  const old = await currentDir(dir);
  if (old && (await samePayload(join(dir, old), payload))) return false;
  const fresh = await mkdtemp(join(dir, stamp(now)));
  for (const [path, file] of payload) {
    const target = join(fresh, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.data);
    await chmod(target, file.mode);
  }
  await rm(join(dir, DATA_TMP), { force: true });
  await symlink(posix.basename(fresh), join(dir, DATA_TMP));
  await rename(join(dir, DATA_TMP), join(dir, DATA));
  await linkTopLevel(dir, payload, old);
  if (old) await rm(join(dir, old), { recursive: true, force: true });
  return true;
}

/** user-visible names: one symlink per top-level entry into ..data; stale ones removed */
async function linkTopLevel(dir: string, payload: Payload, old: string | undefined): Promise<void> {
  const wanted = topLevel(payload.keys());
  for (const name of wanted) {
    const link = join(dir, name);
    const existing = await lstat(link).catch(() => undefined);
    if (existing?.isSymbolicLink()) continue;
    if (existing) await rm(link, { recursive: true, force: true });
    await symlink(posix.join(DATA, name), link);
  }
  if (!old) return;
  for (const name of topLevel(await listFiles(join(dir, old)).catch(() => []))) {
    if (!wanted.has(name)) await rm(join(dir, name), { force: true });
  }
}
