import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatLogRecord } from '../logs/cri-format';
import type { LogOptions } from './log-options';
import { streamContainerLogs } from './log-reader';
import type { ContainerLogFiles } from './types';

const rec = (line: string, sec = 1, partial = false): string => formatLogRecord(`2026-01-01T00:00:0${sec}.5Z`, 'stdout', line, partial);
const opts = (o: Partial<LogOptions> = {}): LogOptions => ({ follow: false, previous: false, timestamps: false, ...o });

const withDir = async (run: (dir: string) => Promise<void>): Promise<void> => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-logs-'));
  try {
    await run(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

const read = async (source: () => ContainerLogFiles, o: LogOptions, onChunk?: (text: string) => void): Promise<string> => {
  let text = '';
  await streamContainerLogs(source, o, {
    closed: () => false,
    write: async (b) => {
      text += b.toString();
      onChunk?.(text);
    },
  });
  return text;
};

describe('container log reader', () => {
  test('tail counts records across rotated files', () =>
    withDir(async (dir) => {
      const [a, b] = [join(dir, '0.log.1'), join(dir, '0.log')];
      writeFileSync(a, rec('one') + rec('two'));
      writeFileSync(b, rec('three') + rec('four'));
      const source = () => ({ files: [a, b], running: false });
      assert.equal(await read(source, opts()), 'one\ntwo\nthree\nfour\n');
      assert.equal(await read(source, opts({ tailLines: 3 })), 'two\nthree\nfour\n');
      assert.equal(await read(source, opts({ tailLines: 0 })), '');
      assert.equal(await read(source, opts({ tailLines: 10 })), 'one\ntwo\nthree\nfour\n');
    }));

  test('since, limitBytes and timestamps on joined partial records', () =>
    withDir(async (dir) => {
      const f = join(dir, '0.log');
      writeFileSync(f, rec('old', 1) + rec('ne', 2, true) + rec('w', 2) + rec('', 3));
      const source = () => ({ files: [f], running: false });
      assert.equal(await read(source, opts({ sinceMs: Date.parse('2026-01-01T00:00:02Z') })), 'new\n\n');
      assert.equal(await read(source, opts({ timestamps: true, tailLines: 3 })), '2026-01-01T00:00:02.5Z new\n2026-01-01T00:00:03.5Z \n');
      assert.equal(await read(source, opts({ limitBytes: 5 })), 'old\nn');
    }));

  test('follow survives rotation by rename and a restart into a new file, and ends when the container stops', () =>
    withDir(async (dir) => {
      const first = join(dir, '0.log');
      const state = { files: [first], running: true };
      writeFileSync(first, rec('a'));
      let step = 0;
      const text = await read(() => ({ files: [...state.files], running: state.running }), opts({ follow: true }), (t) => {
        if (t === 'a\n' && step === 0) {
          step = 1;
          // rotation: the runtime renames the file and starts a new one
          setTimeout(() => {
            appendFileSync(first, rec('b'));
            renameSync(first, `${first}.1`);
            writeFileSync(first, rec('c'));
            state.files = [`${first}.1`, first];
          }, 60);
        } else if (t.endsWith('c\n') && step === 1) {
          step = 2;
          // the container restarts: the next instance writes 1.log
          setTimeout(() => {
            const next = join(dir, '1.log');
            writeFileSync(next, rec('d'));
            state.files = [next];
            setTimeout(() => (state.running = false), 150);
          }, 60);
        }
      });
      assert.equal(text, 'a\nb\nc\nd\n');
    }));
});
