// Indexes the workload controllers share on the pod and ReplicaSet informers: by controller uid (what
// an owner already has) and, per namespace, the objects without a controller (what it might adopt), so
// a sync never scans a whole namespace to find either.
import type { Obj } from '../../client';

export const CONTROLLER_UID_INDEX = 'controllerUid';
export const ORPHANS_INDEX = 'orphansByNamespace';

const controllerUids = (o: Obj): string[] => {
  const out: string[] = [];
  for (const r of o.metadata?.ownerReferences ?? []) if (r.controller) out.push(r.uid);
  return out;
};

const orphanNamespace = (o: Obj): string[] => (controllerUids(o).length === 0 ? [o.metadata?.namespace ?? ''] : []);

export const OWNER_INDEXERS = { [CONTROLLER_UID_INDEX]: controllerUids, [ORPHANS_INDEX]: orphanNamespace };
