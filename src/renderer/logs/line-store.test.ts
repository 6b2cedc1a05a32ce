import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineStore } from './line-store';
import { emptyMatches, extendMatches, firstMatchFrom, matchesOnLine, splitAtMatches } from './search';

const batch = (from: number, n: number) => ({ lines: Array.from({ length: n }, (_, i) => ({ text: `line ${from + i}`, ts: `2026-11-21T08:00:00.${from + i}Z`, src: (from + i) % 2 })) });

test('a million lines are held in chunks and read back by absolute index', () => {
  const store = new LineStore();
  let changes = 0;
  store.subscribe(() => changes++);
  for (let i = 0; i < 1_000_000; i += 1000) store.append(batch(i, 1000));
  assert.equal(store.size, 1_000_000);
  assert.equal(changes, 1000);
  assert.equal(store.text(0), 'line 0');
  assert.equal(store.text(999_999), 'line 999999');
  assert.equal(store.src(3), 1);
  assert.equal(store.text(1_000_000), '');
  assert.equal(store.lastTimestamp(), '2026-11-21T08:00:00.999999Z');
});

test('past the cap the oldest chunk goes and indexes keep their meaning', () => {
  const store = new LineStore(20_000);
  store.append(batch(0, 30_000));
  assert.ok(store.size <= 20_000 && store.size > 20_000 - 8192, `size ${store.size}`);
  assert.equal(store.end, 30_000);
  assert.equal(store.text(store.first), `line ${store.first}`);
  assert.equal(store.text(29_999), 'line 29999');
  assert.equal(store.text(0), '', 'dropped lines read as empty');
});

test('sources announced in batches label the lines that name them', () => {
  const store = new LineStore();
  store.append({ lines: [{ text: 'a', src: 1 }], sources: [{ pod: 'web-1', container: 'app' }, { pod: 'web-2', container: 'app' }] });
  assert.deepEqual(store.source(0), { pod: 'web-2', container: 'app' });
  store.append({ lines: [{ text: 'marker', marker: 'reconnected' }] });
  assert.equal(store.marker(1), 'reconnected');
  assert.equal(store.source(1), undefined);
});

test('search finds every match case-insensitively, ignoring colour codes, and keeps up with new lines', () => {
  const store = new LineStore();
  store.append({ lines: [{ text: 'GET /health 200' }, { text: '\x1b[31mERROR\x1b[0m: error again' }, { text: 'nothing' }] });
  const m = extendMatches(emptyMatches('error'), store);
  assert.deepEqual([m.lines, m.starts], [[1, 1], [0, 7]]);
  store.append({ lines: [{ text: 'one more Error' }] });
  extendMatches(m, store);
  assert.equal(m.lines.length, 3);
  assert.equal(firstMatchFrom(m, 2), 2);
  assert.deepEqual(matchesOnLine(m, 1), [{ index: 0, start: 0 }, { index: 1, start: 7 }]);
});

test('matches cut styled segments into highlighted pieces', () => {
  const pieces = splitAtMatches([{ text: 'ERR', style: 'red' }, { text: 'OR: error' }], [{ index: 0, start: 0 }, { index: 1, start: 7 }], 5);
  assert.deepEqual(pieces, [
    { text: 'ERR', style: 'red', match: 0 },
    { text: 'OR', style: undefined, match: 0 },
    { text: ': ', style: undefined, match: -1 },
    { text: 'error', style: undefined, match: 1 },
  ]);
});

test('a million-line search takes one pass', () => {
  const store = new LineStore();
  for (let i = 0; i < 1_000_000; i += 1000) store.append(batch(i, 1000));
  const t0 = performance.now();
  const m = extendMatches(emptyMatches('line 99999'), store);
  const ms = performance.now() - t0;
  assert.equal(m.lines.length, 11); // 99999 and 999990…999999
  assert.ok(ms < 3000, `${ms} ms`);
});
