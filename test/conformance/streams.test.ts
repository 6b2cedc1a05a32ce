// Logs and exec through the API, as on any cluster: kubectl → API server (pods/log, pods/exec)
// → the local node's kubelet server → the container. The kubelet server here runs over
// HostStreams (real host processes and CRI log files) on an in-process cluster, so the suite does
// not wait for the process runtime; the API server, kubelet server and kubectl are the real ones.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import * as pty from 'node-pty';
import { formatLogRecord } from '../../src/main/controlplane/kubelet/logs/cri-format';
import { installedKubectls } from './harness';
import { kubectl, placePod, running, startStreamsFixture, writeLog, SIMULATED, type StreamsFixture } from './streams/fixture';

let f: StreamsFixture;
const kubectls = installedKubectls();
const newest = kubectls.at(-1)!;
const k = (args: string[], input?: string, bin = newest.path) => kubectl(bin, f.kubeconfig, args, input);

before(async () => {
  f = await startStreamsFixture();
  await placePod(f, 'web', ['app'], [running('app', { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:00:00Z', containerID: 'process://old' } } })]);
  await placePod(f, 'pair', ['a', 'b'], [running('a'), running('b')]);
  await placePod(f, 'starting', ['app'], [{ name: 'app', image: 'busybox', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }]);
  await placePod(f, 'fake', ['app'], [running('app')], SIMULATED);
  const t = (s: number) => `2026-01-01T00:00:0${s}.000000001Z`;
  const current = writeLog(f, 'web-app.log', [
    formatLogRecord(t(1), 'stdout', 'one'),
    formatLogRecord(t(2), 'stderr', 'two'),
    formatLogRecord(t(3), 'stdout', 'thr', true),
    formatLogRecord(t(3), 'stdout', 'ee'),
  ]);
  const previous = writeLog(f, 'web-app-previous.log', [formatLogRecord(t(0), 'stdout', 'before the crash')]);
  f.streams.logs.set('web/app', { current: [current], previous: [previous], running: true });
});
after(() => f?.stop());

describe('kubectl logs', { skip: kubectls.length === 0 && 'no kubectl installed' }, () => {
  test('prints the lines, P records joined, with --tail and --timestamps', async () => {
    assert.equal((await k(['logs', 'web'])).stdout, 'one\ntwo\nthree\n');
    assert.equal((await k(['logs', 'web', '--tail=2'])).stdout, 'three\n');
    assert.equal((await k(['logs', 'web', '--tail=3'])).stdout, 'two\nthree\n');
    assert.equal((await k(['logs', 'web', '--timestamps', '--tail=3'])).stdout, '2026-01-01T00:00:02.000000001Z two\n2026-01-01T00:00:03.000000001Z three\n');
    assert.equal((await k(['logs', 'web', '--since-time=2026-01-01T00:00:02Z'])).stdout, 'two\nthree\n');
    assert.equal((await k(['logs', 'web', '--limit-bytes=6'])).stdout, 'one\ntw');
  });

  test('--previous reads the instance before the restart, and says so when there is none', async () => {
    assert.equal((await k(['logs', 'web', '--previous'])).stdout, 'before the crash\n');
    const none = await k(['logs', 'pair', '-c', 'a', '--previous']);
    assert.notEqual(none.code, 0);
    assert.match(none.stderr, /previous terminated container "a" in pod "pair" not found/);
  });

  test('explains why there is nothing to read', async () => {
    assert.match((await k(['logs', 'starting'])).stderr, /container "app" in pod "starting" is waiting to start: ContainerCreating/);
    assert.match((await k(['logs', 'fake'])).stderr, /pod fake runs on simulated node sim-0001, which has no container runtime/);
    assert.match((await k(['logs', 'web', '-c', 'nope'])).stderr, /container nope is not valid for pod web/);
    assert.match((await k(['get', '--raw', '/api/v1/namespaces/default/pods/pair/log'])).stderr, /a container name must be specified for pod pair, choose one of: \[a b\]/);
  });

  test('-f sees new lines as they are written and ends when the container stops', async () => {
    const proc = kubectl(newest.path, f.kubeconfig, ['logs', '-f', 'web', '--tail=0']);
    await new Promise((r) => setTimeout(r, 500));
    appendFileSync(f.streams.logs.get('web/app')!.current[0], formatLogRecord(new Date(), 'stdout', 'fresh'));
    await new Promise((r) => setTimeout(r, 500));
    f.streams.logs.get('web/app')!.running = false;
    const r = await proc;
    f.streams.logs.get('web/app')!.running = true;
    assert.equal(r.stdout, 'fresh\n');
  });
});

describe('kubectl exec (WebSocket from 1.30, SPDY before)', { skip: kubectls.length === 0 && 'no kubectl installed' }, () => {
  for (const kc of kubectls) {
    test(`kubectl ${kc.version}: echo, stdin, and the exit code`, async () => {
      const hi = await k(['exec', 'web', '--', 'echo', 'hi'], undefined, kc.path);
      assert.equal(hi.stdout, 'hi\n', hi.stderr);
      const cat = await k(['exec', '-i', 'web', '--', 'sh', '-c', 'cat; echo done >&2'], 'from stdin\n', kc.path);
      assert.equal(cat.stdout, 'from stdin\n', cat.stderr);
      assert.match(cat.stderr, /done/);
      const three = await k(['exec', 'web', '--', 'sh', '-c', 'exit 3'], undefined, kc.path);
      assert.equal(three.code, 3);
      assert.match(three.stderr, /command terminated with exit code 3/);
    });
  }

  for (const kc of [kubectls[0], newest]) {
    test(`kubectl ${kc.version} exec -it: a terminal that follows resizes and reports the exit code`, async () => {
      const term = pty.spawn(kc.path, ['--kubeconfig', f.kubeconfig, 'exec', '-it', 'web', '--', 'sh'], { cols: 80, rows: 24, env: { ...process.env, PS1: '$ ' } as Record<string, string> });
      let screen = '';
      term.onData((d) => (screen += d));
      const exited = new Promise<number>((r) => term.onExit(({ exitCode }) => r(exitCode)));
      const waitFor = async (re: RegExp): Promise<void> => {
        for (let i = 0; i < 100 && !re.test(screen); i++) await new Promise((r) => setTimeout(r, 100));
        assert.match(screen, re);
      };
      try {
        term.write('echo $((6*7))\r');
        await waitFor(/42\r?\n/);
        term.resize(101, 41);
        await new Promise((r) => setTimeout(r, 300));
        term.write('stty size\r');
        await waitFor(/41 101/);
        term.write('exit 5\r');
        assert.equal(await exited, 5);
      } finally {
        term.kill();
      }
    });
  }

  test('a command that cannot start is reported, and the server keeps serving', async () => {
    const r = await k(['exec', 'web', '--', '/no/such/command']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /ENOENT|no such file|not found/i);
    assert.equal((await k(['exec', 'web', '--', 'echo', 'still here'])).stdout, 'still here\n');
  });

  test('a plain POST to exec is refused: it needs an upgrade', async () => {
    const r = await k(['create', '--raw', '/api/v1/namespaces/default/pods/web/exec?command=true', '-f', '-'], '{}');
    assert.match(r.stderr, /Upgrade request required/);
  });
});

describe('kubectl port-forward', { skip: kubectls.length === 0 && 'no kubectl installed' }, () => {
  let web: Server;
  before(async () => {
    web = createServer((req, res) => res.end(`hello from ${req.url}`));
    await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
    f.streams.ports.set(8080, (web.address() as { port: number }).port);
  });
  after(() => web.close());

  for (const kc of [kubectls[0], newest]) {
    test(`kubectl ${kc.version} forwards a local port to the pod's port`, async () => {
      const child = spawn(kc.path, ['--kubeconfig', f.kubeconfig, 'port-forward', 'pod/web', ':8080'], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const local = await new Promise<number>((resolve, reject) => {
          let out = '';
          child.stdout.on('data', (d) => {
            out += d;
            const m = /Forwarding from 127\.0\.0\.1:(\d+) -> 8080/.exec(out);
            if (m) resolve(Number(m[1]));
          });
          child.stderr.on('data', (d) => (out += d));
          child.on('close', () => reject(new Error(`kubectl port-forward ended: ${out}`)));
        });
        for (const path of ['/a', '/b']) {
          const body = await (await fetch(`http://127.0.0.1:${local}${path}`)).text();
          assert.equal(body, `hello from ${path}`);
        }
      } finally {
        child.kill();
      }
    });
  }
});
