// SPDY exec, attach and port-forward driven by real kubectl binaries, with real processes and
// real TCP servers behind them (see test-support.ts for the endpoint that stands in for the API).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { FrameReader, synStreamFrame, type Frame } from './frames';
import { HeaderDeflater, HeaderInflater } from './headers';
import { closed, hasKubectl, kubectl, KUBECTL_DIR, rawUpgrade, startStreamsEndpoint, type StreamsEndpoint } from './test-support';

let ep: StreamsEndpoint;
let app: Server;
let appPort = 0;

before(async () => {
  ep = await startStreamsEndpoint(1_000);
  app = createServer((req, res) => {
    const n = Number(new URL(req.url!, 'http://x').searchParams.get('bytes') ?? 0);
    res.end(n ? Buffer.alloc(n, 'x') : `hello from ${req.url}`);
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  appPort = (app.address() as { port: number }).port;
});
after(async () => {
  app.close();
  await ep.close();
});

for (const v of ['1.27', '1.28', '1.29']) {
  describe(`kubectl ${v} exec over SPDY`, { skip: hasKubectl(v) ? false : `no kubectl.${v} under ${KUBECTL_DIR}` }, () => {
    test('prints the command output and exits 0', async () => {
      const r = await kubectl(v, ep.url, ['exec', 'web', '--', 'echo', 'hi']);
      assert.equal(r.stderr, '');
      assert.equal(r.stdout, 'hi\n');
      assert.equal(r.status, 0);
    });

    test('passes stderr through and exits with the command exit code', async () => {
      const r = await kubectl(v, ep.url, ['exec', 'web', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
      assert.equal(r.stdout, 'out\n');
      assert.equal(r.stderr, 'err\ncommand terminated with exit code 3\n');
      assert.equal(r.status, 3);
    });

    test('-i sends stdin until EOF', async () => {
      const r = await kubectl(v, ep.url, ['exec', '-i', 'web', '--', 'sh', '-c', 'wc -c; echo done'], 'x'.repeat(200_000));
      assert.equal(r.stdout.replace(/ +/g, ''), '200000\ndone\n');
      assert.equal(r.status, 0);
    });
  });
}

test('kubectl exec -it: the terminal size reaches the process through the resize stream', { skip: hasKubectl('1.29') ? false : 'no kubectl.1.29' }, async () => {
  const pty = await import('node-pty');
  const before = ep.execs.length;
  const term = pty.spawn(`${KUBECTL_DIR}/kubectl.1.29`, [`--server=${ep.url}`, '--kubeconfig=/dev/null', 'exec', '-it', 'web', '--', 'sh', '-c', 'sleep 0.5; echo ok'], { cols: 101, rows: 33 });
  let out = '';
  term.onData((d) => (out += d));
  const code = await new Promise<number>((r) => term.onExit((e) => r(e.exitCode)));
  assert.equal(code, 0, out);
  const exec = ep.execs[before]!;
  assert.equal(exec.opts.tty, true);
  assert.deepEqual(exec.sizes[0], [101, 33]);
  assert.match(out, /ok/);
});

test('kubectl killed during an exec: the process is killed too', { skip: hasKubectl('1.27') ? false : 'no kubectl.1.27' }, async () => {
  const before = ep.execs.length;
  const child = spawn(`${KUBECTL_DIR}/kubectl.1.27`, [`--server=${ep.url}`, '--kubeconfig=/dev/null', 'exec', 'web', '--', 'sleep', '30'], { stdio: 'ignore' });
  await waitFor(() => ep.execs.length > before);
  child.kill('SIGKILL');
  await waitFor(() => ep.execs[before]!.killed);
});

/** starts `kubectl port-forward pod/web :appPort :1`; resolves with the local ports */
async function portForward(v: string): Promise<{ child: ChildProcess; good: number; bad: number; stderr: () => string }> {
  const child = spawn(`${KUBECTL_DIR}/kubectl.${v}`, [`--server=${ep.url}`, '--kubeconfig=/dev/null', 'port-forward', 'pod/web', `:${appPort}`, ':1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const ports = await new Promise<Map<number, number>>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const found = new Map([...out.matchAll(/127\.0\.0\.1:(\d+) -> (\d+)/g)].map((m) => [Number(m[2]), Number(m[1])]));
      if (found.size === 2) resolve(found);
    });
    child.on('close', () => reject(new Error(`kubectl port-forward ended: ${err}`)));
  });
  return { child, good: ports.get(appPort)!, bad: ports.get(1)!, stderr: () => err };
}

for (const [v, carrier] of [
  ['1.27', 'spdy-portforward'],
  ['1.33', 'tunnel-portforward'],
] as const) {
  test(`kubectl ${v} port-forward (${carrier}): fetches through the forward; a refused port is reported like upstream`, { skip: hasKubectl(v) ? false : `no kubectl.${v}` }, async () => {
    const pf = await portForward(v);
    try {
      assert.equal(await (await fetch(`http://127.0.0.1:${pf.good}/a`)).text(), 'hello from /a');
      // more than any flow-control window: nothing may stall waiting for WINDOW_UPDATE
      const big = await (await fetch(`http://127.0.0.1:${pf.good}/?bytes=4000000`)).arrayBuffer();
      assert.equal(big.byteLength, 4_000_000);
      assert.equal(await (await fetch(`http://127.0.0.1:${pf.good}/b`)).text(), 'hello from /b');
      assert.equal(ep.upgrades.at(-1), carrier);
      await fetch(`http://127.0.0.1:${pf.bad}/`).catch(() => undefined);
      await waitFor(() => pf.stderr().includes('error forwarding port 1 to pod uid-web, uid : connect ECONNREFUSED'));
    } finally {
      pf.child.kill();
    }
  });
}

test('a command that cannot start comes back as an InternalError Status', { skip: hasKubectl('1.27') ? false : 'no kubectl.1.27' }, async () => {
  const r = await kubectl('1.27', ep.url, ['exec', 'web', '--', '/no/such/command']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Internal error occurred: error executing command in container: spawn \/no\/such\/command ENOENT/);
});

test('v3.channel.k8s.io: the error stream carries only the text of a failure', async () => {
  const r = await rawUpgrade(ep.url, `/api/v1/namespaces/default/pods/web/exec?command=sh&command=-c&command=${encodeURIComponent('exit 3')}&stdout=1`, { 'X-Stream-Protocol-Version': 'v3.channel.k8s.io' });
  assert.match(r.head, /X-Stream-Protocol-Version: v3\.channel\.k8s\.io/);
  const d = new HeaderDeflater();
  r.socket.write(synStreamFrame(1, 0, d.compress({ streamtype: 'error' })));
  r.socket.write(synStreamFrame(3, 0, d.compress({ streamtype: 'stdout' })));
  const frames = await readFrames(r, 6); // 2 SYN_REPLY, stdout FIN, error text, error FIN, GOAWAY
  const text = frames.filter((x) => x.kind === 'data' && x.streamId === 1).map((x) => (x.kind === 'data' ? x.data.toString() : '')).join('');
  assert.equal(text, 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3');
  assert.ok(frames.some((x) => x.kind === 'control' && x.type === 7), 'GOAWAY at the end');
  r.socket.destroy();
});

test('a client offering no protocol we serve gets 403 and the versions we accept', async () => {
  const r = await rawUpgrade(ep.url, '/api/v1/namespaces/default/pods/web/exec?command=true&stdout=1', { 'X-Stream-Protocol-Version': 'v9.channel.k8s.io' });
  assert.match(r.head, /^HTTP\/1\.1 403 Forbidden/);
  assert.match(r.head, /X-Accepted-Stream-Protocol-Versions: v4\.channel\.k8s\.io, v3\.channel\.k8s\.io, v2\.channel\.k8s\.io, channel\.k8s\.io/);
  await closed(r.socket);
});

test('a malformed frame closes only that connection; the next client is served', async () => {
  const r = await rawUpgrade(ep.url, '/api/v1/namespaces/default/pods/web/exec?command=true&stdout=1', { 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' });
  assert.match(r.head, /^HTTP\/1\.1 101/);
  // a control frame of SPDY version 2, then a header block that is not zlib
  r.socket.write(Buffer.from([0x80, 0x02, 0x00, 0x01, 0, 0, 0, 2, 1, 2]));
  await closed(r.socket);
  const r2 = await rawUpgrade(ep.url, '/api/v1/namespaces/default/pods/web/exec?command=true&stdout=1', { 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' });
  r2.socket.write(synStreamFrame(1, 0, Buffer.from('not zlib at all')));
  const frames = await readFrames(r2, 1);
  assert.equal(frames[0]?.kind === 'control' && frames[0].type, 7 /* GOAWAY */);
  await closed(r2.socket);
  const ok = await kubectl(hasKubectl('1.27') ? '1.27' : '1.29', ep.url, ['exec', 'web', '--', 'echo', 'still here']);
  assert.equal(ok.stdout, 'still here\n');
});

test('a client that never opens its streams is dropped after the stream creation timeout', async () => {
  const r = await rawUpgrade(ep.url, '/api/v1/namespaces/default/pods/web/exec?command=true&stdout=1', { 'X-Stream-Protocol-Version': 'v4.channel.k8s.io' });
  assert.match(r.head, /^HTTP\/1\.1 101/);
  const d = new HeaderDeflater();
  r.socket.write(synStreamFrame(1, 0, d.compress({ streamtype: 'error' })));
  const replies = await readFrames(r, 1);
  assert.equal(replies[0]?.kind === 'control' && replies[0].type, 2 /* SYN_REPLY */);
  const t0 = Date.now();
  await closed(r.socket);
  assert.ok(Date.now() - t0 < 5_000);
});

test('header blocks: ours inflate as one zlib stream, block after block', async () => {
  const d = new HeaderDeflater();
  const i = new HeaderInflater();
  assert.deepEqual(await i.decompress(d.compress({ streamtype: 'data', port: '8080', requestid: '0' })), { streamtype: 'data', port: '8080', requestid: '0' });
  assert.deepEqual(await i.decompress(d.compress({ big: 'v'.repeat(70_000) })), { big: 'v'.repeat(70_000) });
  assert.deepEqual(await i.decompress(d.compress({})), {});
  i.close();
});

test('frames split anywhere across reads come out whole', () => {
  const bytes = Buffer.concat([synStreamFrame(1, 0, Buffer.from('abc')), synStreamFrame(3, 1, Buffer.from('defg'))]);
  const reader = new FrameReader();
  const got: Frame[] = [];
  for (const b of bytes) got.push(...reader.push(Buffer.from([b])));
  assert.equal(got.length, 2);
  assert.equal(got[1]?.kind === 'control' && got[1].flags, 1);
});

async function readFrames(r: { socket: import('node:net').Socket; rest: Buffer }, n: number): Promise<Frame[]> {
  const reader = new FrameReader();
  const got = reader.push(r.rest);
  if (got.length >= n) return got;
  return new Promise((resolve) => {
    r.socket.on('data', (c: Buffer) => {
      got.push(...reader.push(c));
      if (got.length >= n) resolve(got);
    });
    r.socket.on('close', () => resolve(got));
  });
}

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) assert.fail('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
