// Downward API fields (fieldRef), for env and for downwardAPI volumes, as upstream's
// ExtractFieldPathAsString plus the kubelet-only fields (spec.nodeName, status.podIP, …).
type Obj = Record<string, any>;

export interface PodAddresses {
  podIP: string;
  hostIP: string;
}

const SUBSCRIPT = /^metadata\.(labels|annotations)\['(.*)'\]$/;

/** Go's %q for the label/annotation files: the value quoted with escapes (ASCII-safe) */
const goQuote = (v: string): string => JSON.stringify(v);

/** labels/annotations as a volume file: key="value" lines, sorted, no trailing newline */
export const formatMap = (m: Record<string, string> = {}): string =>
  Object.keys(m)
    .sort()
    .map((k) => `${k}=${goQuote(m[k])}`)
    .join('\n');

/** the value of fieldPath for this pod; undefined for a path upstream does not support */
export function fieldRefValue(pod: Obj, fieldPath: string, addr: PodAddresses): string | undefined {
  const sub = SUBSCRIPT.exec(fieldPath);
  if (sub) return pod.metadata?.[sub[1]]?.[sub[2]] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return pod.metadata?.name ?? '';
    case 'metadata.namespace':
      return pod.metadata?.namespace ?? '';
    case 'metadata.uid':
      return pod.metadata?.uid ?? '';
    case 'metadata.labels':
      return formatMap(pod.metadata?.labels);
    case 'metadata.annotations':
      return formatMap(pod.metadata?.annotations);
    case 'spec.nodeName':
      return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec?.serviceAccountName ?? '';
    // The node is single-stack, and the sandbox's address is the truth before status catches up.
    case 'status.podIP':
    case 'status.podIPs':
      return addr.podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return addr.hostIP;
    default:
      return undefined;
  }
}

/** upstream's message for a field it cannot give */
export const unsupportedField = (fieldPath: string): string => `unsupported fieldPath: ${fieldPath}`;
