import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuantity, quantityMilliValue, quantityValue, QuantityError } from './quantity';

test('cpu quantities become milli-cpu, rounded up', () => {
  const cases: [string | number, number][] = [
    ['100m', 100],
    ['1', 1000],
    ['1.5', 1500],
    ['0.1', 100],
    ['.5', 500],
    ['2.', 2000],
    ['1e3', 1_000_000],
    ['1E-3', 1],
    ['250u', 1],
    ['1n', 1],
    ['0', 0],
    ['-100m', -100],
    [2, 2000],
    [0.25, 250],
  ];
  for (const [text, milli] of cases) assert.equal(quantityMilliValue(text), milli, String(text));
});

test('memory quantities become bytes, binary and decimal suffixes', () => {
  const cases: [string, number][] = [
    ['128Mi', 128 * 1024 ** 2],
    ['1G', 1e9],
    ['2Ki', 2048],
    ['1k', 1000],
    ['1e3', 1000],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['64', 64],
    ['1Ti', 1024 ** 4],
    ['1P', 1e15],
    ['100m', 1],
    ['1500m', 2],
    ['+5M', 5e6],
  ];
  for (const [text, bytes] of cases) assert.equal(quantityValue(text), bytes, text);
});

test('exact fractions keep precision', () => {
  assert.deepEqual(parseQuantity('1.5'), { numerator: 15n, denominator: 10n });
  assert.deepEqual(parseQuantity('3Ki'), { numerator: 3072n, denominator: 1n });
});

test('text that is not a quantity is refused', () => {
  for (const bad of ['', 'abc', '1.2.3', '5 Mi', '1Kb', 'Mi', '1e', '--1']) {
    assert.throws(() => quantityValue(bad), QuantityError, bad);
  }
});
