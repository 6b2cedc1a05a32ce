// A StatefulSet pod's stable identity, as upstream's stateful_set_utils: the name "<set>-<ordinal>",
// the pod-name and pod-index labels, hostname and subdomain (the governing Service), and one
// PersistentVolumeClaim "<template>-<set>-<ordinal>" per volumeClaimTemplate, mounted in place of
// the template's volume of the same name.
import { controllerReference, type KubeObject } from '../../../shared/k8s/objects';
import type { Obj } from '../client';
import { REVISION_HASH_LABEL } from './util/controller-history';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export const startOrdinal = (set: Obj): number => set.spec?.ordinals?.start ?? 0;

export const podName = (set: Obj, ordinal: number): string => `${set.metadata.name}-${ordinal}`;

/** the ordinal in a pod's name, or undefined when the name is not "<set>-<n>" */
export function ordinalOf(set: Obj, pod: Obj): number | undefined {
  const prefix = `${set.metadata.name}-`;
  const name: string = pod.metadata?.name ?? '';
  if (!name.startsWith(prefix)) return undefined;
  const tail = name.slice(prefix.length);
  return /^(0|[1-9][0-9]*)$/.test(tail) ? Number(tail) : undefined;
}

export const claimName = (set: Obj, template: string, ordinal: number): string => `${template}-${set.metadata.name}-${ordinal}`;

export const podRevision = (pod: Obj): string | undefined => pod.metadata?.labels?.[REVISION_HASH_LABEL];

/** the PVCs a replica needs; labels: the template's, plus the set's selector labels */
export function claimsFor(set: KubeObject, ordinal: number): Obj[] {
  const selector = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t: Obj) => {
    const claim = structuredClone(t);
    const retention = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted;
    // whenDeleted: Delete makes the claims the set's dependents, so deleting the set deletes them.
    const owners = retention === 'Delete' ? [{ ...controllerReference(set), controller: false, blockOwnerDeletion: false }] : undefined;
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    claim.metadata = { ...claim.metadata, name: claimName(set, t.metadata.name, ordinal), namespace: set.metadata.namespace, labels: { ...(t.metadata?.labels ?? {}), ...selector }, ownerReferences: owners };
    delete claim.status;
    return claim;
  });
}

/** a new pod for `ordinal` from a revision's template */
export function newStatefulSetPod(set: KubeObject, template: Obj, revision: string, ordinal: number): Obj {
  const name = podName(set, ordinal);
  const spec = structuredClone(template.spec ?? {});
  spec.hostname = name;
  if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
  const volumes: Obj[] = (spec.volumes ?? []).filter((v: Obj) => !(set.spec?.volumeClaimTemplates ?? []).some((t: Obj) => t.metadata?.name === v.name));
  for (const t of set.spec?.volumeClaimTemplates ?? []) {
    volumes.push({ name: t.metadata.name, persistentVolumeClaim: { claimName: claimName(set, t.metadata.name, ordinal) } });
  }
  if (volumes.length) spec.volumes = volumes;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_HASH_LABEL]: revision },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ownerReferences: [controllerReference(set)],
    },
    spec,
  };
}
