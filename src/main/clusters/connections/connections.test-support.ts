// Helpers for connection tests: kubeconfig files that point at a running built-in cluster.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { silentLogger } from '../logger';
import { KubeconfigSource } from '../kubeconfig/source';
import { SettingsStore } from '../settings/settings-store';
import type { KubeUser } from '../kubeconfig/types';

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** a kubeconfig with one context "test" for `server`, trusting `caPem`, logging in as `user` */
export function writeKubeconfig(dir: string, name: string, server: string, caPem: string, user: KubeUser): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'c', cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
      users: [{ name: 'u', user }],
      contexts: [{ name: 'test', context: { cluster: 'c', user: 'u' } }],
      'current-context': 'test',
    }),
  );
  return path;
}

export function sourceFor(kubeconfigPath: string, builtinKubeconfigPath?: string): KubeconfigSource {
  const home = tempDir('wh-conn-home-');
  return new KubeconfigSource({ env: { KUBECONFIG: kubeconfigPath }, home, builtinKubeconfigPath, settings: new SettingsStore(join(home, 'settings.json')), logger: silentLogger, watch: false });
}
