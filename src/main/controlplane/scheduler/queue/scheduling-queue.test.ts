// The queue decides when a pending pod is tried again; time is the only thing faked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeClock } from '../../client/fake-clock';
import { SchedulingQueue } from './scheduling-queue';
import { newPodInfo } from '../snapshot/pod-info';
import { makePod } from '../testing';

const setup = () => {
  const clock = new FakeClock();
  return { clock, queue: new SchedulingQueue({ clock }) };
};
const info = (name: string, priority?: number) => newPodInfo(makePod(name, { priority }));

test('higher priority first, then first come first served', async () => {
  const { clock, queue } = setup();
  queue.add(info('low-1'));
  await clock.advance(1);
  queue.add(info('high', 100));
  await clock.advance(1);
  queue.add(info('low-2'));
  const order = [queue.tryPop(), queue.tryPop(), queue.tryPop()].map((q) => q!.info.pod.metadata.name);
  assert.deepEqual(order, ['high', 'low-1', 'low-2']);
  assert.equal(queue.tryPop(), undefined);
});

test('an unschedulable pod waits for an event that may help it, then its backoff', async () => {
  const { clock, queue } = setup();
  queue.add(info('p'));
  const q = queue.tryPop()!;
  queue.addUnschedulable(q, new Set(['NodeResourcesFit']));
  assert.deepEqual(queue.stats, { active: 0, backoff: 0, unschedulable: 1 });
  queue.moveAllToActiveOrBackoff('AssignedPodAdd');
  assert.equal(queue.stats.unschedulable, 1, 'a new pod elsewhere frees no cpu');
  queue.moveAllToActiveOrBackoff('AssignedPodDelete');
  assert.deepEqual(queue.stats, { active: 0, backoff: 1, unschedulable: 0 });
  await clock.advance(999);
  queue.tick();
  assert.equal(queue.stats.backoff, 1);
  await clock.advance(1);
  queue.tick();
  assert.equal(queue.tryPop()?.info.key, 'default/p');
});

test('backoff doubles per attempt from 1 s up to 10 s', () => {
  const { queue } = setup();
  queue.add(info('p'));
  const q = queue.tryPop()!;
  const seen = [1, 2, 3, 4, 5, 6].map((attempts) => queue.backoffMs({ ...q, attempts }));
  assert.deepEqual(seen, [1000, 2000, 4000, 8000, 10000, 10000]);
});

test('an event during the cycle sends the pod to backoff rather than the parking lot', () => {
  const { queue } = setup();
  queue.add(info('p'));
  const q = queue.tryPop()!;
  queue.moveAllToActiveOrBackoff('NodeAdd');
  queue.addUnschedulable(q, new Set(['TaintToleration']));
  assert.deepEqual(queue.stats, { active: 0, backoff: 1, unschedulable: 0 });
});

test('the periodic flush returns pods parked for longer than the limit', async () => {
  const { clock, queue } = setup();
  queue.start();
  queue.add(info('p'));
  queue.addUnschedulable(queue.tryPop()!, new Set(['TaintToleration']));
  await clock.advance(4 * 60_000);
  assert.equal(queue.stats.unschedulable, 1);
  await clock.advance(90_000);
  assert.equal(queue.stats.unschedulable, 0);
  assert.equal(queue.tryPop()?.info.key, 'default/p');
  queue.close();
});

test('updating a parked pod gives it another try; deleting it forgets it', () => {
  const { queue } = setup();
  queue.add(info('p'));
  queue.addUnschedulable(queue.tryPop()!, new Set(['TaintToleration']));
  queue.add(info('p'));
  assert.equal(queue.stats.unschedulable, 0);
  queue.delete('default/p');
  assert.equal(queue.has('default/p'), false);
});

test('pop waits for a pod and ends when closed', async () => {
  const { queue } = setup();
  const next = queue.pop();
  queue.add(info('p'));
  assert.equal((await next)?.info.key, 'default/p');
  const ended = queue.pop();
  queue.close();
  assert.equal(await ended, undefined);
});
