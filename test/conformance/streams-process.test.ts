// Streams on the process runtime of a real `wheelhouse cluster start`: kubectl logs (-f, --previous
// after a crash), exec (environment and working directory of the container, exit code, -it), attach,
// cp and port-forward to a pod and a Service, with the oldest and newest installed kubectl.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import { removeDir, type ClusterProcess } from './harness';
import { KubectlSession } from './kubectl';
import { eventually, kubectlsOrSkip, sleep, useCluster } from './suite';

const kubectls = kubectlsOrSkip();
let cluster: ClusterProcess;
useCluster((c) => (cluster = c), ['--local-runtime', 'process']);

const pod = (name: string, script: string, extra: Record<string, unknown> = {}, restartPolicy = 'Always') =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: name } },
    spec: { restartPolicy, terminationGracePeriodSeconds: 1, containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', script], ...extra }] },
  });

const HTTP_SERVER = `exec ${process.execPath} -e "require('http').createServer((q, s) => s.end('pod says ' + q.url)).listen(8080)"`;

/** starts `kubectl port-forward`, returns the local port and a stop function */
const portForward = (k: KubectlSession, target: string): Promise<{ port: number; stop(): void }> =>
  new Promise((resolve, reject) => {
    const child = spawn(k.kubectl.path, ['--kubeconfig', k.kubeconfig, '-n', k.namespace, 'port-forward', target, ':8080'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (d: Buffer): void => {
      out += d;
      const m = /Forwarding from 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) resolve({ port: Number(m[1]), stop: () => child.kill() });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', () => reject(new Error(`port-forward ended: ${out}`)));
  });

for (const kubectl of kubectls.length ? [kubectls[0], kubectls.at(-1)!] : []) {
  describe(`kubectl ${kubectl.version}: streams on the process runtime`, () => {
    const ns = `s${kubectl.version.replace('.', '')}`;
    let k: KubectlSession;
    before(async () => {
      k = new KubectlSession(kubectl, cluster.kubeconfig, ns);
      k.ok(['create', 'namespace', ns], { namespaced: false });
      k.ok(['apply', '-f', '-'], { input: pod('talker', 'i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.2; done', { env: [{ name: 'GREETING', value: 'hello' }], workingDir: '/tmp' }) });
      k.ok(['apply', '-f', '-'], { input: pod('crasher', 'echo "run at $(date +%s%N)"; sleep 1; exit 1') });
      k.ok(['apply', '-f', '-'], { input: pod('web', HTTP_SERVER) });
      k.ok(['expose', 'pod', 'web', '--port=8080']);
      await eventually('talker Running', () => /talker\s+1\/1\s+Running/.test(k.run(['get', 'pod', 'talker']).stdout), 30_000);
    });

    test('logs, --tail, --timestamps and -f', async () => {
      await eventually('a few ticks', () => /tick 3/.test(k.run(['logs', 'talker']).stdout));
      // the talker writes every 200 ms, so a line may land between the tail and the end of the file,
      // as with upstream's kubelet: one line, or two, never the whole log
      const tail = k.ok(['logs', 'talker', '--tail=1']).trimEnd().split('\n');
      assert.ok(tail.length >= 1 && tail.length <= 2, tail.join('|'));
      const stamped = k.ok(['logs', 'talker', '--tail=1', '--timestamps']).trimEnd().split('\n');
      assert.ok(stamped.length >= 1 && stamped.length <= 2, stamped.join('|'));
      for (const line of stamped) assert.match(line, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z tick \d+$/);
      const follow = spawn(k.kubectl.path, ['--kubeconfig', k.kubeconfig, '-n', ns, 'logs', '-f', 'talker', '--tail=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let seen = '';
      follow.stdout.on('data', (d) => (seen += d));
      await eventually('three new lines through -f', () => seen.split('\n').length > 3, 10_000);
      follow.kill();
    });

    test('--previous shows the instance before the crash', async () => {
      await eventually('crasher restarted', () => /crasher\s+\S+\s+\S+\s+[1-9]/.test(k.run(['get', 'pod', 'crasher']).stdout), 40_000);
      const previous = k.ok(['logs', 'crasher', '--previous']);
      assert.match(previous, /^run at \d+\n$/);
    });

    test('exec runs in the container: its environment and working directory, and the exit code', () => {
      assert.equal(k.ok(['exec', 'talker', '--', 'sh', '-c', 'echo "$GREETING from $(pwd)"']), 'hello from /tmp\n');
      const r = k.run(['exec', 'talker', '--', 'sh', '-c', 'exit 3']);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /command terminated with exit code 3/);
    });

    test('exec -it gives a terminal', async () => {
      const term = pty.spawn(k.kubectl.path, ['--kubeconfig', k.kubeconfig, '-n', ns, 'exec', '-it', 'talker', '--', 'sh'], { cols: 90, rows: 30 });
      let screen = '';
      term.onData((d) => (screen += d));
      const exited = new Promise<number>((r) => term.onExit(({ exitCode }) => r(exitCode)));
      term.write('echo $((6*7)); stty size\r');
      await eventually('the shell answers', () => /42\r?\n/.test(screen) && /30 90/.test(screen), 10_000);
      term.write('exit\r');
      assert.equal(await exited, 0);
    });

    test('attach shows the running output', async () => {
      const child = spawn(k.kubectl.path, ['--kubeconfig', k.kubeconfig, '-n', ns, 'attach', 'talker'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let seen = '';
      child.stdout.on('data', (d) => (seen += d));
      child.stderr.on('data', (d) => (seen += d));
      try {
        await eventually('ticks through attach', () => /tick \d+\n(.|\n)*tick \d+\n/.test(seen), 10_000);
      } finally {
        child.kill();
      }
    });

    test('cp copies a file into the pod and back', () => {
      const dir = mkdtempSync(join(tmpdir(), 'wh-cp-'));
      try {
        writeFileSync(join(dir, 'in.txt'), 'copied through exec\n');
        k.ok(['cp', join(dir, 'in.txt'), `${ns}/talker:/tmp/in.txt`], { namespaced: false });
        assert.equal(k.ok(['exec', 'talker', '--', 'cat', '/tmp/in.txt']), 'copied through exec\n');
        k.ok(['cp', `${ns}/talker:/tmp/in.txt`, join(dir, 'out.txt')], { namespaced: false });
        assert.equal(readFileSync(join(dir, 'out.txt'), 'utf8'), 'copied through exec\n');
      } finally {
        removeDir(dir);
      }
    });

    test('port-forward to the pod and to its Service', async () => {
      await eventually('web Running', () => /web\s+1\/1\s+Running/.test(k.run(['get', 'pod', 'web']).stdout), 30_000);
      await sleep(500);
      for (const target of ['pod/web', 'svc/web']) {
        const f = await portForward(k, target);
        try {
          assert.equal(await (await fetch(`http://127.0.0.1:${f.port}/x`)).text(), 'pod says /x');
        } finally {
          f.stop();
        }
      }
    });
  });
}
