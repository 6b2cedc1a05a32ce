import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstTypeOf, joinDocuments } from './files';

test('a folder becomes one multi-document manifest, manifests only, in name order', () => {
  const text = joinDocuments([
    { name: 'app/b.yaml', text: 'kind: Service\n' },
    { name: 'app/README.md', text: '# hi' },
    { name: 'app/a.yml', text: '---\nkind: Deployment\n' },
  ]);
  assert.equal(text, '# app/a.yml\nkind: Deployment\n---\n# app/b.yaml\nkind: Service\n');
});

test('the schema follows the first document that names a kind', () => {
  assert.deepEqual(firstTypeOf('# c\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {}\n---\nkind: Service'), { apiVersion: 'apps/v1', kind: 'Deployment' });
  assert.equal(firstTypeOf('metadata: {}'), undefined);
});
