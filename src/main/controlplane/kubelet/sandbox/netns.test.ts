// Real network, mount and UTS namespaces (root on Linux); skipped with the reason elsewhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../client';
import { detectSandbox } from './detect';
import { createPodSandboxes } from './index';
import { nodeNames } from './names';
import { runCommand } from './run';
import type { PodSandboxes, SandboxCommand, SandboxSpec } from './types';

const nodeName = `sbx-test-${process.pid}`;
const net = `10.251.${process.pid % 200}`;
const net2 = `10.250.${process.pid % 200}`;
const lo = `10.97.${process.pid % 200}.7`;
const names = nodeNames(nodeName);
const names2 = nodeNames(`${nodeName}-2`);
const detected = await detectSandbox(runCommand);
const skip = detected.kind === 'netns' ? false : `needs per-pod namespaces: ${detected.reason}`;

const exec = (c: SandboxCommand): Promise<{ code: number; out: string; err: string }> =>
  new Promise((resolve) => {
    execFile(c.file, c.args, { encoding: 'utf8', timeout: 10_000 }, (e, out, err) => resolve({ code: e ? Number(e.code ?? 1) : 0, out, err }));
  });
const ipOut = (...args: string[]): Promise<string> => runCommand('ip', args).catch(() => '');
const get = async (url: string): Promise<string> => (await fetch(url, { signal: AbortSignal.timeout(3000) })).text();
const SERVER = 'require("http").createServer((q,s)=>s.end(require("os").hostname())).listen(8080,"0.0.0.0")';
const DIAL = (host: string, port: number) => `require("net").connect(${port},"${host}").on("connect",()=>{console.log("ok");process.exit(0)}).on("error",e=>{console.log(e.code);process.exit(1)})`;

