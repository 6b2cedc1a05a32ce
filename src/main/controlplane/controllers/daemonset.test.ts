import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Obj } from '../client';
import { daemonSetController } from './daemonset';
import { createNode, eventually, kubeletsOnce, startWorkloadControllers, type WorkloadHarness } from './sts-ds-test-support';

let h: WorkloadHarness;
before(async () => {
  h = await startWorkloadControllers([daemonSetController]);
  await createNode(h.admin, 'n1');
  await createNode(h.admin, 'n2', { labels: { disk: 'ssd' } });
  await createNode(h.admin, 'n3', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
  await createNode(h.admin, 'n4', { unschedulable: true, taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] });
});
after(async () => h.stop());

const ds = (name: string, podSpec: Obj = {}, spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name, namespace: 'default' },
  spec: {
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'agent:1' }], ...podSpec } },
    ...spec,
  },
});

const getDs = (name: string) => h.admin.get('apps/v1', 'DaemonSet', 'default', name);
const nodesOf = async (app: string) => {
  const list = await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: `app=${app}` });
  return list.items.filter((p: Obj) => !p.metadata.deletionTimestamp).map((p: Obj) => p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].values[0]).sort();
};
const onNodes = (app: string, want: string[]) => eventually(async () => JSON.stringify(await nodesOf(app)) === JSON.stringify(want), `${app} on ${want.join(',')}`);

test('one pod per eligible node: taints block, unschedulable is tolerated, pods carry node affinity', async () => {
  await h.admin.create(ds('agent'));
  await onNodes('agent', ['n1', 'n2', 'n4']);
  const [pod] = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=agent' })).items;
  assert.equal(pod.spec.nodeName, undefined, 'the scheduler binds daemon pods');
  const keys = pod.spec.tolerations.map((t: Obj) => `${t.key}:${t.effect}`);
  for (const k of ['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule']) {
    assert.ok(keys.includes(k), k);
  }
  assert.ok(!keys.includes('node.kubernetes.io/network-unavailable:NoSchedule'), 'only for hostNetwork');
  const status = await eventually(async () => {
    await kubeletsOnce(h.admin, 'default', 'app=agent');
    const s = (await getDs('agent')).status;
    return s?.numberReady === 3 && s;
  }, 'agent ready');
  assert.equal(status.desiredNumberScheduled, 3);
  assert.equal(status.currentNumberScheduled, 3);
  assert.equal(status.updatedNumberScheduled, 3);
  assert.equal(status.numberAvailable, 3);
  assert.equal(status.numberMisscheduled, 0);
});

test('nodeSelector, node affinity and tolerations choose the nodes; relabelling moves pods', async () => {
  await h.admin.create(ds('ssd', { nodeSelector: { disk: 'ssd' } }));
  await onNodes('ssd', ['n2']);
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['n1'] }] }] } } };
  await h.admin.create(ds('gpu', { affinity, tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] }));
  await onNodes('gpu', ['n2', 'n3', 'n4']);
  const n1 = await h.admin.get('v1', 'Node', undefined, 'n1');
  n1.metadata.labels.disk = 'ssd';
  await h.admin.update(n1);
  await onNodes('ssd', ['n1', 'n2']);
  const again = await h.admin.get('v1', 'Node', undefined, 'n1');
  again.metadata.labels.disk = 'hdd';
  await h.admin.update(again);
  await eventually(async () => {
    await kubeletsOnce(h.admin, 'default', 'app=ssd');
    return JSON.stringify(await nodesOf('ssd')) === '["n2"]';
  }, 'ssd pod leaves n1');
});

async function setImage(name: string, image: string): Promise<void> {
  const d = await getDs(name);
  d.spec.template.spec.containers[0].image = image;
  await h.admin.update(d);
}

