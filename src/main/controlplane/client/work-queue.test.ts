import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock, settle } from './fake-clock';
import { silentLogger } from './logger';
import { BucketRateLimiter, ItemExponentialRateLimiter, defaultControllerRateLimiter } from './rate-limiter';
import { runWorkers } from './run-workers';
import { WorkQueue } from './work-queue';

test('adding a queued key again does not queue it twice', async () => {
  const queue = new WorkQueue({ clock: new FakeClock() });
  queue.add('a');
  queue.add('b');
  queue.add('a');
  assert.equal(queue.len(), 2);
  assert.equal((await queue.get()).key, 'a');
  assert.equal((await queue.get()).key, 'b');
});

test('a key re-added while processing waits until done, then comes back once', async () => {
  const queue = new WorkQueue({ clock: new FakeClock() });
  queue.add('a');
  const first = await queue.get();
  queue.add('a');
  queue.add('a');
  assert.equal(queue.len(), 0, 'not handed out while a worker holds it');
  queue.done(first.key!);
  assert.equal(queue.len(), 1);
  assert.equal((await queue.get()).key, 'a');
});

test('workers never reconcile the same key at once, even with a slow reconcile', async () => {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock });
  const running = new Set<string>();
  let overlaps = 0;
  const runs: string[] = [];
  const done = runWorkers(
    queue,
    4,
    async (key) => {
      if (running.has(key)) overlaps++;
      running.add(key);
      runs.push(key);
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 1_000));
      running.delete(key);
    },
    { logger: silentLogger },
  );
  queue.add('x');
  await settle();
  queue.add('x');
  queue.add('y');
  queue.add('x');
  await settle();
  assert.deepEqual(runs, ['x', 'y'], 'x is not started again while it runs');
  await clock.advance(1_000);
  assert.deepEqual(runs, ['x', 'y', 'x'], 'x runs once more after the first run, for all the adds meanwhile');
  await clock.advance(1_000);
  assert.equal(overlaps, 0);
  queue.shutDown();
  await done;
});

test('a failing reconcile is retried with growing backoff; success resets it', async () => {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock });
  const at: number[] = [];
  const start = clock.now();
  let failUntil = 5;
  const done = runWorkers(
    queue,
    1,
    async () => {
      at.push(clock.now() - start);
      if (at.length < failUntil) throw new Error('not yet');
    },
    { logger: silentLogger },
  );
  queue.add('k');
  await clock.advance(1_000);
  assert.deepEqual(at, [0, 5, 15, 35, 75], 'waits 5, 10, 20, 40 ms between tries');
  assert.equal(queue.numRequeues('k'), 0, 'forgotten after success');
  failUntil = 7;
  queue.add('k');
  await clock.advance(1_000);
  assert.equal(at[6] - at[5], 5, 'backoff starts over at 5 ms');
  queue.shutDown();
  await done;
});

test('a reconcile can ask to be run again later', async () => {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock });
  let runs = 0;
  const done = runWorkers(queue, 1, async () => (++runs === 1 ? { requeueAfterMs: 30_000 } : undefined), { logger: silentLogger });
  queue.add('k');
  await clock.advance(29_999);
  assert.equal(runs, 1);
  await clock.advance(1);
  assert.equal(runs, 2);
  queue.shutDown();
  await done;
});

test('per-item backoff doubles from 5 ms and stops at 1000 s', () => {
  const limiter = new ItemExponentialRateLimiter();
  const delays = Array.from({ length: 30 }, () => limiter.when('a'));
  assert.deepEqual(delays.slice(0, 4), [5, 10, 20, 40]);
  assert.equal(delays.at(-1), 1_000_000);
  assert.equal(limiter.when('b'), 5, 'items back off independently');
});

test('the overall bucket allows a burst of 100, then 10 per second', () => {
  const clock = new FakeClock();
  const bucket = new BucketRateLimiter(clock, 10, 100);
  for (let i = 0; i < 100; i++) assert.equal(bucket.when(), 0);
  assert.equal(bucket.when(), 100);
  assert.equal(bucket.when(), 200);
  const limiter = defaultControllerRateLimiter(clock);
  for (let i = 0; i < 100; i++) limiter.when(`k${i}`);
  assert.equal(limiter.when('fresh'), 100, 'a fresh key still waits for the shared bucket');
});

test('addAfter keeps the earliest time asked for', async () => {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock });
  queue.addAfter('a', 500);
  queue.addAfter('a', 100);
  queue.addAfter('a', 900);
  await clock.advance(100);
  assert.equal(queue.len(), 1);
  await clock.advance(900);
  assert.equal(queue.len(), 1, 'the later asks did not add it again');
});

test('shutDown lets workers drain what is queued, then stop', async () => {
  const clock = new FakeClock();
  const queue = new WorkQueue({ clock });
  const seen: string[] = [];
  queue.add('a');
  queue.add('b');
  queue.shutDown();
  queue.add('c');
  await runWorkers(queue, 2, async (k) => void seen.push(k), { logger: silentLogger });
  assert.deepEqual(seen.sort(), ['a', 'b']);
});
