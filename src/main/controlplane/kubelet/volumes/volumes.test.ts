import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { lstat, mkdtemp, readdir, readFile, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../../client/test-support';
import { FakeClock } from '../../client/fake-clock';
import { silentLogger, type ApiClient, type Obj } from '../../client';
import { PodVolumes, VolumeError } from './index';
import { canMountTmpfs, unmountUnder } from './memory-medium';

let api: TestApi;
let admin: ApiClient;
let root: string;
const clock = new FakeClock(Date.now());
const b64 = (s: string) => Buffer.from(s).toString('base64');

before(async () => {
  api = await startTestApi({ clock, namespaces: ['default', 'apps'] });
  admin = api.client('system:admin');
  root = await mkdtemp(join(tmpdir(), 'wheelhouse-volumes-test-'));
  await admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app', namespace: 'apps' }, data: { 'app.conf': 'port=80\n', extra: 'e' }, binaryData: { 'logo.bin': b64('\u0000\u0001') } });
  await admin.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'tls', namespace: 'apps' }, data: { 'tls.key': b64('KEY') } });
  await admin.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'apps' } });
  await admin.create({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, status: { allocatable: { cpu: '2', memory: '4Gi' } } });
});
after(async () => {
  api.close();
  await unmountUnder(root);
  await rm(root, { recursive: true, force: true });
});

let podCount = 0;
const pod = (volumes: Obj[], mounts: Obj[] = []): Obj => {
  const n = ++podCount;
  return {
    metadata: { name: `p${n}`, namespace: 'apps', uid: `uid-${n}`, labels: { app: 'web', tier: 'front' } },
    spec: { nodeName: 'n1', volumes, containers: [{ name: 'main', resources: { limits: { memory: '64Mi' } }, volumeMounts: mounts }] },
  };
};
const newVolumes = () => new PodVolumes({ client: admin, clock, logger: silentLogger });
const podDirOf = (p: Obj) => join(root, p.metadata.uid);
const text = (path: string) => readFile(path, 'utf8');
const mode = async (path: string) => (await stat(path)).mode & 0o777;

test('configMap, secret, downwardAPI, projected and emptyDir become files with their modes; mounts map into the container', async () => {
  const p = pod(
    [
      { name: 'cfg', configMap: { name: 'app' } },
      { name: 'one', configMap: { name: 'app', items: [{ key: 'app.conf', path: 'conf/app.conf', mode: 0o600 }] } },
      { name: 'key', secret: { secretName: 'tls', defaultMode: 0o400 } },
      { name: 'info', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }, { path: 'name', fieldRef: { fieldPath: 'metadata.name' } }, { path: 'mem', resourceFieldRef: { containerName: 'main', resource: 'limits.memory', divisor: '1Mi' } }, { path: 'cpu', resourceFieldRef: { containerName: 'main', resource: 'limits.cpu' } }] } },
      { name: 'all', projected: { sources: [{ configMap: { name: 'app', items: [{ key: 'extra', path: 'extra' }] } }, { secret: { name: 'tls' } }, { downwardAPI: { items: [{ path: 'ns', fieldRef: { fieldPath: 'metadata.namespace' } }] } }, { serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
      { name: 'scratch', emptyDir: { medium: 'Memory' } },
    ],
    [
      { name: 'cfg', mountPath: '/etc/app' },
      { name: 'cfg', mountPath: '/etc/app.conf', subPath: 'app.conf' },
      { name: 'scratch', mountPath: '/tmp/work' },
    ],
  );
  const dir = podDirOf(p);
  const volumes = newVolumes();
  await volumes.setUp(p, dir);
  const v = (name: string, file = '') => join(dir, 'volumes', name, file);
  assert.equal(await text(v('cfg', 'app.conf')), 'port=80\n');
  assert.deepEqual([...(await readFile(v('cfg', 'logo.bin')))], [0, 1]);
  assert.equal(await readlink(v('cfg', 'app.conf')), '..data/app.conf', 'kubelet layout: key → ..data/key');
  assert.match(await readlink(v('cfg', '..data')), /^\.\.\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\./);
  assert.equal(await mode(v('cfg', 'app.conf')), 0o644);
  assert.equal(await text(v('one', 'conf/app.conf')), 'port=80\n');
  assert.equal(await mode(v('one', 'conf/app.conf')), 0o600);
  assert.deepEqual((await readdir(v('one'))).filter((f) => !f.startsWith('..')), ['conf']);
  assert.equal(await text(v('key', 'tls.key')), 'KEY');
  assert.equal(await mode(v('key', 'tls.key')), 0o400);
  assert.equal(await text(v('info', 'labels')), 'app="web"\ntier="front"');
  assert.deepEqual([await text(v('info', 'name')), await text(v('info', 'mem')), await text(v('info', 'cpu'))], [p.metadata.name, '64', '2']);
  assert.deepEqual([await text(v('all', 'extra')), await text(v('all', 'tls.key')), await text(v('all', 'ns'))], ['e', 'KEY', 'apps']);
  const claims = JSON.parse(Buffer.from((await text(v('all', 'token'))).split('.')[1], 'base64url').toString());
  assert.equal(claims.sub, 'system:serviceaccount:apps:default');
  assert.equal(claims['kubernetes.io'].pod.uid, p.metadata.uid, 'the token is bound to the pod');
  assert.equal(await mode(v('scratch')), 0o777);
  assert.deepEqual(volumes.mountsFor(p, p.spec.containers[0], dir), [
    { hostPath: v('cfg'), containerPath: '/etc/app', readOnly: true },
    { hostPath: v('cfg', 'app.conf'), containerPath: '/etc/app.conf', readOnly: true },
    { hostPath: v('scratch'), containerPath: '/tmp/work', readOnly: false },
  ]);
  await volumes.tearDown(dir);
  await assert.rejects(stat(join(dir, 'volumes')));
});

test('refresh swaps in changed content atomically, drops removed keys, and leaves unchanged volumes alone', async () => {
  await admin.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'live', namespace: 'apps' }, data: { a: '1', b: '2' } });
  const p = pod([{ name: 'live', configMap: { name: 'live' } }, { name: 'still', configMap: { name: 'app' } }]);
  const dir = podDirOf(p);
  const volumes = newVolumes();
  await volumes.setUp(p, dir);
  const live = join(dir, 'volumes', 'live');
  const before = await readlink(join(live, '..data'));
  const still = await readlink(join(dir, 'volumes', 'still', '..data'));
  const cm = await admin.get('v1', 'ConfigMap', 'apps', 'live');
  await admin.update({ ...cm, data: { a: 'one', c: '3' } });
  await volumes.refresh(p, dir);
  assert.equal(await text(join(live, 'a')), 'one');
  assert.equal(await text(join(live, 'c')), '3');
  await assert.rejects(lstat(join(live, 'b')), 'the removed key’s link is gone');
  assert.notEqual(await readlink(join(live, '..data')), before);
  assert.deepEqual((await readdir(live)).filter((f) => f.startsWith('..')).length, 2, 'one timestamped folder and ..data: the old folder is removed');
  assert.equal(await readlink(join(dir, 'volumes', 'still', '..data')), still, 'unchanged content is not rewritten');
  await volumes.tearDown(dir);
});

