import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextWindow, OVERSCAN } from './window';

test('no request while the visible rows are already held', () => {
  assert.equal(nextWindow({ offset: 0, count: 100 }, 10, 40, 5000), null);
});

test('scrolling past the held rows asks for the visible rows plus overscan, never everything', () => {
  const w = nextWindow({ offset: 0, count: 100 }, 2000, 2030, 50000);
  assert.deepEqual(w, { offset: 2000 - OVERSCAN, limit: 30 + 2 * OVERSCAN });
});

test('the end of a short list is covered even if fewer rows than asked exist', () => {
  assert.equal(nextWindow({ offset: 0, count: 12 }, 0, 30, 12), null);
});

test('scrolling up before the held rows asks again, starting at zero at the top', () => {
  assert.deepEqual(nextWindow({ offset: 500, count: 100 }, 5, 35, 5000), { offset: 0, limit: 30 + 2 * OVERSCAN });
});
