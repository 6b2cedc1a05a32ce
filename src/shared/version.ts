// The Kubernetes version the built-in cluster reports. kubectl 1.27–1.33 accept it, and the kubectl
// dispatcher on the build machines picks its client from it.
export const KUBERNETES_VERSION = {
  major: '1',
  minor: '33',
  gitVersion: 'v1.33.0-wheelhouse',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2026-11-01T00:00:00Z',
  goVersion: 'go1.24.0',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;
