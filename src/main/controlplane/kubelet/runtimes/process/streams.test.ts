import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Obj } from '../../../client';
import { podOn, startProcessNode, until, type ProcessNode } from './test-support';

let node: ProcessNode;
before(async () => (node = await startProcessNode()));
after(async () => node.stop());

const running = async (name: string, spec: Obj): Promise<{ uid: string; namespace: string; name: string }> => {
  await node.admin.create(podOn(node.nodeName, name, spec));
  const pod = await until(() => node.admin.get('v1', 'Pod', 'default', name), (p) => p.status?.phase === 'Running');
  assert.equal(pod.status.phase, 'Running');
  return { uid: pod.metadata.uid, namespace: 'default', name };
};
const read = (s: NodeJS.ReadableStream | undefined, until: (text: string) => boolean): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    s!.on('data', (d) => {
      text += d.toString();
      if (until(text)) resolve(text);
    });
  });

test('exec with a tty runs a shell on a pseudo-terminal that can be resized', async () => {
  const ref = await running('tty', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] });
  const s = await node.runtime.exec(ref, 'c', ['sh'], { tty: true, stdin: true, stdout: true, stderr: false, cols: 100, rows: 30 });
  const seen = read(s.stdout, (t) => /SIZE 40 120/.test(t));
  s.resize(120, 40);
  s.stdin!.write('test -t 0 && echo SIZE $(stty size)\n');
  assert.match(await seen, /SIZE 40 120/);
  s.stdin!.write('exit 4\n');
  assert.equal((await s.exited).exitCode, 4);
});

test('attach joins the container process: its output, and its stdin when it has one', async () => {
  const ref = await running('cat', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'while read l; do echo "got $l"; done'], stdin: true }] });
  const s = await node.runtime.attach(ref, 'c', { tty: false, stdin: true, stdout: true, stderr: true });
  const seen = read(s.stdout, (t) => t.includes('got ping'));
  s.stdin!.write('ping\n');
  assert.equal(await seen, 'got ping\n');
  s.kill();
  assert.deepEqual(await s.exited, { exitCode: 0 });
  await assert.rejects(node.runtime.attach({ ...ref, name: 'cat' }, 'nope', { tty: false, stdin: false, stdout: true, stderr: true }), /container not found/);
});

test('port-forward connects to the pod port', async () => {
  const server = createServer((_req, res) => res.end('from the pod')).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const port = (server.address() as AddressInfo).port;
  try {
    const ref = await running('pf', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '1000'] }] });
    const socket = await node.runtime.portForward(ref, port);
    const reply = read(socket, (t) => t.includes('from the pod'));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.match(await reply, /from the pod/);
    socket.destroy();
  } finally {
    server.close();
  }
});
