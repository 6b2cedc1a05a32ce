// The parts every OS shares: the files kubelet manages, the host fallback, and choosing between them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../client';
import { hostsFile, resolvConf } from './etc-files';
import { createPodSandboxes } from './index';
import { mountTable } from './mount-table';
import { parseCidr } from './names';
import type { SandboxSpec } from './types';

const spec = (podDir: string): SandboxSpec => ({
  uid: '3f1c9a52-0000-4000-8000-000000000001', namespace: 'shop', name: 'db-0', hostname: 'db-0', subdomain: 'db', hostNetwork: false, podDir, ip: '10.244.0.5',
  dns: { nameservers: ['10.96.0.10'], searches: ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] },
  hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }],
});

describe('pod sandbox files', () => {
  it('writes resolv.conf and a kubelet-style hosts file with the subdomain FQDN and hostAliases', () => {
    assert.equal(resolvConf(spec('/p').dns), 'search shop.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const hosts = hostsFile(spec('/p'), '10.244.0.5', 'cluster.local').split('\n');
    assert.equal(hosts[0], '# Kubernetes-managed hosts file.');
    assert.equal(hosts[1], '127.0.0.1\tlocalhost');
    assert.ok(hosts.includes('10.244.0.5\tdb-0.db.shop.svc.cluster.local\tdb-0'));
    assert.deepEqual(hosts.slice(-3), ['# Entries added by HostAliases.', '10.1.2.3\tfoo.local\tbar.local', '']);
    assert.ok(hostsFile({ ...spec('/p'), subdomain: undefined, hostAliases: [] }, '10.244.0.5', 'cluster.local').endsWith('\n10.244.0.5\tdb-0\n'));
  });

  it('turns mounts into one fstab, parents first, with blanks escaped and nested mount points in the parent volume', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wh-mounts-'));
    await mkdir(join(dir, 'my vol'));
    const t = mountTable([['/p/etc/hosts', '/etc/hosts']], [
      { hostPath: join(dir, 'my vol'), containerPath: '/data/sub', readOnly: false },
      { hostPath: dir, containerPath: '/data', readOnly: true },
    ]);
    assert.equal(t.fstab, `/p/etc/hosts /etc/hosts none bind 0 0\n${dir} /data none bind,ro 0 0\n${dir}/my\\040vol /data/sub none bind 0 0\n`);
    assert.deepEqual(t.points, ['d', '/data', 'd', join(dir, 'sub')]);
    assert.throws(() => mountTable([], [{ hostPath: join(dir, 'missing'), containerPath: '/x', readOnly: false }]), /missing does not exist/);
    assert.throws(() => mountTable([], [{ hostPath: dir, containerPath: 'relative', readOnly: false }]), /must be absolute/);
    await rm(dir, { recursive: true });
  });

  it('says what is wrong with a pod CIDR', () => {
    assert.equal(parseCidr('10.244.3.0/24').gateway, '10.244.3.1');
    assert.equal(parseCidr('10.244.3.0/24').contains('10.244.3.200'), true);
    assert.equal(parseCidr('10.244.3.0/24').contains('10.244.4.2'), false);
    assert.throws(() => parseCidr('fd00::/64'), /invalid pod CIDR "fd00::\/64": want an IPv4 network/);
  });
});

describe('host sandbox (no namespaces: macOS, Windows, Linux without root)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wh-host-sandbox-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('keeps argv, gives the node address, and points the process at its volumes', async () => {
    const warnings: string[] = [];
    const sandboxes = await createPodSandboxes({ nodeName: 'mac', podCIDR: '10.244.0.0/24', logger: { warn: (m) => warnings.push(m) }, nodeIP: '127.0.1.1', platform: 'darwin' });
    assert.equal(sandboxes.kind, 'host');
    assert.match(sandboxes.reason, /darwin has no network namespaces: pods share the host network; two pods listening on one port will collide/);
    assert.deepEqual(warnings, [`sandbox: node mac: ${sandboxes.reason}`]);
    const podDir = join(dir, 'pod');
    assert.deepEqual(await sandboxes.create(spec(podDir)), { ip: '127.0.0.1' });
    assert.match(await readFile(join(podDir, 'etc', 'hosts'), 'utf8'), /127\.0\.0\.1\tdb-0\.db\.shop\.svc\.cluster\.local\tdb-0/);
    const vol = join(dir, 'vol');
    await mkdir(join(vol, 'app'), { recursive: true });
    const c = sandboxes.command(spec(podDir).uid, { argv: ['node', 'server.js', '--port', '80'], mounts: [{ hostPath: vol, containerPath: '/srv', readOnly: false }], workingDir: '/srv/app' });
    assert.deepEqual(c, { file: 'node', args: ['server.js', '--port', '80'], cwd: join(vol, 'app'), env: { WHEELHOUSE_POD_DIR: podDir, WHEELHOUSE_MOUNTS: JSON.stringify({ '/srv': vol }) } });
    assert.equal(sandboxes.command(spec(podDir).uid, { argv: ['true'], mounts: [], workingDir: '/no/such/dir' }).cwd, podDir);
    assert.throws(() => sandboxes.command('unknown', { argv: ['true'], mounts: [] }), /pod unknown has no sandbox on this node/);
    await sandboxes.destroy(spec(podDir).uid);
    assert.equal(existsSync(join(podDir, 'etc')), false);
  });

  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => existsSync(f));
  const canDrop = process.platform === 'linux' && process.getuid?.() === 0 && setpriv ? false : 'needs root and setpriv to run a process without privileges';
  it('says why an unprivileged Linux process gets the host network', { skip: canDrop }, async () => {
    const script = `import(${JSON.stringify(join(import.meta.dirname, 'index.ts'))}).then(async (m) => { const s = await m.createPodSandboxes({ nodeName: 'n', podCIDR: '10.244.0.0/24', logger: { warn() {} } }); console.log(s.kind + ' | ' + s.reason); })`;
    const out = await new Promise<string>((resolve, reject) => execFile(setpriv!, ['--reuid=65534', '--regid=65534', '--clear-groups', '--inh-caps=-all', process.execPath, '--import', 'tsx', '-e', script], { cwd: process.cwd(), timeout: 30_000 }, (e, stdout, stderr) => (e ? reject(new Error(stderr)) : resolve(stdout))));
    assert.equal(out.trim(), 'host | no CAP_NET_ADMIN or CAP_SYS_ADMIN (run as root for per-pod namespaces): pods share the host network; two pods listening on one port will collide');
  });

  it('keeps the node InternalIP on Linux when asked for the host network', async () => {
    const sandboxes = await createPodSandboxes({ nodeName: 'n', podCIDR: '10.244.0.0/24', logger: silentLogger, nodeIP: '127.0.1.1', prefer: 'host' });
    assert.equal(sandboxes.kind, 'host');
    assert.deepEqual(await sandboxes.create(spec(join(dir, 'pod2'))), { ip: '127.0.1.1' });
  });
});
