import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerminalSize } from './terminal-size';

test('kubectl\'s and client-node\'s resize messages both give the size; nonsense gives none', () => {
  assert.deepEqual(parseTerminalSize('{"Width":120,"Height":40}'), { cols: 120, rows: 40 });
  assert.deepEqual(parseTerminalSize('{"width":80,"height":24}'), { cols: 80, rows: 24 });
  assert.equal(parseTerminalSize('{"Width":0,"Height":24}'), undefined);
  assert.equal(parseTerminalSize('{"Width":"80","Height":24}'), undefined);
  assert.equal(parseTerminalSize('not json'), undefined);
});
