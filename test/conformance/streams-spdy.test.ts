// SPDY through the real API server and kubelet server: kubectl 1.27 port-forward over plain SPDY,
// kubectl 1.33 over SPDY tunnelled in a WebSocket (and not by falling back), `port-forward svc/x`,
// big bodies, a refused port worded like upstream, and SPDY exec with stdin on kubectl 1.27–1.29.
// (streams.test.ts covers echo/exit code/-it on every kubectl.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { installedKubectls } from './harness';
import { kubectl, running, startStreamsFixture, LOCAL, type StreamsFixture } from './streams/fixture';

let f: StreamsFixture;
let web: Server;
let podUid = '';
const kubectls = installedKubectls();
const byVersion = (v: string) => kubectls.find((k) => k.version === v);

before(async () => {
  f = await startStreamsFixture();
  const pod = await f.client.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: { nodeName: LOCAL, containers: [{ name: 'app', image: 'busybox', ports: [{ containerPort: 8080 }] }] },
  });
  await f.client.updateStatus({ ...pod, status: { phase: 'Running', podIP: '10.244.0.5', containerStatuses: [running('app')] } });
  podUid = (pod.metadata as { uid: string }).uid;
  await f.client.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  });
  web = createServer((req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('bytes') ?? 0);
    res.end(n ? Buffer.alloc(n, 'x') : `hello from ${req.url}`);
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', () => r()));
  f.streams.ports.set(8080, (web.address() as { port: number }).port);
});
after(async () => {
  web?.close();
  await f?.stop();
});

interface Forward {
  child: ChildProcess;
  /** pod port → local port */
  local: Map<number, number>;
  log: () => string;
}

/** `kubectl port-forward <target> <ports…>` with -v=7, so the log says which dialer was used */
async function portForward(bin: string, target: string, ports: string[], expect: number): Promise<Forward> {
  const child = spawn(bin, ['--kubeconfig', f.kubeconfig, '-v=7', 'port-forward', target, ...ports], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const local = await new Promise<Map<number, number>>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = new Map([...out.matchAll(/127\.0\.0\.1:(\d+) -> (\d+)/g)].map((m) => [Number(m[2]), Number(m[1])]));
      if (found.size === expect) resolve(found);
    });
    child.on('close', () => reject(new Error(`kubectl port-forward ended: ${out}${log.slice(-2000)}`)));
  });
  return { child, local, log: () => log };
}

const get = async (port: number, path: string): Promise<string> => (await fetch(`http://127.0.0.1:${port}${path}`)).text();

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(check(), `timed out waiting for ${what}`);
}

for (const [v, tunnelled] of [
  ['1.27', false],
  ['1.33', true],
] as const) {
  describe(`kubectl ${v} port-forward (${tunnelled ? 'SPDY in a WebSocket' : 'SPDY'})`, { skip: byVersion(v) ? false : `no kubectl ${v}` }, () => {
    test('pod/web: fetches through the forward, 4 MB bodies included', async () => {
      const pf = await portForward(byVersion(v)!.path, 'pod/web', [':8080'], 1);
      try {
        const port = pf.local.get(8080)!;
        assert.equal(await get(port, '/a'), 'hello from /a');
        assert.equal((await get(port, '/?bytes=4000000')).length, 4_000_000);
        assert.equal(await get(port, '/b'), 'hello from /b');
        if (tunnelled) {
          assert.match(pf.log(), /negotiated protocol: portforward\.k8s\.io/);
          assert.doesNotMatch(pf.log(), /fallback to secondary dialer/);
        }
      } finally {
        pf.child.kill();
      }
    });

    test("svc/web: kubectl picks the Service's pod and its targetPort", async () => {
      const pf = await portForward(byVersion(v)!.path, 'svc/web', [':80'], 1);
      try {
        assert.equal(pf.local.has(8080), true, 'forwards to the targetPort');
        assert.equal(await get(pf.local.get(8080)!, '/via-service'), 'hello from /via-service');
      } finally {
        pf.child.kill();
      }
    });

    test('a port nothing listens on is reported like upstream', async () => {
      const pf = await portForward(byVersion(v)!.path, 'pod/web', [':8080', ':9999'], 2);
      try {
        await fetch(`http://127.0.0.1:${pf.local.get(9999)}/`).catch(() => undefined);
        await until('the error', () => pf.log().includes(`error forwarding port 9999 to pod web, uid ${podUid}: dial tcp4 127.0.0.1:9999: connect: connection refused`));
      } finally {
        pf.child.kill();
      }
    });
  });
}

describe('kubectl exec -i over SPDY', () => {
  for (const v of ['1.27', '1.28', '1.29']) {
    test(`kubectl ${v}: 300 kB of stdin reach the process, its answer and exit code come back`, { skip: byVersion(v) ? false : `no kubectl ${v}` }, async () => {
      const r = await kubectl(byVersion(v)!.path, f.kubeconfig, ['exec', '-i', 'web', '--', 'sh', '-c', 'wc -c; exit 4'], 'y'.repeat(300_000));
      assert.equal(r.stdout.trim(), '300000', r.stderr);
      assert.equal(r.code, 4);
      assert.match(r.stderr, /command terminated with exit code 4/);
    });
  }
});
