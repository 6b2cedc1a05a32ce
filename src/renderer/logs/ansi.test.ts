import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAnsi, stripAnsi } from './ansi';

test('plain lines are one segment', () => {
  assert.deepEqual(parseAnsi('hello world'), [{ text: 'hello world' }]);
});

test('basic, bright, 256 and true colours, bold and reset', () => {
  const segs = parseAnsi('\x1b[1;31mERROR\x1b[0m done \x1b[92mok\x1b[39m \x1b[38;5;208morange\x1b[48;2;1;2;3m bg\x1b[m');
  assert.deepEqual(segs, [
    { text: 'ERROR', style: { bold: true, fg: '#cd3131' } },
    { text: ' done ' },
    { text: 'ok', style: { fg: '#23d18b' } },
    { text: ' ' },
    { text: 'orange', style: { fg: 'rgb(255,135,0)' } },
    { text: ' bg', style: { fg: 'rgb(255,135,0)', bg: 'rgb(1,2,3)' } },
  ]);
});

test('other escapes are dropped, not shown as garbage', () => {
  assert.equal(stripAnsi('\x1b[2K\x1b[1Gprogress \x1b]0;title\x07100%'), 'progress 100%');
  assert.deepEqual(parseAnsi('\x1b[2Kx'), [{ text: 'x' }]);
});

test('bad parameters do not throw and leave the colour unset', () => {
  assert.deepEqual(parseAnsi('\x1b[38;5;999mx\x1b[38;2;300;0;0my'), [{ text: 'x' }, { text: 'y' }]);
  assert.deepEqual(parseAnsi('\x1b[1mbold\x1b[22mnormal'), [{ text: 'bold', style: { bold: true } }, { text: 'normal' }]);
});
