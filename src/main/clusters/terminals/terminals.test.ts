// Terminals as the renderer sees them over the bridge, against the real built-in cluster: a local
// terminal whose kubectl hits the cluster shown, bytes both ways in binary frames, sessions that end
// with their stream, and clear refusals.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { CoreV1Api } from '@kubernetes/client-node';
import { decodeBinaryFrame, encodeBinaryFrame, type ServerMessage } from '../../../shared/bridge/protocol';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { BridgeRouter, Connection } from '../../engine/bridge/router';
import { createClusterServices, type ClusterServices } from '../create-cluster-services';
import { silentLogger } from '../logger';
import { registerTerminals } from './register-terminals';
import { endOf, isNotFound } from './pod-shell';

const dir = mkdtempSync(join(tmpdir(), 'wh-terminals-'));
const otherKubeconfig = join(dir, 'other.yaml');
writeFileSync(
  otherKubeconfig,
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'far', cluster: { server: 'https://127.0.0.1:1' } }],
    users: [{ name: 'far', user: { token: 'secret' } }],
    contexts: [{ name: 'far', context: { cluster: 'far', user: 'far' } }],
  }),
);
const env = { PATH: process.env.PATH, HOME: dir, SHELL: '/bin/bash', KUBECONFIG: otherKubeconfig };

let cluster: RunningCluster;
let services: ClusterServices;
let terminals: ReturnType<typeof registerTerminals>;
const router = new BridgeRouter();
const messages: ServerMessage[] = [];
const output = new Map<number, string>();
const conn = new Connection(
  (m) => messages.push(m),
  (frame) => {
    const { id, bytes } = decodeBinaryFrame(frame)!;
    output.set(id, (output.get(id) ?? '') + Buffer.from(bytes).toString());
  },
);
let nextId = 1;

async function open(params: unknown): Promise<{ id: number; reply: ServerMessage }> {
  const id = nextId++;
  await router.dispatch(conn, { kind: 'request', id, method: 'terminal.open', params });
  return { id, reply: messages.find((m) => 'id' in m && m.id === id && (m.kind === 'result' || m.kind === 'error'))! };
}
const type = (id: number, text: string) => conn.receiveBinary(encodeBinaryFrame(id, Buffer.from(text)));
async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const ended = (id: number) => messages.find((m) => m.kind === 'end' && m.id === id);

before(async () => {
  cluster = await startCluster({ port: 0, components: false, kubeconfigPath: join(dir, 'builtin', 'kubeconfig.yaml') });
  services = createClusterServices({ env, home: dir, configDir: join(dir, 'config'), builtinKubeconfigPath: cluster.kubeconfigPath, logger: silentLogger });
  terminals = registerTerminals(router, { contexts: services.source, connections: services.connections, configDir: join(dir, 'config'), env, home: dir });
});
after(async () => {
  conn.close();
  terminals.dispose();
  services.dispose();
  await cluster.stop();
  // shells that just ended may still be writing their history into HOME
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
});

test('a local terminal exports only the selected context, and kubectl typed there hits that cluster', async () => {
  const { id, reply } = await open({ kind: 'local', clusterId: 'local', cols: 100, rows: 30 });
  assert.equal(reply.kind, 'result', JSON.stringify(reply));
  const opened = (reply as { result: { kubeconfigPath: string; command: string[]; title: string } }).result;
  assert.deepEqual(opened.command, ['/bin/bash', '-l']);
  assert.equal(statSync(opened.kubeconfigPath).mode & 0o777, 0o600);
  const exported = parse(readFileSync(opened.kubeconfigPath, 'utf8'));
  assert.equal(exported.contexts.length, 1);
  assert.equal(exported.clusters[0].cluster.server, cluster.url);
  type(id, 'echo "ctx=$(kubectl config current-context) cols=$(tput cols)"; kubectl get ns default -o name\r');
  await waitFor(() => /namespace\/default/.test(output.get(id) ?? ''), 'kubectl get ns in the local terminal');
  assert.match(output.get(id)!, /ctx=\S+ cols=100/);
  type(id, 'exit 3\r');
  await waitFor(() => !!ended(id), 'the shell to exit');
  const exit = messages.find((m) => m.kind === 'event' && m.id === id) as { event: { exitCode: number; dropped: boolean; message: string } };
  assert.deepEqual(exit.event, { type: 'exit', exitCode: 3, message: 'exited with code 3', dropped: false });
});

