// Test-only: an HTTP endpoint that hands kubectl's exec/attach/port-forward upgrades straight to
// the SPDY handlers, with real host processes and real TCP ports behind them. It answers the one
// GET kubectl makes first (the pod, to check it is running); everything else is 404. Used until
// a suite can go through the real API server and kubelet (test/conformance/streams-spdy.test.ts).
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { ExecOptions, ExecSession } from '../../server/types';
import { parseExecQuery } from '../query';
import { serveSpdyExec, serveSpdyPortForward, serveTunneledPortForward, TUNNELED_PORT_FORWARD_PROTOCOL } from './index';

export const KUBECTL_DIR = '/usr/lib/google-cloud-sdk/bin';

export interface StreamsEndpoint {
  url: string;
  /** every exec started, with the options it got */
  execs: { argv: string[]; opts: ExecOptions }[];
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
export function spawnExec(argv: string[], opts: ExecOptions): Promise<ExecSession> {
  const child = spawn(argv[0]!, argv.slice(1), { stdio: [opts.stdin ? 'pipe' : 'ignore', 'pipe', opts.tty ? 'pipe' : 'pipe'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('spawn', () =>
      resolve({
        stdin: child.stdin ?? undefined,
        stdout: child.stdout ?? undefined,
        stderr: opts.tty ? undefined : (child.stderr ?? undefined),
        resize: () => {},
        exited: new Promise((r) => child.once('close', (code, signal) => r({ exitCode: code ?? 137, signal: signal ?? undefined }))),
        kill: () => child.kill('SIGKILL'),
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

export async function startStreamsEndpoint(): Promise<StreamsEndpoint> {
  const execs: StreamsEndpoint['execs'] = [];
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, handleProtocols: () => TUNNELED_PORT_FORWARD_PROTOCOL });
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
      if (String(req.headers.upgrade).toLowerCase() === 'websocket') {
        return wss.handleUpgrade(req, socket, head, (ws: WebSocket) => serveTunneledPortForward(ws, connectLocal, { pod: 'uid-web' }));
      }
      return serveSpdyPortForward(u, connectLocal, { pod: 'uid-web' });
    }
    const query = parseExecQuery(url.searchParams, url.pathname.endsWith('/exec'));
    serveSpdyExec(u, query, (opts) => {
      execs.push({ argv: query.command, opts });
      return spawnExec(query.command, opts);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    execs,
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
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
