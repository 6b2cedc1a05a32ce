import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAge, formatCell } from './format';

const now = Date.parse('2026-01-10T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

test('ages read like kubectl', () => {
  assert.equal(formatAge(ago(45), now), '45s');
  assert.equal(formatAge(ago(5 * 60 + 7), now), '5m7s');
  assert.equal(formatAge(ago(42 * 60), now), '42m');
  assert.equal(formatAge(ago(5 * 3600 + 3 * 60), now), '5h3m');
  assert.equal(formatAge(ago(20 * 3600), now), '20h');
  assert.equal(formatAge(ago(3 * 86400 + 4 * 3600), now), '3d4h');
  assert.equal(formatAge(ago(120 * 86400), now), '120d');
  assert.equal(formatAge(ago(3 * 365 * 86400), now), '3y');
});

test('cells: dates become ages, flags words, nulls blanks', () => {
  assert.equal(formatCell(ago(30), 'date', now), '30s');
  assert.equal(formatCell(true, 'boolean', now), 'True');
  assert.equal(formatCell(null, 'string', now), '');
  assert.equal(formatCell(3, 'integer', now), '3');
});

test('conditions read the right way round', async () => {
  const { conditionTone } = await import('./format');
  assert.equal(conditionTone('Ready', 'True'), 'ok');
  assert.equal(conditionTone('Available', 'False'), 'error');
  assert.equal(conditionTone('MemoryPressure', 'False'), 'ok');
  assert.equal(conditionTone('NetworkUnavailable', 'True'), 'error');
  assert.equal(conditionTone('Progressing', 'Unknown'), 'warning');
});
