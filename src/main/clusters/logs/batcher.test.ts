import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LogBatch } from '../../../shared/bridge/methods-logs';
import { LogBatcher, type BatcherClock } from './batcher';

/** a fake of time only: timers run when the test advances the clock */
function fakeClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  const clock: BatcherClock = {
    now: () => now,
    schedule: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) {
      timers = timers.filter((x) => x !== t);
      t.fn();
    }
  };
  return { clock, advance };
}

test('lines go out once per frame, not one message per line', () => {
  const { clock, advance } = fakeClock();
  const sent: LogBatch[] = [];
  const b = new LogBatcher((x) => sent.push(x), { clock });
  for (let i = 0; i < 500; i++) b.push({ text: `line ${i}` });
  assert.equal(sent.length, 0);
  advance(16);
  assert.equal(sent.length, 1);
  assert.equal(sent[0].lines.length, 500);
});

test('a burst is cut into batches of at most 1,000 lines', () => {
  const { clock, advance } = fakeClock();
  const sent: LogBatch[] = [];
  const b = new LogBatcher((x) => sent.push(x), { clock });
  for (let i = 0; i < 2500; i++) b.push({ text: `line ${i}` });
  advance(16);
  assert.deepEqual(sent.map((s) => s.lines.length), [1000, 1000, 500]);
  assert.equal(sent.flatMap((s) => s.lines).at(-1)?.text, 'line 2499');
});

test('merged sources come out in timestamp order once the hold has passed, sources announced first', () => {
  const { clock, advance } = fakeClock();
  const sent: LogBatch[] = [];
  const b = new LogBatcher((x) => sent.push(x), { clock, holdMs: 150 });
  b.addSource({ pod: 'web-1', container: 'app' });
  b.addSource({ pod: 'web-2', container: 'app' });
  b.push({ text: 'b', ts: '2026-11-21T08:00:00.2Z', src: 0 });
  b.push({ text: 'c', ts: '2026-11-21T08:00:00.3Z', src: 0 });
  advance(50);
  // web-2 is slower: its older line arrives later, still within the hold
  b.push({ text: 'a', ts: '2026-11-21T08:00:00.1Z', src: 1 });
  advance(50);
  assert.equal(sent.length, 0, 'nothing leaves before the hold');
  advance(60);
  assert.deepEqual(sent[0].sources, [{ pod: 'web-1', container: 'app' }, { pod: 'web-2', container: 'app' }]);
  assert.deepEqual(sent[0].lines.map((l) => l.text), ['b', 'c']);
  advance(60);
  assert.deepEqual(sent.flatMap((s) => s.lines).map((l) => l.text), ['b', 'c', 'a']);
});

test('lines held together are sorted; markers keep their place', () => {
  const { clock, advance } = fakeClock();
  const sent: LogBatch[] = [];
  const b = new LogBatcher((x) => sent.push(x), { clock, holdMs: 100 });
  b.push({ text: 'late', ts: '2026-11-21T08:00:02Z', src: 0 });
  b.push({ text: 'early', ts: '2026-11-21T08:00:01.999999999Z', src: 1 });
  b.push({ text: 'reconnected', marker: 'reconnected', src: 1 });
  advance(100);
  assert.deepEqual(sent.flatMap((s) => s.lines).map((l) => l.text), ['early', 'late', 'reconnected']);
});

test('close sends what is held at once', () => {
  const { clock } = fakeClock();
  const sent: LogBatch[] = [];
  const b = new LogBatcher((x) => sent.push(x), { clock, holdMs: 1000 });
  b.push({ text: 'x', ts: '2026-11-21T08:00:00Z' });
  b.close();
  assert.equal(sent[0].lines[0].text, 'x');
  b.push({ text: 'after close' });
  assert.equal(sent.length, 1);
});
