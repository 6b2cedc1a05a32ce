import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { EventRow } from '../../shared/bridge/methods-deploy';
import { ago, filterEvents } from './filter';

const ev = (reason: string, type: string, namespace: string, name: string, message = ''): EventRow => ({ uid: `${namespace}/${name}/${reason}`, type, reason, message, namespace, involved: { kind: 'Pod', name }, count: 1, lastSeen: '2026-11-21T08:00:00Z', source: '' });
const rows = [ev('Scheduled', 'Normal', 'a', 'web-1', 'Successfully assigned'), ev('FailedScheduling', 'Warning', 'b', 'huge-1', '0/1 nodes are available: 1 Insufficient cpu'), ev('BackOff', 'Warning', 'a', 'crash-1')];

describe('events filter', () => {
  it('filters by type, namespace and text in reason, message and object, case-insensitive', () => {
    assert.deepEqual(filterEvents(rows, { type: 'Warning', namespace: '', text: '' }).map((e) => e.reason), ['FailedScheduling', 'BackOff']);
    assert.deepEqual(filterEvents(rows, { type: '', namespace: 'a', text: '' }).map((e) => e.reason), ['Scheduled', 'BackOff']);
    assert.deepEqual(filterEvents(rows, { type: '', namespace: '', text: 'INSUFFICIENT' }).map((e) => e.reason), ['FailedScheduling']);
    assert.deepEqual(filterEvents(rows, { type: '', namespace: '', text: 'pod/crash' }).map((e) => e.reason), ['BackOff']);
    assert.equal(filterEvents(rows, { type: 'Normal', namespace: 'b', text: '' }).length, 0);
  });
  it('gives ages like kubectl', () => {
    const t = Date.parse('2026-11-21T08:00:00Z');
    assert.equal(ago('2026-11-21T08:00:00Z', t + 42_000), '42s');
    assert.equal(ago('2026-11-21T08:00:00Z', t + 5 * 60_000), '5m');
    assert.equal(ago('2026-11-21T08:00:00Z', t + 3 * 3600_000), '3h');
    assert.equal(ago('', t), '');
  });
});
