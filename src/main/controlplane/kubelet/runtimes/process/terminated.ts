// A finished instance as core/v1 ContainerStateTerminated: exit code (128+n for a signal), reason
// (OOMKilled when the memory cgroup killed it, Completed for 0, Error otherwise) and message from the
// terminationMessagePath file, or the log's tail with FallbackToLogsOnError, with upstream's limits.
import { readFileSync } from 'node:fs';
import { parseLogRecord } from '../../logs/cri-format';
import type { ContainerStateValue } from '../types';
import type { ExitInfo } from './instance';
import { instanceLogFiles } from './log-writer';
import type { ContainerRecord, PodRecord } from './record';
import { logDir, terminationFile } from './start';

type Obj = Record<string, any>;
type Terminated = NonNullable<ContainerStateValue['terminated']>;

const MAX_MESSAGE_BYTES = 4096;
const LOG_TAIL_LINES = 80;
const LOG_TAIL_BYTES = 2048;

export function terminatedState(rec: PodRecord, r: ContainerRecord, exit: ExitInfo, nowMs: number): Terminated {
  const c: Obj = [...(rec.pod.spec?.initContainers ?? []), ...(rec.pod.spec?.containers ?? [])].find((x: Obj) => x.name === r.name) ?? {};
  const reason = r.cgroup?.oomKilled() ? 'OOMKilled' : exit.exitCode === 0 ? 'Completed' : 'Error';
  let message = read(terminationFile(rec, r.name, r.restartCount)).slice(0, MAX_MESSAGE_BYTES);
  if (!message && exit.exitCode !== 0 && c.terminationMessagePolicy === 'FallbackToLogsOnError') message = logTail(rec, r);
  return {
    exitCode: exit.exitCode,
    reason,
    ...(message ? { message } : {}),
    startedAt: new Date(r.startedAtMs ?? nowMs).toISOString(),
    finishedAt: new Date(nowMs).toISOString(),
    ...(r.containerID ? { containerID: r.containerID } : {}),
  };
}

function logTail(rec: PodRecord, r: ContainerRecord): string {
  const files = instanceLogFiles(logDir(rec, r.name), r.restartCount);
  const text = files.map(read).join('');
  let out = '';
  for (const line of text.split('\n')) {
    const rec = parseLogRecord(line);
    if (rec) out += rec.content + (rec.partial ? '' : '\n');
  }
  const tail = out.split('\n').slice(-LOG_TAIL_LINES - 1).join('\n');
  return Buffer.from(tail).subarray(-LOG_TAIL_BYTES).toString('utf8');
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
