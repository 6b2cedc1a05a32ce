// Reads a container's log files for /containerLogs: from the start or the last tailLines records,
// then (follow) waits for more. It chases rotation by inode — a renamed file is finished before
// the next one is opened — and moves on to the next instance's file when the container restarts.
// Follow ends once the container is no longer running and everything written has been sent.
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ContainerLogFiles } from './types';
import type { LogOptions } from './log-options';
import { LogRecordWriter } from './log-records';

export interface LogSink {
  /** resolves once the bytes may be followed by more (backpressure) */
  write(buf: Buffer): Promise<void>;
  closed(): boolean;
}

const CHUNK = 1 << 20;
const TAIL_CHUNK = 64 << 10;
const POLL_MS = 50;

const inodeOf = (path: string): Promise<number | undefined> => stat(path).then((s) => s.ino, () => undefined);

/** where the last n records start: the file index and byte offset */
export async function tailStart(files: string[], n: number): Promise<{ index: number; offset: number }> {
  let need = n + 1; // the newline ending the last record counts too
  for (let i = files.length - 1; i >= 0; i--) {
    const fh = await open(files[i], 'r').catch(() => undefined);
    if (!fh) continue;
    try {
      let end = (await fh.stat()).size;
      const buf = Buffer.allocUnsafe(TAIL_CHUNK);
      while (end > 0) {
        const from = Math.max(0, end - TAIL_CHUNK);
        const { bytesRead } = await fh.read(buf, 0, end - from, from);
        for (let p = buf.lastIndexOf(10, bytesRead - 1); p >= 0; p = p > 0 ? buf.lastIndexOf(10, p - 1) : -1) {
          if (--need === 0) return { index: i, offset: from + p + 1 };
        }
        end = from;
      }
    } finally {
      await fh.close();
    }
  }
  return { index: 0, offset: 0 };
}

/** the file to read after the one with inode `current`: the next in the list, or the first not read yet */
async function nextFile(files: string[], current: number, read: Set<number>): Promise<string | undefined> {
  const inodes = await Promise.all(files.map(inodeOf));
  const at = inodes.indexOf(current);
  for (let i = at + 1; i < files.length; i++) if (inodes[i] !== undefined && !read.has(inodes[i]!)) return files[i];
  return undefined;
}

export async function streamContainerLogs(source: () => ContainerLogFiles, o: LogOptions, sink: LogSink): Promise<void> {
  const first = source();
  if (first.files.length === 0) return;
  const start = o.tailLines === undefined ? { index: 0, offset: 0 } : await tailStart(first.files, o.tailLines);
  const writer = new LogRecordWriter(o);
  const buf = Buffer.allocUnsafe(CHUNK);
  const read = new Set<number>();
  let fh: FileHandle = await open(first.files[start.index], 'r');
  let ino = (await fh.stat()).ino;
  let pos = start.offset;
  let carry: Buffer = Buffer.alloc(0);
  let stoppedSeen = false;
  try {
    while (!sink.closed() && !writer.done) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      if (bytesRead > 0) {
        pos += bytesRead;
        carry = writer.feed(carry, buf.subarray(0, bytesRead));
        const out = writer.take();
        if (out.length) await sink.write(out);
        continue;
      }
      const now = source();
      read.add(ino);
      const next = await nextFile(now.files, ino, read);
      if (next) {
        await fh.close();
        fh = await open(next, 'r');
        [ino, pos, carry] = [(await fh.stat()).ino, 0, Buffer.alloc(0)];
        continue;
      }
      if (!o.follow) return;
      // one more read after seeing the container stopped, for what it wrote just before
      if (!now.running && stoppedSeen) return;
      stoppedSeen = !now.running;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await fh.close();
  }
}
