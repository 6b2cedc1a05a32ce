import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RestartBackoff } from './backoff';
import { formatDuration } from './pod-sync';

test('restart backoff: at once, then 10 s doubling to 5 min, and afresh after 10 quiet minutes', () => {
  const b = new RestartBackoff();
  let now = 1_000_000;
  assert.equal(b.backoffUntil('c', now, now), undefined, 'the first exit restarts at once');
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    b.next('c', now); // a restart
    now += 1000; // it crashes a second later
    const until = b.backoffUntil('c', now, now)!;
    waits.push((until - now) / 1000);
    now = until;
  }
  assert.deepEqual(waits, [10, 20, 40, 80, 160, 300, 300, 300]);
  b.next('c', now);
  now += 11 * 60_000; // ran fine for 11 minutes
  assert.equal(b.backoffUntil('c', now, now), undefined);
  b.next('c', now);
  assert.equal(b.currentMs('c'), 10_000);
});

test('backoff messages read like Go durations', () => {
  assert.deepEqual([10, 80, 300].map(formatDuration), ['10s', '1m20s', '5m0s']);
});
