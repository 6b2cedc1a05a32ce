// The router as the renderer sees it: answers by id, streams that end when cancelled or when the
// connection goes, and errors that carry a code and a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBinaryFrame, encodeBinaryFrame, type ServerMessage } from '../../../shared/bridge/protocol';
import { BridgeFailure } from './errors';
import { BridgeRouter, Connection } from './router';

const setup = () => {
  const sent: ServerMessage[] = [];
  const router = new BridgeRouter();
  const conn = new Connection((m) => sent.push(m));
  return { sent, router, conn };
};

test('a unary call answers with its id; a failure carries its code', async () => {
  const { sent, router, conn } = setup();
  router.handle('namespaces.list', async ({ clusterId }) => {
    if (clusterId === 'gone') throw new BridgeFailure('Offline', 'cannot reach the cluster');
    return ['default'];
  });
  await router.dispatch(conn, { kind: 'request', id: 7, method: 'namespaces.list', params: { clusterId: 'local' } });
  await router.dispatch(conn, { kind: 'request', id: 8, method: 'namespaces.list', params: { clusterId: 'gone' } });
  assert.deepEqual(sent, [
    { kind: 'result', id: 7, result: ['default'] },
    { kind: 'error', id: 8, error: { code: 'Offline', message: 'cannot reach the cluster' } },
  ]);
});

test('a stream sends its first result, then events, and stops when cancelled', async () => {
  const { sent, router, conn } = setup();
  let closed = false;
  router.stream('clusters.watch', async (_p, sink) => {
    void sink.closed.then(() => (closed = true));
    setTimeout(() => sink.send([]), 1);
    return [];
  });
  await router.dispatch(conn, { kind: 'request', id: 1, method: 'clusters.watch' });
  await new Promise((r) => setTimeout(r, 10));
  await router.dispatch(conn, { kind: 'cancel', id: 1 });
  await new Promise((r) => setTimeout(r, 1));
  assert.deepEqual(sent, [
    { kind: 'result', id: 1, result: [] },
    { kind: 'event', id: 1, event: [] },
  ]);
  assert.equal(closed, true);
});

test('closing the connection ends every open stream', async () => {
  const { router, conn } = setup();
  const closedIds: number[] = [];
  router.stream('clusters.watch', async (_p, sink) => {
    void sink.closed.then(() => closedIds.push(sink.id));
    return [];
  });
  await router.dispatch(conn, { kind: 'request', id: 1, method: 'clusters.watch' });
  await router.dispatch(conn, { kind: 'request', id: 2, method: 'clusters.watch' });
  conn.close();
  await new Promise((r) => setTimeout(r, 1));
  assert.deepEqual(closedIds.sort(), [1, 2]);
});

test('a Kubernetes Status from client-node keeps its reason and causes', async () => {
  const { sent, router, conn } = setup();
  router.handle('action.scale', async () => {
    throw Object.assign(new Error('HTTP-Code: 422'), {
      code: 422,
      body: JSON.stringify({ kind: 'Status', code: 422, reason: 'Invalid', message: 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1', details: { causes: [{ field: 'spec.replicas' }] } }),
    });
  });
  await router.dispatch(conn, { kind: 'request', id: 3, method: 'action.scale', params: {} });
  const error = (sent[0] as Extract<ServerMessage, { kind: 'error' }>).error;
  assert.equal(error.code, 'Invalid');
  assert.match(error.message, /spec\.replicas: Invalid value: -1/);
  assert.equal(error.status?.details?.causes?.[0]?.field, 'spec.replicas');
});

test('binary frames: bytes reach the stream they name, and go out prefixed with its id', async () => {
  const router = new BridgeRouter();
  const frames: Uint8Array[] = [];
  const conn = new Connection(() => undefined, (f) => frames.push(f));
  const got: string[] = [];
  router.stream('clusters.watch', async (_p, sink) => {
    sink.onBytes((b) => {
      got.push(Buffer.from(b).toString());
      sink.sendBytes(Buffer.from(`echo:${Buffer.from(b).toString()}`));
    });
    return [];
  });
  await router.dispatch(conn, { kind: 'request', id: 300, method: 'clusters.watch' });
  conn.receiveBinary(encodeBinaryFrame(300, Buffer.from('ls\r')));
  conn.receiveBinary(encodeBinaryFrame(301, Buffer.from('nobody listens')));
  conn.receiveBinary(new Uint8Array([1, 2]));
  assert.deepEqual(got, ['ls\r']);
  assert.equal(frames.length, 1);
  assert.deepEqual(decodeBinaryFrame(frames[0]!), { id: 300, bytes: new Uint8Array(Buffer.from('echo:ls\r')) });
  await router.dispatch(conn, { kind: 'cancel', id: 300 });
  conn.receiveBinary(encodeBinaryFrame(300, Buffer.from('after')));
  assert.deepEqual(got, ['ls\r']);
  assert.equal(conn.supportsBinary, true);
  assert.equal(new Connection(() => undefined).supportsBinary, false);
});
