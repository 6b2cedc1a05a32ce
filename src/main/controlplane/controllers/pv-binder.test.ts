import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Obj } from '../client';
import { persistentVolumeBinderController } from './pv-binder';
import { localPathStorageClassController } from './pv-storage-classes';
import { createNode, eventually, startWorkloadControllers, type WorkloadHarness } from './sts-ds-test-support';

let h: WorkloadHarness;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pv-binder-test-'));
  h = await startWorkloadControllers([localPathStorageClassController, persistentVolumeBinderController], dataDir);
  await createNode(h.admin, 'n1');
});
after(async () => {
  await h.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const claim = (name: string, spec: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});
const getClaim = (name: string) => h.admin.get('v1', 'PersistentVolumeClaim', 'default', name);
const getPv = (name: string) => h.admin.get('v1', 'PersistentVolume', undefined, name);
const events = async (name: string) => (await h.admin.list('v1', 'Event', { namespace: 'default' })).items.filter((e: Obj) => e.involvedObject.name === name).map((e: Obj) => e.reason);
const bound = (name: string) => eventually(async () => {
  const c = await getClaim(name);
  return c.status?.phase === 'Bound' && c;
}, `${name} Bound`);

test('the default class local-path exists once the controllers start', async () => {
  const sc = await eventually(() => h.admin.get('storage.k8s.io/v1', 'StorageClass', undefined, 'local-path').catch(() => undefined), 'local-path');
  assert.equal(sc.metadata.annotations['storageclass.kubernetes.io/is-default-class'], 'true');
  assert.equal(sc.provisioner, 'wheelhouse.dev/local-path');
  assert.equal(sc.volumeBindingMode, 'WaitForFirstConsumer');
  assert.equal(sc.reclaimPolicy, 'Delete');
});

test('WaitForFirstConsumer: a claim is provisioned on the node of its first scheduled pod; deleting it deletes the volume and folder', async () => {
  await h.admin.create(claim('data'));
  await eventually(async () => (await events('data')).includes('WaitForFirstConsumer'), 'WaitForFirstConsumer event');
  assert.equal((await getClaim('data')).status.phase, 'Pending');
  await h.admin.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'user', namespace: 'default' },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] },
  });
  const c = await bound('data');
  assert.equal(c.metadata.annotations['volume.kubernetes.io/selected-node'], 'n1');
  assert.equal(c.metadata.annotations['pv.kubernetes.io/bind-completed'], 'yes');
  assert.equal(c.metadata.annotations['pv.kubernetes.io/bound-by-controller'], 'yes');
  assert.equal(c.spec.volumeName, `pvc-${c.metadata.uid}`);
  assert.equal(c.status.capacity.storage, '1Gi');
  const pv = await eventually(async () => {
    const v = await getPv(c.spec.volumeName);
    return v.status?.phase === 'Bound' && v;
  }, 'pv Bound');
  assert.equal(pv.metadata.annotations['pv.kubernetes.io/provisioned-by'], 'wheelhouse.dev/local-path');
  assert.equal(pv.spec.storageClassName, 'local-path');
  assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Delete');
  assert.equal(pv.spec.claimRef.uid, c.metadata.uid);
  assert.equal(pv.spec.hostPath.path, join(dataDir, 'volumes', pv.metadata.name));
  assert.deepEqual(pv.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values, ['n1']);
  assert.ok(existsSync(pv.spec.hostPath.path), 'the folder exists');
  assert.ok((await events('data')).includes('ProvisioningSucceeded'));
  await h.admin.delete('v1', 'Pod', 'default', 'user', { gracePeriodSeconds: 0 });
  await h.admin.delete('v1', 'PersistentVolumeClaim', 'default', 'data');
  await eventually(async () => !(await getPv(pv.metadata.name).catch(() => undefined)), 'volume deleted');
  assert.ok(!existsSync(pv.spec.hostPath.path), 'the folder is gone');
});

const staticPv = (name: string, storage: string, labels: Record<string, string> = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, labels },
  spec: { capacity: { storage }, accessModes: ['ReadWriteOnce', 'ReadOnlyMany'], storageClassName: 'manual', hostPath: { path: `/tmp/${name}` } },
});

test('static binding picks the smallest Available volume that fits; Retain releases it when the claim goes', async () => {
  await h.admin.create(staticPv('small', '1Gi'));
  await h.admin.create(staticPv('medium', '5Gi'));
  await h.admin.create(staticPv('large', '10Gi'));
  await eventually(async () => (await getPv('small')).status?.phase === 'Available', 'Available');
  await h.admin.create(claim('want2', { storageClassName: 'manual', resources: { requests: { storage: '2Gi' } } }));
  const c = await bound('want2');
  assert.equal(c.spec.volumeName, 'medium');
  assert.equal(c.status.capacity.storage, '5Gi');
  assert.equal((await getPv('medium')).metadata.annotations['pv.kubernetes.io/bound-by-controller'], 'yes');
  await h.admin.delete('v1', 'PersistentVolumeClaim', 'default', 'want2');
  await eventually(async () => (await getPv('medium')).status?.phase === 'Released', 'Released');
  assert.equal((await getPv('small')).status.phase, 'Available');
});

test('a claim selector limits the volumes it binds to', async () => {
  await h.admin.create(staticPv('fast', '1Gi', { tier: 'fast' }));
  await h.admin.create(claim('picky', { storageClassName: 'manual', selector: { matchLabels: { tier: 'fast' } } }));
  assert.equal((await bound('picky')).spec.volumeName, 'fast');
  await h.admin.create(claim('nomatch', { storageClassName: 'manual', selector: { matchLabels: { tier: 'none' } } }));
  await new Promise((r) => setTimeout(r, 50));
  assert.equal((await getClaim('nomatch')).status.phase, 'Pending');
});

test('an Immediate local-path class provisions at once', async () => {
  await h.admin.create({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'now' }, provisioner: 'wheelhouse.dev/local-path', volumeBindingMode: 'Immediate', reclaimPolicy: 'Retain' });
  await h.admin.create(claim('quick', { storageClassName: 'now' }));
  const c = await bound('quick');
  const pv = await getPv(c.spec.volumeName);
  assert.equal(pv.spec.persistentVolumeReclaimPolicy, 'Retain');
  assert.equal(pv.spec.nodeAffinity, undefined);
});
