// The admin kubeconfig is read by kubectl and client-node exactly as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { adminKubeconfig } from './kubeconfig';

test('the admin kubeconfig parses as YAML into a usable config', () => {
  const kc = parse(adminKubeconfig('https://127.0.0.1:6443', '-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n', 'tok-en_1'));
  assert.equal(kc['current-context'], 'wheelhouse-local');
  assert.equal(kc.clusters[0].cluster.server, 'https://127.0.0.1:6443');
  assert.match(Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString(), /BEGIN CERTIFICATE/);
  assert.equal(kc.users[0].user.token, 'tok-en_1');
  assert.deepEqual(kc.contexts[0].context, { cluster: 'wheelhouse-local', user: 'wheelhouse-local-admin', namespace: 'default' });
});
