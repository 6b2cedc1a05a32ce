import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Obj } from '../client';
import { statefulSetController } from './statefulset';
import { eventually, markPodFailed, markPodReady, podNames, startWorkloadControllers, type WorkloadHarness } from './sts-ds-test-support';

let h: WorkloadHarness;
before(async () => (h = await startWorkloadControllers([statefulSetController])));
after(async () => h.stop());

const sts = (name: string, spec: Obj = {}): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name, namespace: 'default' },
  spec: {
    replicas: 3,
    serviceName: name,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
    ...spec,
  },
});

const pods = (app: string) => podNames(h.admin, 'default', `app=${app}`);
const getPod = (name: string) => h.admin.get('v1', 'Pod', 'default', name);
const getSts = (name: string) => h.admin.get('apps/v1', 'StatefulSet', 'default', name);
const same = (want: string[]) => async (app: string) => JSON.stringify(await pods(app)) === JSON.stringify(want);

/** waits for exactly `want`, then marks `ready` Running and Ready */
async function expectPods(app: string, want: string[], ready: string[] = []): Promise<void> {
  await eventually(() => same(want)(app), `${app} pods ${want.join(',')}`);
  for (const name of ready) await markPodReady(h.admin, 'default', name);
}

async function rollOut(app: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await expectPods(app, Array.from({ length: i + 1 }, (_, k) => `${app}-${k}`), [`${app}-${i}`]);
}

test('OrderedReady: creates web-1 only once web-0 is Running and Ready, with identity and claims', async () => {
  const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  await h.admin.create(sts('web', { volumeClaimTemplates: [claim] }));
  await expectPods('web', ['web-0']);
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(await pods('web'), ['web-0'], 'web-1 waits for web-0');
  const pod = await getPod('web-0');
  assert.equal(pod.spec.hostname, 'web-0');
  assert.equal(pod.spec.subdomain, 'web');
  assert.equal(pod.metadata.labels['statefulset.kubernetes.io/pod-name'], 'web-0');
  assert.equal(pod.metadata.labels['apps.kubernetes.io/pod-index'], '0');
  assert.deepEqual(pod.spec.volumes.find((v: Obj) => v.name === 'data').persistentVolumeClaim, { claimName: 'data-web-0' });
  const pvc = await h.admin.get('v1', 'PersistentVolumeClaim', 'default', 'data-web-0');
  assert.equal(pvc.metadata.labels.app, 'web');
  await markPodReady(h.admin, 'default', 'web-0');
  await rollOut('web', 3);
  const status = await eventually(async () => {
    const s = (await getSts('web')).status;
    return s?.readyReplicas === 3 && s;
  }, 'status');
  assert.equal(status.replicas, 3);
  assert.equal(status.currentReplicas, 3);
  assert.equal(status.updatedReplicas, 3);
  assert.equal(status.currentRevision, status.updateRevision);
  assert.equal(pod.metadata.labels['controller-revision-hash'], status.updateRevision);
  const revisions = await h.admin.list('apps/v1', 'ControllerRevision', { namespace: 'default', labelSelector: 'app=web' });
  assert.deepEqual(revisions.items.map((r: Obj) => [r.metadata.name, r.revision]), [[status.updateRevision, 1]]);
  assert.equal(revisions.items[0].data.spec.template.$patch, 'replace');
});