test('RollingUpdate replaces at most maxUnavailable pods at a time; history has both revisions', async () => {
  await h.admin.create(ds('roll'));
  await eventually(async () => (await getDs('roll')).status?.numberAvailable === 3 || (await kubeletsOnce(h.admin, 'default', 'app=roll'), false), 'roll ready');
  const first = (await h.admin.list('apps/v1', 'ControllerRevision', { namespace: 'default', labelSelector: 'app=roll' })).items;
  assert.equal(first.length, 1);
  await setImage('roll', 'agent:2');
  let maxOld = 0;
  const done = await eventually(async () => {
    const byNode = await kubeletsOnce(h.admin, 'default', 'app=roll');
    const revs = Object.values(byNode).flat();
    const missing = 3 - Object.keys(byNode).filter((n) => n).length;
    maxOld = Math.max(maxOld, missing);
    const s = (await getDs('roll')).status;
    return s?.observedGeneration === 2 && s.updatedNumberScheduled === 3 && s.numberAvailable === 3 && revs.length === 3 && s;
  }, 'rolled out', 10_000);
  assert.ok(maxOld <= 1, `at most one node without a pod (saw ${maxOld})`);
  assert.equal(done.observedGeneration, 2);
  const revisions = (await h.admin.list('apps/v1', 'ControllerRevision', { namespace: 'default', labelSelector: 'app=roll' })).items;
  assert.deepEqual(revisions.map((r: Obj) => r.revision).sort(), [1, 2]);
  const pods = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=roll' })).items;
  const newest = revisions.find((r: Obj) => r.revision === 2);
  assert.ok(pods.every((p: Obj) => p.metadata.labels['controller-revision-hash'] === newest.metadata.labels['controller-revision-hash']));
  assert.ok(pods.every((p: Obj) => p.spec.containers[0].image === 'agent:2'));
});

test('maxSurge starts the new pod beside the old one, then removes the old one', async () => {
  await h.admin.create(ds('surge', {}, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
  await eventually(async () => (await getDs('surge')).status?.numberAvailable === 3 || (await kubeletsOnce(h.admin, 'default', 'app=surge'), false), 'surge ready');
  await setImage('surge', 'agent:2');
  const doubled = await eventually(async () => {
    const list = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=surge' })).items.filter((p: Obj) => !p.metadata.deletionTimestamp);
    return list.length === 4 && list;
  }, 'a surge pod');
  assert.equal(doubled.length, 4);
  await eventually(async () => {
    await kubeletsOnce(h.admin, 'default', 'app=surge');
    const s = (await getDs('surge')).status;
    const live = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=surge' })).items;
    return s?.observedGeneration === 2 && s.updatedNumberScheduled === 3 && s.numberAvailable === 3 && live.length === 3;
  }, 'surge rollout', 10_000);
});

test('OnDelete keeps old pods until they are deleted', async () => {
  await h.admin.create(ds('ondel', {}, { updateStrategy: { type: 'OnDelete' } }));
  await eventually(async () => (await getDs('ondel')).status?.numberAvailable === 3 || (await kubeletsOnce(h.admin, 'default', 'app=ondel'), false), 'ondel ready');
  await setImage('ondel', 'agent:2');
  await eventually(async () => (await getDs('ondel')).status?.observedGeneration === 2, 'observed');
  await new Promise((r) => setTimeout(r, 50));
  let pods = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=ondel' })).items;
  assert.ok(pods.every((p: Obj) => p.spec.containers[0].image === 'agent:1'));
  await h.admin.delete('v1', 'Pod', 'default', pods[0].metadata.name, { gracePeriodSeconds: 0 });
  await eventually(async () => {
    await kubeletsOnce(h.admin, 'default', 'app=ondel');
    pods = (await h.admin.list('v1', 'Pod', { namespace: 'default', labelSelector: 'app=ondel' })).items;
    return pods.length === 3 && pods.filter((p: Obj) => p.spec.containers[0].image === 'agent:2').length === 1;
  }, 'one replaced');
  assert.equal((await getDs('ondel')).status.updatedNumberScheduled, 1);
});
