// Reads CPU time and memory of a process and all its descendants, as a container's cgroup would
// count them. Linux reads /proc directly (one pass over /proc/*/stat for the whole tree); other
// systems ask `ps`, which every macOS has. Windows has neither and reports nothing (see README).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, freemem, totalmem } from 'node:os';

export interface ProcessSample {
  /** user + system CPU time of the tree, in nanoseconds */
  cpuNanos: number;
  /** resident memory of the tree, in bytes (the working set's stand-in without cgroups) */
  memoryBytes: number;
}

interface ProcRow {
  pid: number;
  ppid: number;
  cpuNanos: number;
  rssBytes: number;
}

const CLOCK_TICKS = 100; // USER_HZ: 100 on every Linux architecture Node runs on
const PAGE_SIZE = 4096;

/** one /proc/<pid>/stat line; the command name is in parentheses and may contain spaces */
export function parseProcStat(pid: number, text: string): ProcRow | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const f = text.slice(close + 2).split(' ');
  // after the name: state(0) ppid(1) … utime(11) stime(12) … rss(21)
  const ticks = Number(f[11]) + Number(f[12]);
  if (!Number.isFinite(ticks)) return undefined;
  return { pid, ppid: Number(f[1]), cpuNanos: (ticks * 1e9) / CLOCK_TICKS, rssBytes: Number(f[21]) * PAGE_SIZE };
}

function linuxTable(): ProcRow[] {
  const rows: ProcRow[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const row = parseProcStat(pid, readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (row) rows.push(row);
    } catch {
      // the process ended between readdir and read
    }
  }
  return rows;
}

/** `ps -A -o pid=,ppid=,rss=,time=`: rss in KiB, time as [[dd-]hh:]mm:ss(.cc) */
export function parsePs(text: string): ProcRow[] {
  const rows: ProcRow[] = [];
  for (const line of text.split('\n')) {
    const [pid, ppid, rss, time] = line.trim().split(/\s+/);
    if (!time) continue;
    const [days, clock] = time.includes('-') ? time.split('-') : ['0', time];
    const seconds = clock.split(':').reduce((acc, part) => acc * 60 + Number(part), 0) + Number(days) * 86_400;
    rows.push({ pid: Number(pid), ppid: Number(ppid), cpuNanos: seconds * 1e9, rssBytes: Number(rss) * 1024 });
  }
  return rows;
}

const psTable = (): ProcRow[] => parsePs(execFileSync('ps', ['-A', '-o', 'pid=,ppid=,rss=,time='], { encoding: 'utf8' }));

/** samples every tree rooted at `roots` in one pass over the process table */
export function sampleTrees(roots: number[], platform = process.platform): Map<number, ProcessSample> {
  const out = new Map<number, ProcessSample>();
  if (roots.length === 0 || platform === 'win32') return out;
  const rows = platform === 'linux' ? linuxTable() : psTable();
  const children = new Map<number, ProcRow[]>();
  const byPid = new Map<number, ProcRow>();
  for (const r of rows) {
    byPid.set(r.pid, r);
    const list = children.get(r.ppid) ?? [];
    list.push(r);
    children.set(r.ppid, list);
  }
  for (const root of roots) {
    const top = byPid.get(root);
    if (!top) continue;
    const sample = { cpuNanos: 0, memoryBytes: 0 };
    for (const stack = [top]; stack.length; ) {
      const r = stack.pop()!;
      sample.cpuNanos += r.cpuNanos;
      sample.memoryBytes += r.rssBytes;
      stack.push(...(children.get(r.pid) ?? []));
    }
    out.set(root, sample);
  }
  return out;
}

/** the whole machine: CPU busy time of all cores and memory in use, for the local node's NodeMetrics */
export function sampleMachine(): ProcessSample {
  const busyMs = cpus().reduce((n, c) => n + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
  return { cpuNanos: busyMs * 1e6, memoryBytes: totalmem() - freemem() };
}