test('missing sources fail with FailedMount in kubelet’s words; optional ones give an empty volume', async () => {
  const fails = async (volume: Obj, message: string) => {
    const p = pod([volume]);
    await assert.rejects(newVolumes().setUp(p, podDirOf(p)), (err: unknown) => err instanceof VolumeError && err.reason === 'FailedMount' && err.message === message, message);
  };
  await fails({ name: 'cfg', configMap: { name: 'nope' } }, 'MountVolume.SetUp failed for volume "cfg" : configmap "nope" not found');
  await fails({ name: 's', secret: { secretName: 'nope' } }, 'MountVolume.SetUp failed for volume "s" : secret "nope" not found');
  await fails({ name: 'cfg', configMap: { name: 'app', items: [{ key: 'zzz', path: 'z' }] } }, 'MountVolume.SetUp failed for volume "cfg" : configmap references non-existent config key: zzz');
  await fails({ name: 'n', nfs: { server: 'x', path: '/' } }, 'MountVolume.SetUp failed for volume "n" : volume type "nfs" is not supported by the local node\'s process runtime');
  const p = pod([{ name: 'cfg', configMap: { name: 'nope', optional: true } }]);
  await newVolumes().setUp(p, podDirOf(p));
  assert.deepEqual((await readdir(join(podDirOf(p), 'volumes', 'cfg'))).filter((f) => !f.startsWith('..')), []);
});

test('hostPath types are checked like upstream', async () => {
  const host = join(root, 'host');
  const sock = join(root, 'x.sock');
  const server = createServer().listen(sock);
  await new Promise((r) => server.once('listening', r));
  try {
    const setUp = (path: string, type?: string) => {
      const p = pod([{ name: 'h', hostPath: { path, ...(type ? { type } : {}) } }], [{ name: 'h', mountPath: '/data' }]);
      return newVolumes().setUp(p, podDirOf(p)).then(() => p);
    };
    await assert.rejects(setUp(join(host, 'missing'), 'Directory'), { message: `MountVolume.SetUp failed for volume "h" : hostPath type check failed: ${join(host, 'missing')} is not a directory` });
    const p = await setUp(join(host, 'made'), 'DirectoryOrCreate');
    assert.ok((await stat(join(host, 'made'))).isDirectory());
    assert.deepEqual(newVolumes().mountsFor(p, p.spec.containers[0], podDirOf(p)), [{ hostPath: join(host, 'made'), containerPath: '/data', readOnly: false }]);
    await setUp(join(host, 'made', 'f.txt'), 'FileOrCreate');
    assert.ok((await stat(join(host, 'made', 'f.txt'))).isFile());
    await assert.rejects(setUp(join(host, 'made'), 'File'), /is not a file/);
    await assert.rejects(setUp(join(host, 'no-parent', 'f'), 'FileOrCreate'), /hostPath type check failed: ENOENT/);
    await setUp(sock, 'Socket');
    await assert.rejects(setUp(join(host, 'made'), 'Socket'), /is not a socket file/);
    await assert.rejects(setUp(join(host, 'made'), 'Bogus'), /Bogus is an invalid volume type/);
  } finally {
    server.close();
  }
});

