// The log streams against the real built-in cluster (in-process, with its node agent running
// processes): pods print lines, the engine streams them over a real bridge router.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { LogBatch, LogLine } from '../../../shared/bridge/methods-logs';
import type { ServerMessage } from '../../../shared/bridge/protocol';
import { BridgeRouter, Connection } from '../../engine/bridge/router';
import { KubeConfig } from '@kubernetes/client-node';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { KubeHttp, type KubeConfigSource } from '../cache/kube-http';

interface TestCluster {
  cluster: RunningCluster;
  source: KubeConfigSource;
  http: KubeHttp;
  stop(): Promise<void>;
}

/** the built-in cluster in-process, its local node running pods as host processes */
async function startTestCluster(): Promise<TestCluster> {
  const cluster = await startCluster({ port: 0, localRuntime: 'process' });
  const kc = new KubeConfig();
  kc.loadFromString(cluster.kubeconfig);
  const source = { kubeConfigFor: async () => kc };
  return { cluster, source, http: new KubeHttp(source), stop: () => cluster.stop() };
}
import { registerLogs } from './register';

const NS = 'default';

/** a TCP relay to the API server whose connections the test can cut */
async function tcpHop(target: number): Promise<{ port: number; dropAll(): void; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(target, '127.0.0.1');
    for (const sock of [inbound, outbound]) {
      sockets.add(sock);
      sock.on('close', () => sockets.delete(sock));
      sock.on('error', () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const dropAll = () => sockets.forEach((sk) => sk.destroy());
  return { port: (server.address() as net.AddressInfo).port, dropAll, close: () => (dropAll(), server.close()) };
}
const sh = (script: string) => ({ name: 'app', image: 'busybox', command: ['sh', '-c', script] });

/** one bridge connection; every stream's first result and events, by request id */
function bridge(t: TestCluster) {
  const router = new BridgeRouter();
  registerLogs(router, { kubeconfigs: t.source, options: { pollMs: 300, backoffMs: { first: 100, max: 1000 } } });
  const got = new Map<number, { batches: LogBatch[]; ended?: boolean; error?: string; first?: Promise<LogBatch> }>();
  const resolvers = new Map<number, [(b: LogBatch) => void, (e: Error) => void]>();
  const conn = new Connection((m: ServerMessage) => {
    if (m.kind === 'notify') return;
    const s = got.get(m.id)!;
    if (m.kind === 'result') resolvers.get(m.id)![0](m.result as LogBatch);
    if (m.kind === 'error') resolvers.get(m.id)![1](new Error(m.error.message));
    if (m.kind === 'event') s.batches.push(m.event as LogBatch);
    if (m.kind === 'end') Object.assign(s, { ended: true, error: m.error?.message });
  });
  let id = 1;
  const open = (method: 'logs.stream' | 'logs.streamWorkload', params: unknown) => {
    const n = id++;
    const s = { batches: [] as LogBatch[], first: undefined as Promise<LogBatch> | undefined, ended: false, error: undefined as string | undefined };
    s.first = new Promise<LogBatch>((ok, fail) => resolvers.set(n, [ok, fail]));
    got.set(n, s);
    void router.dispatch(conn, { kind: 'request', id: n, method, params });
    const lines = (): LogLine[] => s.batches.flatMap((b) => b.lines);
    return { id: n, s, lines, cancel: () => conn.cancel(n) };
  };
  return { open, close: () => conn.close() };
}

const until = async <T>(what: string, fn: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('log streams on the built-in cluster', () => {
  let t: TestCluster;
  let skip: string | false = false;
  before(async () => {
    t = await startTestCluster();
    // the local node runs pods as processes once the process runtime is wired in; before, no logs
    await t.http.request('local', { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: { metadata: { name: 'probe' }, spec: { containers: [sh('echo ready; sleep 30')] } } });
    let last = '';
    const text = await until('the probe pod to log', async () => {
      const { res } = await t.http.open('local', { path: `/api/v1/namespaces/${NS}/pods/probe/log`, accept: '*/*' });
      let body = '';
      for await (const c of res) body += c;
      last = `HTTP ${res.statusCode}: ${body}`;
      return res.statusCode === 200 && body.includes('ready') ? body : undefined;
    }, 20_000).catch(() => last);
    if (!text.includes('ready')) skip = `the built-in cluster does not serve pod logs yet (${text.slice(0, 160)})`;
  });
  after(() => t?.stop());

  it('follows one container: lines arrive in batches, with the server timestamps', async (ctx) => {
    if (skip) return ctx.skip(skip);
    await t.http.request('local', { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: { metadata: { name: 'ticker' }, spec: { containers: [sh('i=0; while true; do echo "tick $i"; i=$((i+1)); sleep 0.01; done')] } } });
    const b = bridge(t);
    const s = await until('the ticker to start', async () => {
      const x = b.open('logs.stream', { clusterId: 'local', namespace: NS, pod: 'ticker', follow: true, tailLines: 5 });
      try {
        const first = await x.s.first!;
        assert.equal(first.container, 'app');
        return x;
      } catch {
        return undefined;
      }
    });
    await until('200 lines', () => s.lines().length >= 200);
    const lines = s.lines().filter((l) => !l.marker);
    assert.match(lines[0].ts ?? '', /^\d{4}-\d\d-\d\dT/);
    const n = lines.map((l) => Number(/tick (\d+)/.exec(l.text)?.[1]));
    assert.deepEqual(n, n.map((_, i) => n[0] + i), 'in order, none lost, none repeated');
    assert.ok(s.s.batches.length < lines.length / 2, `${s.s.batches.length} batches for ${lines.length} lines`);
    s.cancel();
    b.close();
  });

  it('continues after the connection drops, without losing or repeating a line, and says so', async (ctx) => {
    if (skip) return ctx.skip(skip);
    await t.http.request('local', { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: { metadata: { name: 'counter' }, spec: { containers: [sh('i=0; while true; do echo "n $i"; i=$((i+1)); sleep 0.01; done')] } } });
    // a real TCP hop between the engine and the API server, so the test can cut the wire
    const cut = await tcpHop(t.cluster.port);
    const kc = new KubeConfig();
    kc.loadFromString(t.cluster.kubeconfig.replace(`:${t.cluster.port}`, `:${cut.port}`));
    const b = bridge({ ...t, source: { kubeConfigFor: async () => kc } });
    const s = await until('counter to start', async () => {
      const x = b.open('logs.stream', { clusterId: 'local', namespace: NS, pod: 'counter', follow: true });
      return (await x.s.first!.then(() => true, () => false)) ? x : undefined;
    });
    await until('100 lines', () => s.lines().filter((l) => !l.marker).length >= 100);
    cut.dropAll();
    const before = s.lines().length;
    await until('lines after the drop', () => s.lines().slice(before).filter((l) => !l.marker).length >= 100);
    const markers = s.lines().filter((l) => l.marker && l.marker !== 'waiting');
    assert.deepEqual(markers.map((l) => l.marker), ['reconnected']);
    const n = s.lines().filter((l) => !l.marker).map((l) => Number(/n (\d+)/.exec(l.text)?.[1]));
    assert.deepEqual(n, n.map((_, i) => n[0] + i), 'no line lost or repeated across the drop');
    s.cancel();
    b.close();
    cut.close();
  });

  it('a container that restarts keeps its log going: the next instance\'s lines follow', async (ctx) => {
    if (skip) return ctx.skip(skip);
    await t.http.request('local', { method: 'POST', path: `/api/v1/namespaces/${NS}/pods`, body: { metadata: { name: 'crasher' }, spec: { restartPolicy: 'Always', containers: [sh('echo "start $(date +%s%N)"; echo one; echo two; sleep 0.5; exit 1')] } } });
    const b = bridge(t);
    const s = await until('crasher to start', async () => {
      const x = b.open('logs.stream', { clusterId: 'local', namespace: NS, pod: 'crasher', follow: true });
      return (await x.s.first!.then(() => true, () => false)) ? x : undefined;
    });
    await until('a second instance', () => s.lines().filter((l) => l.text.startsWith('start ')).length >= 2, 40_000);
    const texts = s.lines().filter((l) => !l.marker).map((l) => l.text.replace(/^start \d+/, 'start'));
    assert.deepEqual(texts.slice(0, 6), ['start', 'one', 'two', 'start', 'one', 'two']);
    s.cancel();
    b.close();
  });

  it('merges every pod of a Deployment, labelled, and pods that appear later join', async (ctx) => {
    if (skip) return ctx.skip(skip);
    const template = { metadata: { labels: { app: 'merged' } }, spec: { containers: [sh('while true; do echo "hello from $HOSTNAME"; sleep 0.1; done')] } };
    await t.http.request('local', { method: 'POST', path: `/apis/apps/v1/namespaces/${NS}/deployments`, body: { metadata: { name: 'merged' }, spec: { replicas: 2, selector: { matchLabels: { app: 'merged' } }, template } } });
    const b = bridge(t);
    const s = b.open('logs.streamWorkload', { clusterId: 'local', namespace: NS, kind: 'Deployment', name: 'merged', follow: true, tailLines: 10 });
    assert.deepEqual((await s.s.first!).containers, [{ name: 'app' }]);
    const sources = () => s.s.batches.flatMap((x) => x.sources ?? []);
    const podsSeen = () => new Set(s.lines().filter((l) => !l.marker).map((l) => sources()[l.src!]?.pod));
    await until('lines of both pods', () => podsSeen().size >= 2);
    for (const l of s.lines().filter((x) => !x.marker)) assert.equal(l.text, `hello from ${sources()[l.src!].pod}`, 'each line is labelled with the pod that wrote it');
    const merged = s.lines().filter((l) => l.ts);
    assert.ok(merged.filter((l, i) => i > 0 && l.ts! < merged[i - 1].ts!).length <= 2, 'merged in timestamp order');
    await t.http.request('local', { method: 'PATCH', path: `/apis/apps/v1/namespaces/${NS}/deployments/merged`, contentType: 'application/merge-patch+json', body: { spec: { replicas: 3 } } });
    await until('the third pod to join', () => podsSeen().size >= 3 && s.lines().some((l) => l.marker === 'joined'));
    s.cancel();
    b.close();
  });

  it('a pod that is not there fails the request with the server message', async () => {
    const b = bridge(t);
    await assert.rejects(b.open('logs.stream', { clusterId: 'local', namespace: NS, pod: 'nope' }).s.first!, /pods "nope" not found/);
    await assert.rejects(b.open('logs.stream', { clusterId: 'local', namespace: NS, pod: 'probe', container: 'other' }).s.first!, /container other is not valid for pod probe/);
    await assert.rejects(b.open('logs.streamWorkload', { clusterId: 'local', namespace: NS, kind: 'Deployment', name: 'nope' }).s.first!, /deployments.apps "nope" not found/);
    b.close();
  });
});
