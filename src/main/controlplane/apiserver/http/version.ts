// The version this API server reports. kubectl's dispatcher (/usr/bin/kubectl) picks its client from
// it, so it names a Kubernetes minor that kubectl 1.27–1.33 all accept (the skew policy allows ±1 and
// clients only warn beyond that).
export const KUBERNETES_VERSION = { major: '1', minor: '33', patch: '0' } as const;

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

export const defaultVersionInfo = (overrides: Partial<VersionInfo> = {}): VersionInfo => ({
  major: KUBERNETES_VERSION.major,
  minor: KUBERNETES_VERSION.minor,
  gitVersion: `v${KUBERNETES_VERSION.major}.${KUBERNETES_VERSION.minor}.${KUBERNETES_VERSION.patch}-wheelhouse`,
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-01-01T00:00:00Z',
  // Fixed, because clients parse it and the engine is not a Go program.
  goVersion: 'go1.24',
  compiler: 'gc',
  platform: 'linux/amd64',
  ...overrides,
});
