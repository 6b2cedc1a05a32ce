// A DaemonSet's pods: making one for a node (as upstream's NewPod + the controller's additions) and
// grouping existing ones by the node they are for.
import { controllerReference, type KubeObject } from '../../../shared/k8s/objects';
import type { Obj } from '../client';
import { daemonTolerations, targetNodeOf, withNodeAffinity } from './daemonset-placement';
import { REVISION_HASH_LABEL } from './util/controller-history';

/** deprecated upstream, still set on every daemon pod */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

export function newDaemonPod(ds: KubeObject, hash: string, nodeName: string): Obj {
  const template = ds.spec.template ?? {};
  const spec = structuredClone(template.spec ?? {});
  spec.affinity = withNodeAffinity(spec.affinity, nodeName);
  spec.tolerations = daemonTolerations(spec);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash, [TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerReference(ds)],
    },
    spec,
  };
}

export const isUpdated = (pod: Obj, hash: string): boolean => pod.metadata?.labels?.[REVISION_HASH_LABEL] === hash;

const created = (pod: Obj): number => Date.parse(pod.metadata?.creationTimestamp ?? '') || 0;

/** pods by the node they run on or are meant for, oldest first */
export function podsByNode(pods: Obj[]): Map<string, Obj[]> {
  const out = new Map<string, Obj[]>();
  for (const pod of pods) {
    const node = targetNodeOf(pod);
    if (!node) continue;
    const list = out.get(node) ?? [];
    list.push(pod);
    out.set(node, list);
  }
  for (const list of out.values()) list.sort((a, b) => created(a) - created(b) || String(a.metadata.name).localeCompare(b.metadata.name));
  return out;
}

/** an int or a percentage of `total`, rounded up (intstr.GetScaledValueFromIntOrPercent with roundUp) */
export function scaled(value: number | string | undefined, total: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  const n = Number(value);
  return Number.isInteger(n) ? n : fallback;
}