describe('netns pod sandboxes', { skip }, () => {
  let tmp: string;
  let sandboxes: PodSandboxes;
  const servers: ChildProcess[] = [];
  let hostServer: Server;
  const spec = (n: string, ip: string): SandboxSpec => ({
    uid: `00000000-0000-4000-8000-${process.pid.toString().padStart(6, '0')}00${n}`, namespace: 'demo', name: `web-${n}`, hostname: `web-${n}`, subdomain: 'web',
    hostNetwork: false, podDir: join(tmp, `pod-${n}`), ip, dns: { nameservers: ['10.96.0.10'], searches: ['demo.svc.cluster.local', 'svc.cluster.local'], options: ['ndots:5'] },
  });

  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'wh-sandbox-'));
    sandboxes = await createPodSandboxes({ nodeName, podCIDR: `${net}.0/24`, logger: silentLogger, nodeIP: '127.0.1.1' });
    await runCommand('ip', ['addr', 'add', `${lo}/32`, 'dev', 'lo']);
    hostServer = createServer((s) => s.end()).listen(0, '0.0.0.0');
  });

  after(async () => {
    for (const s of servers) s.kill('SIGKILL');
    hostServer?.close();
    await runCommand('ip', ['addr', 'del', `${lo}/32`, 'dev', 'lo']).catch(() => undefined);
    const all = (await ipOut('netns', 'list')).split('\n').map((l) => l.split(' ')[0]);
    const left = all.filter((n) => n.startsWith(names.netnsPrefix));
    const left2 = all.filter((n) => n.startsWith(names2.netnsPrefix));
    for (const n of left) await runCommand('ip', ['netns', 'del', n]).catch(() => undefined);
    for (const n of left2) await runCommand('ip', ['netns', 'del', n]).catch(() => undefined);
    await runCommand('ip', ['link', 'del', names.bridge]).catch(() => undefined);
    await runCommand('ip', ['link', 'del', names2.bridge]).catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
  });

  it('gives two pods their own IPs so servers on one port both answer, each with its own hostname', async () => {
    assert.deepEqual(await sandboxes.create(spec('a', `${net}.2`)), { ip: `${net}.2` });
    assert.deepEqual(await sandboxes.create(spec('b', `${net}.3`)), { ip: `${net}.3` });
    for (const n of ['a', 'b']) {
      const c = sandboxes.command(spec(n, '').uid, { argv: [process.execPath, '-e', SERVER], mounts: [] });
      servers.push(spawn(c.file, c.args, { stdio: 'ignore' }));
    }
    const answers = async (): Promise<string[]> => Promise.all([get(`http://${net}.2:8080`), get(`http://${net}.3:8080`)]);
    let got: string[] = [];
    for (let i = 0; i < 50 && got.length === 0; i++) got = await answers().catch(async () => (await new Promise((r) => setTimeout(r, 100)), []));
    assert.deepEqual(got, ['web-a', 'web-b']);
    const host = await exec(sandboxes.command(spec('a', '').uid, { argv: ['hostname'], mounts: [] }));
    assert.equal(host.out.trim(), 'web-a');
  });

  it('execs the container in place, so the spawned PID is the container and receives its signals', async () => {
    const c = sandboxes.command(spec('a', '').uid, { argv: ['sleep', '30'], mounts: [] });
    const child = spawn(c.file, c.args, { stdio: 'ignore' });
    let comm = '';
    for (let i = 0; i < 50 && comm !== 'sleep\n'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      comm = await readFile(`/proc/${child.pid}/comm`, 'utf8').catch(() => '');
    }
    assert.equal(comm, 'sleep\n');
    const exited = new Promise((r) => child.on('exit', (_code, signal) => r(signal)));
    child.kill('SIGTERM');
    assert.equal(await exited, 'SIGTERM');
  });

  it('reaches the gateway, a host address on lo and the other pod from inside a pod', async () => {
    const port = (hostServer.address() as { port: number }).port;
    const uid = spec('a', '').uid;
    for (const [host, p] of [[`${net}.1`, port], [lo, port], [`${net}.3`, 8080]] as const) {
      const r = await exec(sandboxes.command(uid, { argv: [process.execPath, '-e', DIAL(host, p)], mounts: [] }));
      assert.equal(r.out.trim(), 'ok', `pod a → ${host}:${p}: ${r.out}${r.err}`);
    }
  });

  it('routes between pods of two nodes through the host', async () => {
    const other = await createPodSandboxes({ nodeName: `${nodeName}-2`, podCIDR: `${net2}.0/24`, logger: silentLogger });
    const pod = { ...spec('x', `${net2}.2`), podDir: join(tmp, 'pod-x') };
    assert.deepEqual(await other.create(pod), { ip: `${net2}.2` });
    const r = await exec(other.command(pod.uid, { argv: [process.execPath, '-e', DIAL(`${net}.3`, 8080)], mounts: [] }));
    assert.equal(r.out.trim(), 'ok', r.out + r.err);
    await other.destroy(pod.uid);
    await other.close();
    assert.equal(await ipOut('link', 'show', names2.bridge), '');
  });

  it('keeps hostNetwork pods on the node network and hostname, with their own mounts', async () => {
    const pod = { ...spec('h', ''), hostNetwork: true, podDir: join(tmp, 'pod-h') };
    assert.deepEqual(await sandboxes.create(pod), { ip: '127.0.1.1' });
    const src = join(tmp, 'hostnet-volume');
    await mkdir(src);
    await writeFile(join(src, 'f'), 'mounted');
    const r = await exec(sandboxes.command(pod.uid, { argv: ['sh', '-c', `hostname; head -1 /etc/hosts; cat ${join(tmp, 'hn', 'f')}`], mounts: [{ hostPath: src, containerPath: join(tmp, 'hn'), readOnly: true }] }));
    assert.equal(r.out, `${hostname()}\n# Kubernetes-managed hosts file.\nmounted`, r.err);
    await sandboxes.destroy(pod.uid);
  });

  it('shows the pod its resolv.conf, hosts file, mounts and working directory', async () => {
    const uid = spec('a', '').uid;
    const src = join(tmp, 'volume');
    await mkdir(src);
    await writeFile(join(src, 'key'), 'value');
    const mounts = [{ hostPath: src, containerPath: join(tmp, 'ctr', 'config'), readOnly: false }, { hostPath: src, containerPath: join(tmp, 'ctr', 'ro'), readOnly: true }];
    const run = (script: string) => exec(sandboxes.command(uid, { argv: ['sh', '-c', script], mounts, workingDir: join(tmp, 'ctr', 'config') }));
    const seen = await run('cat /etc/resolv.conf /etc/hosts /etc/hostname; pwd; cat key');
    assert.match(seen.out, /^search demo\.svc\.cluster\.local svc\.cluster\.local\nnameserver 10\.96\.0\.10\noptions ndots:5\n/);
    assert.match(seen.out, new RegExp(`${net.replace(/\./g, '\\.')}\\.2\\tweb-a\\.web\\.demo\\.svc\\.cluster\\.local\\tweb-a\\n`));
    assert.match(seen.out, new RegExp(`\\nweb-a\\n${join(tmp, 'ctr', 'config')}\\nvalue$`));
    const ro = await run(`echo x > ${join(tmp, 'ctr', 'ro', 'new')}`);
    assert.notEqual(ro.code, 0);
    assert.match(ro.err, /Read-only file system/);
    assert.equal(existsSync(join(tmp, 'ctr', 'config', 'key')), false, 'the mount stays inside the pod');
    assert.notEqual(await readFile('/etc/hostname', 'utf8'), 'web-a\n');
    // A mount inside another: its mount point is made in the outer volume, where the pod sees it.
    const inner = join(tmp, 'inner');
    await mkdir(inner);
    await writeFile(join(inner, 'deep'), 'nested');
    const nested = [...mounts, { hostPath: inner, containerPath: join(tmp, 'ctr', 'config', 'sub'), readOnly: false }];
    const deep = await exec(sandboxes.command(uid, { argv: ['cat', join(tmp, 'ctr', 'config', 'sub', 'deep')], mounts: nested }));
    assert.equal(deep.out, 'nested', deep.err);
    assert.equal(existsSync(join(src, 'sub')), true);
  });

  it('leaves a node whose network another process runs, or whose pod CIDR is taken, on the host network', async () => {
    const sameCidr = await createPodSandboxes({ nodeName: `${nodeName}-other`, podCIDR: `${net}.0/24`, logger: silentLogger });
    assert.equal(sameCidr.kind, 'host');
    assert.match(sameCidr.reason, new RegExp(`the pod CIDR ${net}\\.0/24 is in use: ${names.bridge} has its gateway`));
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    const lock = `/run/wheelhouse/sandbox/${names2.bridge}.pid`;
    try {
      await writeFile(lock, String(holder.pid));
      const taken = await createPodSandboxes({ nodeName: `${nodeName}-2`, podCIDR: `${net2}.0/24`, logger: silentLogger });
      assert.equal(taken.kind, 'host');
      assert.match(taken.reason, new RegExp(`process ${holder.pid} already runs the pod network of node ${nodeName}-2`));
    } finally {
      holder.kill('SIGKILL');
      await rm(lock, { force: true });
    }
  });

  it('reuses the namespace after a restart, prunes leftovers, and destroys namespace and veth', async () => {
    await sandboxes.create(spec('c', `${net}.4`));
    const restarted = await createPodSandboxes({ nodeName, podCIDR: `${net}.0/24`, logger: silentLogger });
    assert.deepEqual(await restarted.create(spec('b', `${net}.9`)), { ip: `${net}.3` }, 'the IP the pod really has');
    assert.equal((await exec(restarted.command(spec('b', '').uid, { argv: ['hostname'], mounts: [] }))).out.trim(), 'web-b');
    assert.deepEqual(await restarted.prune([spec('a', '').uid]), [spec('c', '').uid]);
    await restarted.destroy(spec('a', '').uid);
    await restarted.destroy(spec('b', '').uid);
    await restarted.destroy(spec('b', '').uid);
    const list = await ipOut('netns', 'list');
    assert.equal(list.includes(names.netnsPrefix), false, list);
    for (const n of ['a', 'b', 'c']) assert.equal(await ipOut('link', 'show', names.veth(spec(n, '').uid)), '');
    await restarted.close();
    assert.equal(await ipOut('link', 'show', names.bridge), '');
  });
});
