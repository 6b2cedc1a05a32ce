import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { parseProcStat, parsePs, sampleMachine, sampleTrees } from './proc';
import { RateTracker } from './usage-sampler';
import { realClock } from '../../client';

test('a /proc stat line with spaces and parentheses in the name parses', () => {
  const line = '4242 (my (odd) prog) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 1 0 1000 10000000 300 18446744073709551615';
  assert.deepEqual(parseProcStat(4242, line), { pid: 4242, ppid: 1, cpuNanos: 3e9, rssBytes: 300 * 4096 });
});

test('ps output (macOS) parses, with days in the CPU time', () => {
  const rows = parsePs('  10     1  2048 1-02:03:04\n  11    10   512     0:01.50\n');
  assert.deepEqual(rows[0], { pid: 10, ppid: 1, cpuNanos: (86_400 + 2 * 3600 + 3 * 60 + 4) * 1e9, rssBytes: 2048 * 1024 });
  assert.equal(rows[1].cpuNanos, 1.5e9);
});

test('a busy process tree reports its children\'s CPU and memory, as a rate over the window', { skip: process.platform === 'win32' ? 'no process table on Windows' : false }, async () => {
  // a shell whose child spins: the tree rooted at the shell must count the child
  const child = spawn('sh', ['-c', `node -e "const e=Date.now()+3000;while(Date.now()<e){}"; true`], { stdio: 'ignore' });
  try {
    await new Promise((r) => setTimeout(r, 300));
    const rates = new RateTracker(realClock);
    const first = sampleTrees([child.pid!]).get(child.pid!);
    assert.ok(first && first.memoryBytes > 10 * 1024 * 1024, `node child's memory counted: ${first?.memoryBytes}`);
    rates.record('c', first);
    await new Promise((r) => setTimeout(r, 1000));
    const rate = rates.record('c', sampleTrees([child.pid!]).get(child.pid!)!);
    assert.ok(rate && rate.cpuNanoCores > 0.1e9, `a spinning child shows as busy (the machine is shared, so not a full core): ${rate?.cpuNanoCores}`);
    assert.ok(rate.windowSeconds >= 0.9 && rate.windowSeconds <= 2, String(rate.windowSeconds));
  } finally {
    child.kill('SIGKILL');
  }
});

test('the machine sample has memory in use and growing CPU time', () => {
  const a = sampleMachine();
  assert.ok(a.memoryBytes > 0 && a.cpuNanos > 0);
});
