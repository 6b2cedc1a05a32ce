import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectlPaths } from './paths';

test('KUBECONFIG is a list: empty entries and repeats are dropped, order kept', () => {
  assert.deepEqual(kubectlPaths({ KUBECONFIG: '/a::/b:/a:', home: '/h', delimiter: ':' }), [
    { path: '/a', origin: 'KUBECONFIG' },
    { path: '/b', origin: 'KUBECONFIG' },
  ]);
});

test('on Windows the separator is ";" (drive letters keep their colon)', () => {
  assert.deepEqual(
    kubectlPaths({ KUBECONFIG: 'C:\\kube\\a;;C:\\kube\\b', home: 'C:\\Users\\me', delimiter: ';' }).map((p) => p.path),
    ['C:\\kube\\a', 'C:\\kube\\b'],
  );
});

test('without KUBECONFIG (or with an empty one) kubectl reads ~/.kube/config', () => {
  for (const KUBECONFIG of [undefined, '']) {
    assert.deepEqual(kubectlPaths({ KUBECONFIG, home: '/home/me', delimiter: ':' }), [{ path: '/home/me/.kube/config', origin: 'default' }]);
  }
});

test('a KUBECONFIG of only separators names no file, and kubectl then reads none', () => {
  assert.deepEqual(kubectlPaths({ KUBECONFIG: ':', home: '/home/me', delimiter: ':' }), []);
});
