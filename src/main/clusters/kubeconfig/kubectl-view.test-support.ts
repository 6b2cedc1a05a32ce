// Runs the real kubectl's `config view` over a KUBECONFIG list, for tests that hold our merge to it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter } from 'node:path';

const BIN = '/usr/lib/google-cloud-sdk/bin';

/** the newest installed kubectl, or undefined (tests then skip and say so) */
export function findKubectl(): string | undefined {
  if (!existsSync(BIN)) return undefined;
  const versions = readdirSync(BIN).filter((n) => /^kubectl\.1\.\d+$/.test(n)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  const last = versions.at(-1);
  return last ? `${BIN}/${last}` : undefined;
}

export interface KubectlView {
  clusters: { name: string; cluster: Record<string, unknown> }[] | null;
  users: { name: string; user: Record<string, unknown> }[] | null;
  contexts: { name: string; context: Record<string, unknown> }[] | null;
  'current-context': string;
}

export function kubectlConfigView(kubectl: string, files: string[], extraArgs: string[] = []): KubectlView {
  const out = execFileSync(kubectl, ['config', 'view', '--merge', '--raw', '-o', 'json', ...extraArgs], {
    env: { PATH: process.env.PATH ?? '', HOME: '/nonexistent', KUBECONFIG: files.join(delimiter) },
    encoding: 'utf8',
  });
  return JSON.parse(out) as KubectlView;
}
