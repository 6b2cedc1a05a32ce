import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeTab, emptyDock, isOpen, openTab, showForwards } from './tabs';

test('opening selects the new tab; closing the current one selects its neighbour, then the forwards', () => {
  let s = showForwards(emptyDock);
  s = openTab(s, { kind: 'pod', clusterId: 'local', namespace: 'default', pod: 'web-1', container: 'nginx' });
  s = openTab(s, { kind: 'local', clusterId: 'local' });
  assert.deepEqual(s.tabs.map((t) => t.title), ['web-1/nginx', 'local']);
  assert.equal(s.current, s.tabs[1]!.key);
  const first = s.tabs[0]!.key;
  s = closeTab(s, s.tabs[1]!.key);
  assert.equal(s.current, first);
  s = closeTab(s, first);
  assert.equal(s.current, 'forwards');
  s = closeTab(s, 'forwards');
  assert.equal(isOpen(s), false);
});
