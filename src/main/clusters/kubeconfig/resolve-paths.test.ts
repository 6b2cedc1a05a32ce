import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { readKubeconfigPath } from './read-files';
import { findKubectl, kubectlConfigView } from './kubectl-view.test-support';

const kubectl = findKubectl();
const dir = mkdtempSync(join(tmpdir(), 'wh-paths-'));
mkdirSync(join(dir, 'team', 'certs'), { recursive: true });
for (const f of ['ca.crt', 'client.crt', 'client.key', 'token']) writeFileSync(join(dir, 'team', 'certs', f), `${f} contents\n`);
const path = join(dir, 'team', 'config');
writeFileSync(
  path,
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'c', cluster: { server: 'https://c:6443', 'certificate-authority': 'certs/ca.crt' } }],
    users: [
      { name: 'cert', user: { 'client-certificate': 'certs/client.crt', 'client-key': './certs/client.key' } },
      { name: 'file', user: { tokenFile: 'certs/token' } },
      { name: 'plugin', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: './bin/get-token' } } },
      { name: 'onpath', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'aws' } } },
    ],
    contexts: [{ name: 'x', context: { cluster: 'c', user: 'cert' } }],
  }),
);

test('relative paths resolve against the folder of the file that holds them', () => {
  const [file] = readKubeconfigPath(path).files;
  const certs = join(dir, 'team', 'certs');
  assert.equal(file!.clusters.get('c')!['certificate-authority'], join(certs, 'ca.crt'));
  assert.equal(file!.users.get('cert')!['client-certificate'], join(certs, 'client.crt'));
  assert.equal(file!.users.get('cert')!['client-key'], join(certs, 'client.key'));
  assert.equal(file!.users.get('file')!.tokenFile, join(certs, 'token'));
  assert.equal(file!.users.get('plugin')!.exec!.command, join(dir, 'team', 'bin', 'get-token'));
  assert.equal(file!.users.get('onpath')!.exec!.command, 'aws', 'a bare command is looked up on PATH, not next to the file');
});

test('kubectl reads the same files for those relative paths (config view --flatten)', { skip: !kubectl && 'no kubectl installed' }, () => {
  const view = kubectlConfigView(kubectl!, [path], ['--flatten']);
  const [file] = readKubeconfigPath(path).files;
  const b64 = (p: unknown) => readFileSync(p as string).toString('base64');
  assert.equal(view.clusters![0]!.cluster['certificate-authority-data'], b64(file!.clusters.get('c')!['certificate-authority']));
  const cert = view.users!.find((u) => u.name === 'cert')!.user;
  assert.equal(cert['client-certificate-data'], b64(file!.users.get('cert')!['client-certificate']));
  assert.equal(cert['client-key-data'], b64(file!.users.get('cert')!['client-key']));
});
