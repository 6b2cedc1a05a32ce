import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contextWarnings } from './warnings';
import type { ContextEntry } from './types';

const entry = (over: Partial<ContextEntry>): ContextEntry => ({
  id: '/k#c',
  source: '/k',
  name: 'c',
  context: { cluster: 'c', user: 'u' },
  clusterName: 'c',
  userName: 'u',
  cluster: { server: 'https://c:6443' },
  user: { token: 't' },
  builtIn: false,
  ...over,
});

test('a well-formed context has no warnings', () => {
  assert.deepEqual(contextWarnings(entry({})), []);
});

test('skipped TLS verification, missing files and unknown auth providers are called out', () => {
  const warnings = contextWarnings(
    entry({
      cluster: { server: 'https://c:6443', 'insecure-skip-tls-verify': true, 'certificate-authority': '/nope/ca.crt' },
      user: { tokenFile: '/nope/token', 'auth-provider': { name: 'gke-legacy' } },
    }),
  );
  assert.deepEqual(warnings, [
    "insecure-skip-tls-verify is set: the server's identity is not checked",
    'certificate-authority file /nope/ca.crt does not exist',
    'tokenFile file /nope/token does not exist',
    'auth provider "gke-legacy" is not supported; use an exec credential plugin instead',
  ]);
});

test('a context that names an undefined cluster or user says so', () => {
  assert.deepEqual(contextWarnings(entry({ cluster: undefined, user: undefined })), [
    'cluster "c" is not defined in any kubeconfig',
    'user "u" is not defined in any kubeconfig',
  ]);
});
