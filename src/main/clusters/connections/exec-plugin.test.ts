// The exec plugin lives in a folder that only the user's login shell puts on PATH, as Homebrew,
// asdf or ~/.local/bin do; the app itself was started with a bare PATH.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCluster, type RunningCluster } from '../../controlplane/cluster/cluster';
import { silentLogger } from '../logger';
import { realClock } from './clock';
import { ConnectionManager } from './connection-manager';
import { loginShellEnv } from './login-shell-env';
import { sourceFor, tempDir, writeKubeconfig } from './connections.test-support';

let cluster: RunningCluster;
before(async () => (cluster = await startCluster({ port: 0, components: false })));
after(async () => cluster.stop());

const BARE_PATH = '/usr/bin:/bin';

function fakeHome(token: string): string {
  const home = tempDir('wh-exec-home-');
  const bin = join(home, 'tools', 'bin');
  mkdirSync(bin, { recursive: true });
  const credential = JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token } });
  // like aws eks get-token, it reads KUBERNETES_EXEC_INFO, which client-go always sets
  writeFileSync(
    join(bin, 'wh-get-token'),
    `#!/bin/sh\ncase "$KUBERNETES_EXEC_INFO" in *'"kind":"ExecCredential"'*) ;; *) echo "KUBERNETES_EXEC_INFO is not set" >&2; exit 1;; esac\nprintf '%s' '${credential}'\n`,
  );
  writeFileSync(join(bin, 'wh-sso-expired'), '#!/bin/sh\necho "error: SSO session expired, run: wh login" >&2\nexit 1\n');
  chmodSync(join(bin, 'wh-sso-expired'), 0o755);
  chmodSync(join(bin, 'wh-get-token'), 0o755);
  writeFileSync(join(home, '.bash_profile'), `export PATH="$HOME/tools/bin:$PATH"\n`);
  return home;
}

const bash = existsSync('/bin/bash');

test('the login shell PATH is read between markers, despite rc-file noise', { skip: !bash && 'no /bin/bash' }, async () => {
  const home = fakeHome('x');
  writeFileSync(join(home, '.bashrc'), 'echo "welcome back"\n');
  const shellEnv = loginShellEnv({ env: { SHELL: '/bin/bash', HOME: home, PATH: BARE_PATH }, logger: silentLogger });
  const { PATH } = await shellEnv();
  // /etc/profile may rebuild PATH; what matters is that the user's own addition is there, first
  assert.ok(PATH.startsWith(`${home}/tools/bin:`), PATH);
});

test('a shell that never answers falls back to the app PATH after the timeout', async () => {
  const home = tempDir('wh-exec-home-');
  writeFileSync(join(home, 'slow-shell'), '#!/bin/sh\nsleep 10\n');
  chmodSync(join(home, 'slow-shell'), 0o755);
  const shellEnv = loginShellEnv({ env: { SHELL: join(home, 'slow-shell'), HOME: home, PATH: BARE_PATH }, timeoutMs: 300, logger: silentLogger });
  assert.deepEqual(await shellEnv(), { PATH: BARE_PATH });
});

test('an exec plugin found only on the login shell PATH logs in, and the cluster is online', { skip: !bash && 'no /bin/bash' }, async () => {
  const home = fakeHome(cluster.token);
  const path = writeKubeconfig(tempDir('wh-exec-'), 'config', cluster.url, cluster.caPem, {
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'wh-get-token', args: [] },
  });
  const shellEnv = loginShellEnv({ env: { SHELL: '/bin/bash', HOME: home, PATH: BARE_PATH }, logger: silentLogger });
  const connections = new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv, logger: silentLogger });
  const status = await connections.connect(`${path}#test`);
  assert.equal(status.state, 'online', status.message);
  connections.dispose();
});

test('an exec plugin that is nowhere on PATH says which command was not found', { skip: !bash && 'no /bin/bash' }, async () => {
  const home = fakeHome(cluster.token);
  const path = writeKubeconfig(tempDir('wh-exec-'), 'config', cluster.url, cluster.caPem, {
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'aws', args: ['eks', 'get-token'] },
  });
  const shellEnv = loginShellEnv({ env: { SHELL: '/bin/bash', HOME: home, PATH: '/nonexistent' }, logger: silentLogger });
  const connections = new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv, logger: silentLogger });
  const status = await connections.connect(`${path}#test`);
  assert.equal(status.state, 'unauthorized');
  assert.ok(status.message!.startsWith(`exec plugin "aws" not found on PATH (looked in the login shell's PATH: ${home}/tools/bin:`), status.message);
  connections.dispose();
});

test('an exec plugin that fails shows what it printed', { skip: !bash && 'no /bin/bash' }, async () => {
  const home = fakeHome(cluster.token);
  const path = writeKubeconfig(tempDir('wh-exec-'), 'config', cluster.url, cluster.caPem, {
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'wh-sso-expired' },
  });
  const shellEnv = loginShellEnv({ env: { SHELL: '/bin/bash', HOME: home, PATH: BARE_PATH }, logger: silentLogger });
  const connections = new ConnectionManager({ source: sourceFor(path), clock: realClock, shellEnv, logger: silentLogger });
  const status = await connections.connect(`${path}#test`);
  assert.equal(status.state, 'unauthorized');
  assert.equal(status.message, 'exec plugin "wh-sso-expired" failed: error: SSO session expired, run: wh login');
  connections.dispose();
});
