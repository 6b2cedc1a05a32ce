import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { silentLogger } from '../client';
import { LoopbackAddresses, labelFor, whyNoLocalAddresses } from './loopback-addresses';

const onLo = (ip: string): boolean => execFileSync('ip', ['-4', '-o', 'addr', 'show', 'dev', 'lo'], { encoding: 'utf8' }).includes(` ${ip}/32 `);

test('addresses are added under the cluster label, removed on release, and a crashed run’s are pruned', { skip: whyNoLocalAddresses() ?? false }, async (t) => {
  const label = labelFor(randomBytes(4).toString('hex'));
  const ip = `10.111.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;
  const first = new LoopbackAddresses(silentLogger, label);
  const next = new LoopbackAddresses(silentLogger, label);
  const other = new LoopbackAddresses(silentLogger, labelFor('other'));
  t.after(() => first.release(ip));
  assert.equal(await first.ensure(ip), true);
  assert.ok(onLo(ip));
  // An address that was already there is used, and left alone.
  assert.equal(await other.ensure(ip), true);
  await other.releaseAll();
  assert.ok(onLo(ip));
  // "first" never stops (a crash); the next run under the same label takes its address back.
  assert.deepEqual(await next.prune(), [ip]);
  assert.ok(!onLo(ip));
});

test('without Linux and root, ClusterIPs are not made local and the reason says what is needed', async () => {
  const addresses = new LoopbackAddresses(silentLogger, undefined, 'ClusterIP listeners need root to add addresses to lo');
  assert.equal(await addresses.ensure('10.96.0.50'), false);
  assert.deepEqual(await addresses.prune(), []);
  assert.match(addresses.unavailable!, /need root/);
});