test('resize reaches the tty; closing the stream ends the shell', async () => {
  const { id } = await open({ kind: 'local', clusterId: 'local', cols: 80, rows: 24 });
  await router.dispatch(conn, { kind: 'request', id: 900, method: 'terminal.resize', params: { sessionId: id, cols: 132, rows: 40 } });
  assert.equal(messages.find((m) => 'id' in m && m.id === 900)?.kind, 'result');
  type(id, 'stty size\r');
  await waitFor(() => /40 132/.test(output.get(id) ?? ''), 'stty to report the new size');
  await router.dispatch(conn, { kind: 'cancel', id });
  await router.dispatch(conn, { kind: 'request', id: 901, method: 'terminal.resize', params: { sessionId: id, cols: 10, rows: 10 } });
  const gone = messages.find((m) => 'id' in m && m.id === 901) as { kind: string; error?: { code: string } };
  assert.equal(gone.error?.code, 'NotFound');
});

test("the built-in cluster's local node gets a login shell on this machine; a simulated node is refused", async () => {
  const kc = await services.connections.kubeConfigFor('local');
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNode({ body: { metadata: { name: 'here' } } });
  await core.createNode({ body: { metadata: { name: 'fake-1', labels: { 'wheelhouse.dev/simulated': 'true' } } } });
  const { id, reply } = await open({ kind: 'node', clusterId: 'local', node: 'here', cols: 80, rows: 24 });
  assert.equal(reply.kind, 'result', JSON.stringify(reply));
  assert.equal((reply as { result: { title: string } }).result.title, 'node here');
  type(id, 'echo "pwd=$PWD term=$TERM"\r');
  await waitFor(() => new RegExp(`pwd=${dir} term=xterm-256color`).test(output.get(id) ?? ''), 'the node shell to answer');
  await router.dispatch(conn, { kind: 'cancel', id });
  const fake = (await open({ kind: 'node', clusterId: 'local', node: 'fake-1', cols: 80, rows: 24 })).reply as { error: { message: string } };
  assert.match(fake.error.message, /node fake-1 is simulated/);
  const missing = (await open({ kind: 'node', clusterId: 'local', node: 'nowhere', cols: 80, rows: 24 })).reply as { error: { code: string } };
  assert.equal(missing.error.code, 'NotFound');
});

test('refusals say what is wrong: a node shell off the built-in cluster, bad sizes, unknown contexts', async () => {
  const far = (await open({ kind: 'node', clusterId: `${otherKubeconfig}#far`, node: 'n1', cols: 80, rows: 24 })).reply as { error: { message: string } };
  assert.match(far.error.message, /only offered for the built-in cluster's local node/);
  const bad = (await open({ kind: 'local', clusterId: 'local', cols: 0, rows: 24 })).reply as { error: { message: string } };
  assert.match(bad.error.message, /columns must be a whole number/);
  const unknown = (await open({ kind: 'local', clusterId: 'nope', cols: 80, rows: 24 })).reply as { error: { code: string } };
  assert.equal(unknown.error.code, 'NotFound');
  const textOnly = new Connection(() => undefined);
  const sent: ServerMessage[] = [];
  await router.dispatch(new Connection((m) => sent.push(m)), { kind: 'request', id: 1, method: 'terminal.open', params: { kind: 'local', clusterId: 'local', cols: 80, rows: 24 } });
  assert.match((sent[0] as { error: { message: string } }).error.message, /terminals need binary frames/);
  textOnly.close();
});

test('shell detection: "executable not found" and exit codes 126/127 mean try the next shell', () => {
  const notFound = endOf({ status: 'Failure', message: 'exec: "bash": executable file not found in $PATH' }, 1000, '');
  assert.equal(isNotFound(notFound), true);
  assert.equal(isNotFound(endOf({ status: 'Failure', details: { causes: [{ reason: 'ExitCode', message: '127' }] } }, 1000, '')), true);
  assert.equal(isNotFound(endOf({ status: 'Success' }, 1000, '')), false);
  assert.deepEqual(endOf({ status: 'Failure', details: { causes: [{ reason: 'ExitCode', message: '2' }] } }, 1000, ''), { exitCode: 2, message: 'exited with code 2', dropped: false });
  assert.equal(endOf(undefined, 1006, '').dropped, true);
});
