import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseLogRecord } from '../../logs/cri-format';
import { LogWriter, instanceLogFiles } from './log-writer';

const records = (files: string[]) => files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => parseLogRecord(l)!));

test('output becomes CRI records: full lines as F, an unfinished tail as P', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-log-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const w = new LogWriter({ dir, restartCount: 2, now: () => new Date('2026-01-02T03:04:05.000Z') });
  w.write('stdout', 'one\r\ntwo\nprom');
  w.write('stdout', 'pt> ');
  w.write('stderr', 'err\n');
  w.close();
  const got = records(instanceLogFiles(dir, 2)).map((r) => `${r.stream} ${r.partial ? 'P' : 'F'} ${r.content}`);
  assert.deepEqual(got, ['stdout F one', 'stdout F two', 'stdout P prom', 'stdout P pt> ', 'stderr F err']);
  assert.equal(readFileSync(join(dir, '2.log'), 'utf8').split('\n')[0], '2026-01-02T03:04:05.000Z stdout F one');
});

test('the log rotates at its size limit and keeps the newest files', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-log-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const w = new LogWriter({ dir, restartCount: 0, now: () => new Date(), maxBytes: 200, maxFiles: 3 });
  for (let i = 0; i < 40; i++) w.write('stdout', `line ${i}\n`);
  w.close();
  const files = readdirSync(dir).sort();
  assert.equal(files.length, 3);
  assert.deepEqual(files.map((f) => f.replace(/\d+$/, 'N')), ['0.log', '0.log.N', '0.log.N']);
  const lines = records(instanceLogFiles(dir, 0)).map((r) => r.content);
  assert.equal(lines[lines.length - 1], 'line 39');
  assert.deepEqual(lines, [...lines].sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1])), 'oldest first');
});
