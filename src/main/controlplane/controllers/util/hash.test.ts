import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeHash, fnv32a, safeEncode } from './hash';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } };

test('FNV-32a matches the reference vectors', () => {
  assert.equal(fnv32a(new TextEncoder().encode('')), 0x811c9dc5);
  assert.equal(fnv32a(new TextEncoder().encode('a')), 0xe40c292c);
  assert.equal(fnv32a(new TextEncoder().encode('foobar')), 0xbf9cf968);
});

test('safe encoding maps decimal digits as upstream (names like web-7854ff8877 use only 4-9, b, c, d, f)', () => {
  assert.equal(safeEncode('0123456789'), '456789bcdf');
});

test('a template always gets the same hash, whatever its key order; collisionCount changes it', () => {
  const reordered = { spec: { containers: [{ image: 'nginx', name: 'nginx' }] }, metadata: { labels: { app: 'web' } } };
  assert.equal(computeHash(template), computeHash(reordered));
  assert.match(computeHash(template), /^[456789bcdf]{1,10}$/);
  assert.notEqual(computeHash(template, 1), computeHash(template));
  assert.notEqual(computeHash({ ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } }), computeHash(template));
});
