// Test-only: an HTTP endpoint that hands kubectl's exec/attach/port-forward upgrades straight to
// the SPDY handlers, with real host processes and real TCP ports behind them. It answers the one
// GET kubectl makes first (the pod, to check it is running); everything else is 404. Used until
// a suite can go through the real API server and kubelet (test/conformance/streams-spdy.test.ts).
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { ExecOptions, ExecSession } from '../../server/types';
import { parseExecQuery } from '../query';
import { acceptTunneledPortForward, isTunneledPortForward, serveSpdyExec, serveSpdyPortForward } from './index';

export const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';

export interface StreamsEndpoint {
  url: string;
  /** every exec started: the options it got, the sizes it was told, whether it was killed */
  execs: { argv: string[]; opts: ExecOptions; sizes: [number, number][]; killed: boolean }[];
  /** which handler took each upgrade: spdy-exec, spdy-portforward, tunnel-portforward */
  upgrades: string[];
  close(): Promise<void>;
}

const pod = (name: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}` },
  spec: { containers: [{ name: 'main', image: 'x' }] },
  status: { phase: 'Running', containerStatuses: [{ name: 'main', ready: true, state: { running: {} } }] },
});

// legacy (unaggregated) discovery: just enough for kubectl to resolve "pods"
const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], shortNames: ['po'] },
      { name: 'pods/exec', singularName: '', namespaced: true, kind: 'PodExecOptions', verbs: ['create', 'get'] },
      { name: 'pods/attach', singularName: '', namespaced: true, kind: 'PodAttachOptions', verbs: ['create', 'get'] },
      { name: 'pods/portforward', singularName: '', namespaced: true, kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    ],
  },
};

/** spawns argv as a host process; stdin/stdout/stderr are its pipes */
export function spawnExec(argv: string[], opts: ExecOptions, record?: StreamsEndpoint['execs'][number]): Promise<ExecSession> {
  const child = spawn(argv[0]!, argv.slice(1), { stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', opts.tty ? 'pipe' : 'pipe'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        stdin: child.stdin ?? undefined,
        stdout: child.stdout ?? undefined,
        stderr: opts.tty ? undefined : (child.stderr ?? undefined),
        resize: (cols, rows) => record?.sizes.push([cols, rows]),
        exited: new Promise((r) => child.once('close', (code, signal) => r({ exitCode: code ?? 137, signal: signal ?? undefined }))),
        kill: () => {
          if (record) record.killed = true;
          child.kill('SIGKILL');
        },
      }),
    );
  });
}

export const connectLocal = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const s = netConnect(port, '127.0.0.1');
    s.once('connect', () => resolve(s));
    s.once('error', reject);
  });

export async function startStreamsEndpoint(streamCreationTimeoutMs?: number): Promise<StreamsEndpoint> {
  const execs: StreamsEndpoint['execs'] = [];
  const upgrades: string[] = [];
  const server: Server = createServer((req, res) => {
    const m = /^\/api\/v1\/namespaces\/default\/pods\/([^/?]+)$/.exec(req.url!.split('?')[0]!);
    res.setHeader('Content-Type', 'application/json');
    if (req.method === 'GET' && m) return void res.end(JSON.stringify(pod(m[1]!)));
    const found = DISCOVERY[req.url!.split('?')[0]!];
    if (req.method === 'GET' && found) return void res.end(JSON.stringify(found));
    res.statusCode = 404;
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${req.method} ${req.url} not found` }));
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url!, 'http://x');
    const u = { req, socket, head };
    if (url.pathname.endsWith('/portforward')) {
      const opts = { pod: 'uid-web', streamCreationTimeoutMs };
      if (isTunneledPortForward(req)) {
        upgrades.push('tunnel-portforward');
        return acceptTunneledPortForward(u, connectLocal, opts);
      }
      upgrades.push('spdy-portforward');
      return serveSpdyPortForward(u, connectLocal, opts);
    }
    upgrades.push('spdy-exec');
    const query = parseExecQuery(url.searchParams, url.pathname.endsWith('/exec'));
    const start = (opts: ExecOptions) => {
      const record = { argv: query.command, opts, sizes: [], killed: false };
      execs.push(record);
      return spawnExec(query.command, opts, record);
    };
    serveSpdyExec(u, query, start, { streamCreationTimeoutMs });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    execs,
    upgrades,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface KubectlResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** runs a real kubectl against the endpoint, asynchronously (the endpoint lives in this process) */
export function kubectl(version: string, server: string, args: string[], input?: string): Promise<KubectlResult> {
  const child = spawn(`${KUBECTL_DIR}/kubectl.${version}`, [`--server=${server}`, '--kubeconfig=/dev/null', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  if (input !== undefined) child.stdin.end(input);
  else child.stdin.end();
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

export const hasKubectl = (version: string): boolean => spawnSync(`${KUBECTL_DIR}/kubectl.${version}`, ['version', '--client'], { stdio: 'ignore' }).status === 0;

export interface RawUpgrade {
  socket: Socket;
  /** the response head, e.g. "HTTP/1.1 101 Switching Protocols\r\n…" */
  head: string;
  /** bytes after the head */
  rest: Buffer;
}

/** sends an upgrade request by hand and returns the socket once the response head is in */
export function rawUpgrade(url: string, path: string, headers: Record<string, string>): Promise<RawUpgrade> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = netConnect(Number(port), '127.0.0.1');
    let got = Buffer.alloc(0);
    const onData = (c: Buffer): void => {
      got = Buffer.concat([got, c]);
      const end = got.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.off('data', onData);
      resolve({ socket, head: got.subarray(0, end).toString(), rest: got.subarray(end + 4) });
    };
    socket.on('data', onData);
    socket.once('error', reject);
    const lines = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Connection: Upgrade', 'Upgrade: SPDY/3.1', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    socket.write(lines.join('\r\n') + '\r\n\r\n');
  });
}

/** resolves when the socket closes (either side) */
export const closed = (s: Socket): Promise<void> => new Promise((r) => (s.destroyed ? r() : s.once('close', () => r())));
