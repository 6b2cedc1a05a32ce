// Kubernetes version priority (v1 > v1beta2 > v1beta1 > v1alpha1 > anything else), which decides
// the preferred version of a group as upstream's version.CompareKubeAwareVersionStrings does.
const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

const rank = (v: string): [number, number, number] | undefined => {
  const m = KUBE_VERSION.exec(v);
  if (!m) return undefined;
  const stability = m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0;
  return [stability, Number(m[1]), Number(m[3] ?? 0)];
};

/** negative when a has the higher priority */
export const compareKubeVersions = (a: string, b: string): number => {
  const ra = rank(a);
  const rb = rank(b);
  if (!ra && !rb) return a.localeCompare(b);
  if (!ra) return 1;
  if (!rb) return -1;
  for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
  return 0;
};
