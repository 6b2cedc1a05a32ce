import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { mergeKubeconfigs } from './merge';
import { readKubeconfigPath } from './read-files';
import { findKubectl, kubectlConfigView } from './kubectl-view.test-support';

const kubectl = findKubectl();
const dir = mkdtempSync(join(tmpdir(), 'wh-merge-'));

const file = (name: string, content: Record<string, unknown>): string => {
  const path = join(dir, name);
  writeFileSync(path, stringify({ apiVersion: 'v1', kind: 'Config', ...content }));
  return path;
};

// three files that disagree: shared names, different current-contexts, one without any
const a = file('a.yaml', {
  clusters: [{ name: 'shared', cluster: { server: 'https://a.example:6443' } }, { name: 'only-a', cluster: { server: 'https://only-a:443', 'insecure-skip-tls-verify': true } }],
  users: [{ name: 'admin', user: { token: 'token-a' } }],
  contexts: [{ name: 'dev', context: { cluster: 'shared', user: 'admin', namespace: 'team-a' } }],
});
const b = file('b.yaml', {
  clusters: [{ name: 'shared', cluster: { server: 'https://b.example:6443' } }, { name: 'only-b', cluster: { server: 'https://only-b:443' } }],
  users: [{ name: 'admin', user: { token: 'token-b' } }, { name: 'viewer', user: { token: 'token-v' } }],
  contexts: [
    { name: 'dev', context: { cluster: 'only-b', user: 'viewer' } },
    { name: 'prod', context: { cluster: 'shared', user: 'viewer' } },
  ],
  'current-context': 'prod',
});
const c = file('c.yaml', {
  clusters: [{ name: 'only-c', cluster: { server: 'https://only-c:443' } }],
  users: [{ name: 'viewer', user: { token: 'token-c' } }],
  contexts: [{ name: 'staging', context: { cluster: 'only-c', user: 'viewer' } }],
  'current-context': 'staging',
});
const missing = join(dir, 'missing.yaml');

const ours = (paths: string[]) => mergeKubeconfigs(paths.flatMap((p) => readKubeconfigPath(p).files));
const byName = <T extends { name: string }>(list: T[] | null) => Object.fromEntries((list ?? []).map((e) => [e.name, e]));

for (const order of [
  [a, b, c],
  [c, b, a],
  [b, missing, a],
]) {
  test(`merge of ${order.map((p) => p.split('/').pop()).join(', ')} matches kubectl config view --merge`, { skip: !kubectl && 'no kubectl installed' }, () => {
    const view = kubectlConfigView(kubectl!, order);
    const merged = ours(order);
    assert.equal(merged.currentContext ?? '', view['current-context']);
    const kClusters = byName(view.clusters);
    assert.deepEqual([...merged.clusters.keys()].sort(), Object.keys(kClusters).sort());
    for (const [name, { value }] of merged.clusters) assert.deepEqual(value, kClusters[name]!.cluster, `cluster ${name}`);
    const kUsers = byName(view.users);
    assert.deepEqual([...merged.users.keys()].sort(), Object.keys(kUsers).sort());
    for (const [name, { value }] of merged.users) assert.deepEqual(value, kUsers[name]!.user, `user ${name}`);
    const kContexts = byName(view.contexts);
    assert.deepEqual([...merged.contexts.keys()].sort(), Object.keys(kContexts).sort());
    for (const [name, { value }] of merged.contexts) assert.deepEqual(value, kContexts[name]!.context, `context ${name}`);
  });
}

test('each merged context remembers the file that defined it first', () => {
  const merged = ours([b, a, c]);
  assert.equal(merged.contexts.get('dev')?.source, b);
  assert.equal(merged.contexts.get('staging')?.source, c);
  assert.equal(merged.users.get('admin')?.value.token, 'token-b');
});
