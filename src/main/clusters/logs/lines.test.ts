import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { LineSplitter, ResumePoint, resumeSinceTime, splitTimestamp, timestampKey } from './lines';

const LOG = ['2026-11-21T08:00:00.000000001Z first', '2026-11-21T08:00:00.5Z second — ünïcødé 🚀', '2026-11-21T08:00:01Z third\r', 'no timestamp here', ''].join('\n');

async function linesOf(bytes: Buffer, chunkSize: number): Promise<string[]> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const splitter = new LineSplitter();
  const out: string[] = [];
  for await (const c of Readable.from(chunks)) out.push(...splitter.push(c as Buffer));
  return [...out, ...splitter.end()];
}

test('lines cut anywhere across chunks (even inside a UTF-8 character) come out whole', async () => {
  const bytes = Buffer.from(LOG);
  const whole = await linesOf(bytes, bytes.length);
  assert.equal(whole.length, 4);
  assert.equal(whole[2], '2026-11-21T08:00:01Z third');
  for (let size = 1; size < 12; size++) assert.deepEqual(await linesOf(bytes, size), whole, `chunks of ${size} bytes`);
});

test('a last line without a newline (limitBytes, killed container) is kept', async () => {
  assert.deepEqual(await linesOf(Buffer.from('a\nb'), 1), ['a', 'b']);
});

test('the server timestamp is split off; lines without one keep their text', () => {
  assert.deepEqual(splitTimestamp('2026-11-21T08:00:00.5Z  indented'), { ts: '2026-11-21T08:00:00.5Z', text: ' indented' });
  assert.deepEqual(splitTimestamp('2026-11-21T08:00:00+02:00 x'), { ts: '2026-11-21T08:00:00+02:00', text: 'x' });
  assert.deepEqual(splitTimestamp('plain line'), { text: 'plain line' });
  assert.deepEqual(splitTimestamp('2026-11-21 not a stamp'), { text: '2026-11-21 not a stamp' });
});

test('timestamp keys order instants although RFC3339Nano drops trailing zeros', () => {
  const a = timestampKey('2026-11-21T08:00:00.5Z');
  const b = timestampKey('2026-11-21T08:00:00.123456789Z');
  const c = timestampKey('2026-11-21T08:00:00Z');
  assert.ok(c < b && b < a);
  assert.equal(timestampKey('2026-11-21T10:00:00.1+02:00'), '2026-11-21T08:00:00.100000000');
  assert.equal(resumeSinceTime('2026-11-21T08:00:07.9Z'), '2026-11-21T08:00:07Z');
});

test('a resumed stream drops what was delivered before the drop and keeps the rest', () => {
  const point = new ResumePoint();
  const first = ['08:00:06.1 a', '08:00:07.2 b', '08:00:07.2 b', '08:00:07.2 c'].map((l) => ({ ts: `2026-11-21T${l.split(' ')[0]}Z`, text: l.split(' ')[1] }));
  for (const l of first) point.seen(l);
  assert.equal(point.timestamp, '2026-11-21T08:00:07.2Z');
  // the server resends from 08:00:07 (sinceTime is in seconds): 07.0 and the two 07.2 b are old
  point.startReplay();
  const resent = [
    { ts: '2026-11-21T08:00:07.0Z', text: 'x' },
    { ts: '2026-11-21T08:00:07.2Z', text: 'b' },
    { ts: '2026-11-21T08:00:07.2Z', text: 'b' },
    { ts: '2026-11-21T08:00:07.2Z', text: 'c' },
    { ts: '2026-11-21T08:00:07.2Z', text: 'd' },
    { ts: '2026-11-21T08:00:08Z', text: 'e' },
    { ts: '2026-11-21T08:00:08Z', text: 'e' },
  ];
  const kept = resent.filter((l) => {
    const fresh = point.isNew(l);
    if (fresh) point.seen(l);
    return fresh;
  });
  assert.deepEqual(kept.map((l) => l.text), ['d', 'e', 'e']);
});
