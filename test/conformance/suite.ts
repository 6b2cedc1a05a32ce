// What every conformance suite does: one real cluster for the file, every installed kubectl, and
// polling for what controllers do asynchronously.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { installedKubectls, removeDir, startCluster, type ClusterProcess, type Kubectl } from './harness';

/**
 * `cluster start` flags for suites written before the process runtime: their pods (nginx with no
 * command) run only on simulated local nodes. Suites about real processes leave them out.
 */
export const SIMULATED_LOCAL_NODES = ['--local-runtime', 'simulated'];

/** starts one cluster for the file (extra `cluster start` flags) and removes it afterwards */
export function useCluster(onStarted: (cluster: ClusterProcess) => void, extra: string[] = []): void {
  let cluster: ClusterProcess | undefined;
  before(async () => {
    cluster = await startCluster(undefined, extra);
    onStarted(cluster);
  });
  after(async () => {
    await cluster?.stop();
    if (cluster) removeDir(cluster.dataDir);
  });
}

/** every kubectl 1.27–1.33 on this machine; with none, one test that skips and says why */
export function kubectlsOrSkip(): Kubectl[] {
  const kubectls = installedKubectls();
  test('kubectl is installed', { skip: kubectls.length === 0 ? 'no kubectl 1.27–1.33 under /usr/lib/google-cloud-sdk/bin' : false }, () => {
    assert.ok(kubectls.length > 0);
  });
  return kubectls;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** polls `check` every 200 ms until it is true, failing with `what` after the timeout */
export async function eventually(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (check()) return;
    await sleep(200);
  }
  assert.fail(`timed out waiting for ${what}`);
}
