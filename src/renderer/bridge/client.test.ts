import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeClient, BridgeCallError } from './client';
import { decodeBinaryFrame, encodeBinaryFrame } from '../../shared/bridge/protocol';
import { backoffDelay, type Carrier } from './carrier';

/** An in-memory wire: records what the client sent, lets the test play the engine. */
function wire() {
  const sent: any[] = [];
  let deliver: (text: string) => void = () => {};
  let status: (up: boolean) => void = () => {};
  const carrier: Carrier = {
    send: (t) => sent.push(JSON.parse(t)),
    onMessage: (cb) => (deliver = cb),
    onStatus: (cb) => (status = cb),
  };
  return { carrier, sent, reply: (m: unknown) => deliver(JSON.stringify(m)), up: (v: boolean) => status(v) };
}

test('a call waits for the channel, then resolves with its result', async () => {
  const w = wire();
  const client = new BridgeClient(w.carrier);
  const answer = client.call('namespaces.list', { clusterId: 'local' });
  assert.equal(w.sent.length, 0);
  w.up(true);
  assert.deepEqual(w.sent[0], { kind: 'request', id: 1, method: 'namespaces.list', params: { clusterId: 'local' } });
  w.reply({ kind: 'result', id: 1, result: ['default'] });
  assert.deepEqual(await answer, ['default']);
});

test('an error from the engine rejects with its code and message', async () => {
  const w = wire();
  const client = new BridgeClient(w.carrier);
  w.up(true);
  const answer = client.call('clusters.connect', { clusterId: 'x' });
  w.reply({ kind: 'error', id: 1, error: { code: 'Forbidden', message: 'no' } });
  await assert.rejects(answer, (e: unknown) => e instanceof BridgeCallError && e.code === 'Forbidden');
});

test('calls in flight fail as Offline when the channel drops', async () => {
  const w = wire();
  const client = new BridgeClient(w.carrier);
  w.up(true);
  const answer = client.call('clusters.list');
  w.up(false);
  await assert.rejects(answer, (e: unknown) => e instanceof BridgeCallError && e.code === 'Offline');
});

test('a subscription delivers events, is re-requested after a reconnect, and cancels', async () => {
  const w = wire();
  const client = new BridgeClient(w.carrier);
  w.up(true);
  const events: unknown[] = [];
  const sub = client.subscribe('clusters.watch', undefined, (e) => events.push(e));
  w.reply({ kind: 'result', id: 1, result: [] });
  assert.deepEqual(await sub.result, []);
  w.reply({ kind: 'event', id: 1, event: ['a'] });
  w.up(false);
  w.up(true);
  const again = w.sent.at(-1);
  assert.equal(again.method, 'clusters.watch');
  assert.equal(sub.id, again.id);
  w.reply({ kind: 'result', id: again.id, result: ['b'] });
  assert.deepEqual(events, [['a'], ['b']]);
  sub.cancel();
  assert.deepEqual(w.sent.at(-1), { kind: 'cancel', id: again.id });
  w.reply({ kind: 'event', id: again.id, event: ['c'] });
  assert.equal(events.length, 2);
});

test('reconnect backoff grows and is capped at five seconds', () => {
  assert.deepEqual([0, 1, 2, 3, 10].map(backoffDelay), [250, 500, 1000, 2000, 5000]);
});

test('binary frames: bytes go out with the stream id; a drop ends a stream that must not resume', async () => {
  const frames: Uint8Array[] = [];
  let deliverBinary: (f: Uint8Array) => void = () => {};
  const w = wire();
  const carrier: Carrier = { ...w.carrier, sendBinary: (f) => frames.push(f), onBinary: (cb) => (deliverBinary = cb) };
  const client = new BridgeClient(carrier);
  w.up(true);
  const got: string[] = [];
  let ended: string | undefined;
  const sub = client.subscribe('clusters.watch', undefined, () => {}, (e) => (ended = e?.code), { onBytes: (b) => got.push(new TextDecoder().decode(b)), resume: false });
  w.reply({ kind: 'result', id: sub.id, result: [] });
  await sub.result;
  sub.sendBytes(new TextEncoder().encode('ls\r'));
  assert.deepEqual(decodeBinaryFrame(frames[0]!), { id: sub.id, bytes: new TextEncoder().encode('ls\r') });
  deliverBinary(encodeBinaryFrame(sub.id, new TextEncoder().encode('out')));
  deliverBinary(encodeBinaryFrame(999, new TextEncoder().encode('other')));
  assert.deepEqual(got, ['out']);
  w.up(false);
  assert.equal(ended, 'Offline');
  w.up(true);
  assert.equal(w.sent.filter((m) => m.method === 'clusters.watch').length, 1, 'not requested again');
});
