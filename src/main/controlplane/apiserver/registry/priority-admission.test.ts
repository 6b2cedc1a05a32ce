import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { createKindStrategy } from '../defaults';
import { harness, pod, withNamespace, type Harness } from './testing';

let h: Harness;
before(async () => {
  h = harness({ strategy: createKindStrategy() });
  await withNamespace(h);
});
after(() => h.close());

const createClass = (name: string, value: number, extra: Record<string, unknown> = {}) =>
  h.storage.create({ ...h.req('priorityclasses'), verb: 'create' }, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra });
const createPod = (name: string, spec: Record<string, unknown> = {}) => h.storage.create({ ...h.req('pods', { ns: 'default' }), verb: 'create' }, pod(name, { spec }));
const fails = (code: number, re: RegExp) => (e: StatusError) => e.code === code && re.test(e.message);

test('a pod gets the priority and preemption policy of its class; an unknown class is refused', async () => {
  const pc = await createClass('high', 1000, { preemptionPolicy: 'Never' });
  assert.equal(pc.object.preemptionPolicy, 'Never');
  const p = await createPod('p1', { priorityClassName: 'high' });
  assert.equal(p.object.spec.priority, 1000);
  assert.equal(p.object.spec.preemptionPolicy, 'Never');
  await assert.rejects(createPod('p2', { priorityClassName: 'nope' }), fails(403, /pods "p2" is forbidden: no PriorityClass with name nope was found/));
  await assert.rejects(createPod('p3', { priorityClassName: 'high', priority: 5 }), fails(403, /must not be provided in pod spec/));
});

test('the one global default class applies to pods without a class; a second default is refused', async () => {
  const def = await createClass('everyday', 10, { globalDefault: true });
  assert.equal(def.object.preemptionPolicy, 'PreemptLowerPriority');
  const p = await createPod('plain');
  assert.equal(p.object.spec.priorityClassName, 'everyday');
  assert.equal(p.object.spec.priority, 10);
  await assert.rejects(createClass('another', 20, { globalDefault: true }), fails(403, /PriorityClass everyday is already marked as default\. Only one default can exist/));
});

test('class values are bounded, system- names reserved, and the value is immutable', async () => {
  await assert.rejects(createClass('huge', 2_000_000_000), fails(422, /value: Forbidden: maximum allowed value of a user defined priority is 1000000000/));
  await assert.rejects(createClass('system-mine', 5), fails(422, /reserved for system use only/));
  await createClass('fixed', 7);
  const req = { ...h.req('priorityclasses', { name: 'fixed' }), verb: 'update' as const };
  await assert.rejects(h.storage.update(req, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'fixed' }, value: 8 }), fails(422, /value: Forbidden: may not be changed in an update/));
});