test('scale down removes the highest ordinal first and keeps the claims', async () => {
  const claim = { metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  await h.admin.create(sts('down', { volumeClaimTemplates: [claim] }));
  await rollOut('down', 3);
  const seen: string[][] = [];
  const set = await getSts('down');
  set.spec.replicas = 1;
  await h.admin.update(set);
  await eventually(async () => {
    const now = await pods('down');
    if (JSON.stringify(now) !== JSON.stringify(seen[seen.length - 1])) seen.push(now);
    return now.length === 1;
  }, 'scale down to 1');
  // Polling may miss a step on a busy machine; what must never be seen is a gap (a lower ordinal
  // removed while a higher one remains).
  for (const state of seen) assert.deepEqual(state, state.map((_, i) => `down-${i}`), `scale-down removed out of order: ${state}`);
  assert.deepEqual(seen[seen.length - 1], ['down-0']);
  const claims = await h.admin.list('v1', 'PersistentVolumeClaim', { namespace: 'default', labelSelector: 'app=down' });
  assert.equal(claims.items.length, 3, 'whenScaled: Retain keeps every claim');
});

test('whenScaled: Delete removes the claims of removed replicas', async () => {
  const claim = { metadata: { name: 'd' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
  await h.admin.create(sts('gone', { replicas: 2, podManagementPolicy: 'Parallel', volumeClaimTemplates: [claim], persistentVolumeClaimRetentionPolicy: { whenScaled: 'Delete', whenDeleted: 'Retain' } }));
  await expectPods('gone', ['gone-0', 'gone-1'], ['gone-0', 'gone-1']);
  const set = await getSts('gone');
  set.spec.replicas = 1;
  await h.admin.update(set);
  await eventually(async () => {
    const claims = await h.admin.list('v1', 'PersistentVolumeClaim', { namespace: 'default', labelSelector: 'app=gone' });
    return JSON.stringify(claims.items.map((c: Obj) => c.metadata.name)) === '["d-gone-0"]';
  }, 'claim d-gone-1 deleted');
});

test('Parallel creates every replica at once; a failed pod is replaced', async () => {
  await h.admin.create(sts('par', { podManagementPolicy: 'Parallel' }));
  await expectPods('par', ['par-0', 'par-1', 'par-2']);
  const before = (await getPod('par-1')).metadata.uid;
  await markPodFailed(h.admin, 'default', 'par-1');
  await eventually(async () => (await getPod('par-1').catch(() => undefined))?.metadata.uid !== before, 'par-1 recreated');
});

/** as a user would: read, change, write, and read again if the controller wrote status in between (409) */
async function setImage(name: string, image: string, patch: (s: Obj) => void = () => {}): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const set = await getSts(name);
    set.spec.template.spec.containers[0].image = image;
    patch(set);
    try {
      await h.admin.update(set);
      return;
    } catch (err) {
      if (attempt >= 5 || (err as { code?: number }).code !== 409) throw err;
    }
  }
}

const revisionOf = async (pod: string) => (await getPod(pod)).metadata.labels['controller-revision-hash'];

test('RollingUpdate with a partition updates only ordinals at or above it, highest first', async () => {
  await h.admin.create(sts('part'));
  await rollOut('part', 3);
  const old = await revisionOf('part-0');
  await setImage('part', 'nginx:2', (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }));
  const updateRevision = await eventually(async () => {
    const s = (await getSts('part')).status;
    return s?.updateRevision !== old && s?.updateRevision;
  }, 'update revision');
  await eventually(async () => (await revisionOf('part-2').catch(() => undefined)) === updateRevision, 'part-2 updated');
  await markPodReady(h.admin, 'default', 'part-2');
  await eventually(async () => (await getSts('part')).status?.updatedReplicas === 1, 'updatedReplicas 1');
  assert.equal(await revisionOf('part-1'), old);
  assert.equal(await revisionOf('part-0'), old);
  assert.equal((await getPod('part-2')).spec.containers[0].image, 'nginx:2');
  // get-modify-update races the controller's status writes: retry on conflict, as kubectl edit does
  await eventually(async () => {
    const set = await getSts('part');
    set.spec.updateStrategy.rollingUpdate.partition = 0;
    return h.admin.update(set).then(() => true, (err) => (err.code === 409 ? false : Promise.reject(err)));
  }, 'partition lowered to 0');
  for (const name of ['part-1', 'part-0']) {
    await eventually(async () => (await revisionOf(name).catch(() => undefined)) === updateRevision, `${name} updated`);
    await markPodReady(h.admin, 'default', name);
  }
  const done = await eventually(async () => {
    const s = (await getSts('part')).status;
    return s?.currentRevision === updateRevision && s;
  }, 'rollout complete');
  assert.equal(done.updatedReplicas, 3);
  assert.equal(done.currentReplicas, 3);
});

test('OnDelete replaces a pod with the new revision only when the user deletes it', async () => {
  await h.admin.create(sts('ondel', { updateStrategy: { type: 'OnDelete' } }));
  await rollOut('ondel', 3);
  const old = await revisionOf('ondel-1');
  await setImage('ondel', 'nginx:2');
  const update = await eventually(async () => {
    const s = (await getSts('ondel')).status;
    return s?.updateRevision !== old && s?.updateRevision;
  }, 'update revision');
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await revisionOf('ondel-2'), old, 'nothing is deleted on its own');
  await h.admin.delete('v1', 'Pod', 'default', 'ondel-1');
  await eventually(async () => (await revisionOf('ondel-1').catch(() => undefined)) === update, 'ondel-1 recreated at the new revision');
  assert.equal(await revisionOf('ondel-2'), old);
});

test('revision history: a rollback to an old template renumbers its revision', async () => {
  await h.admin.create(sts('hist', { replicas: 1 }));
  await rollOut('hist', 1);
  await setImage('hist', 'nginx:2');
  await eventually(async () => (await h.admin.list('apps/v1', 'ControllerRevision', { namespace: 'default', labelSelector: 'app=hist' })).items.length === 2, 'two revisions');
  await eventually(async () => (await getPod('hist-0').catch(() => undefined))?.spec.containers[0].image === 'nginx:2', 'pod updated');
  await markPodReady(h.admin, 'default', 'hist-0');
  await setImage('hist', 'nginx:1');
  const revisions = await eventually(async () => {
    const list = await h.admin.list('apps/v1', 'ControllerRevision', { namespace: 'default', labelSelector: 'app=hist' });
    const numbers = list.items.map((r: Obj) => [r.data.spec.template.spec.containers[0].image, r.revision]).sort();
    return JSON.stringify(numbers) === '[["nginx:1",3],["nginx:2",2]]' && numbers;
  }, 'rollback renumbers');
  assert.ok(revisions);
});

test('an orphan pod with a member name is adopted, not replaced', async () => {
  const orphan = await h.admin.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'adopt-0', namespace: 'default', labels: { app: 'adopt' } }, spec: { containers: [{ name: 'c', image: 'nginx:1' }] } });
  await h.admin.create(sts('adopt', { replicas: 1 }));
  const pod = await eventually(async () => {
    const p = await getPod('adopt-0');
    return p.metadata.ownerReferences?.[0]?.kind === 'StatefulSet' && p;
  }, 'adopted');
  assert.equal(pod.metadata.uid, orphan.metadata.uid);
  assert.equal(pod.metadata.ownerReferences[0].name, 'adopt');
});