test('a claim mounts its bound local volume’s folder, and its data outlives the pod', async () => {
  const path = join(root, 'pv-data');
  await admin.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'pending', namespace: 'apps' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  const waiting = pod([{ name: 'd', persistentVolumeClaim: { claimName: 'pending' } }]);
  await assert.rejects(newVolumes().setUp(waiting, podDirOf(waiting)), { message: 'MountVolume.SetUp failed for volume "d" : error processing PVC apps/pending: PVC apps/pending has non-bound phase ("Pending") or empty pvc.Spec.VolumeName ("")' });
  const claim = await admin.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'apps' }, spec: { accessModes: ['ReadWriteOnce'], volumeName: 'pv-1', resources: { requests: { storage: '1Gi' } } } });
  await admin.create({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path, type: 'DirectoryOrCreate' }, claimRef: { namespace: 'apps', name: 'data', uid: claim.metadata.uid } } });
  await admin.updateStatus({ ...claim, status: { phase: 'Bound' } });
  const p = pod([{ name: 'd', persistentVolumeClaim: { claimName: 'data', readOnly: true } }], [{ name: 'd', mountPath: '/var/lib/data' }]);
  const volumes = newVolumes();
  await volumes.setUp(p, podDirOf(p));
  assert.deepEqual(volumes.mountsFor(p, p.spec.containers[0], podDirOf(p)), [{ hostPath: path, containerPath: '/var/lib/data', readOnly: true }]);
  await writeFile(join(path, 'kept'), 'yes');
  await volumes.tearDown(podDirOf(p));
  assert.equal(await text(join(path, 'kept')), 'yes');
});

test('a projected token is reused, then asked for again after 80 % of its life', async () => {
  const p = pod([{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600, audience: 'vault' } }] } }]);
  const dir = podDirOf(p);
  const volumes = newVolumes();
  await volumes.setUp(p, dir);
  const file = join(dir, 'volumes', 't', 'token');
  const first = await text(file);
  assert.deepEqual(JSON.parse(Buffer.from(first.split('.')[1], 'base64url').toString()).aud, ['vault']);
  await clock.advance(30 * 60 * 1000);
  await volumes.refresh(p, dir);
  assert.equal(await text(file), first);
  await clock.advance(20 * 60 * 1000);
  await volumes.refresh(p, dir);
  assert.notEqual(await text(file), first);
  await volumes.tearDown(dir);
});

test('writes racing on one volume leave exactly one timestamped folder', async () => {
  const { writePayload } = await import('./atomic-writer');
  const dir = join(root, 'race');
  await Promise.all([1, 2, 3, 4].map((n) => writePayload(dir, new Map([['k', { data: Buffer.from(String(n)), mode: 0o644 }]]))));
  assert.equal(await text(join(dir, 'k')), '4');
  assert.equal((await readdir(dir)).filter((f) => f.startsWith('..') && f !== '..data').length, 1);
});

test('emptyDir medium Memory is a tmpfs of sizeLimit where the OS allows, unmounted on tearDown', { skip: !canMountTmpfs() && 'needs Linux and root' }, async () => {
  const p = pod([{ name: 'ram', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } }]);
  const dir = podDirOf(p);
  const volumes = newVolumes();
  await volumes.setUp(p, dir);
  await volumes.setUp(p, dir);
  const ram = join(dir, 'volumes', 'ram');
  const mounts = (await readFile('/proc/mounts', 'utf8')).split('\n').filter((l) => l.split(' ')[1] === ram);
  assert.equal(mounts.length, 1, 'a second setUp does not mount again');
  assert.match(mounts[0], /^tmpfs .*[ ,]size=1024k/);
  await assert.rejects(writeFile(join(ram, 'big'), Buffer.alloc(2 * 1024 * 1024)), { code: 'ENOSPC' }, 'sizeLimit is enforced');
  await volumes.tearDown(dir);
  assert.equal((await readFile('/proc/mounts', 'utf8')).includes(ram), false);
  await assert.rejects(stat(ram));
});
