// upstream's ControllerRefManager: a controller owns what names it as controller; it adopts orphans
// its selector matches (unless it is being deleted) and releases owned objects that stopped matching.
// Writes carry the object's resourceVersion, so a race with another controller's claim fails cleanly.
import { controllerReference, type KubeObject } from '../../../../shared/k8s/objects';
import { StatusError } from '../../../../shared/k8s/status';
import type { ApiClient, Obj } from '../../client';
import { compileSelector } from './selector';

export interface ClaimInput {
  client: ApiClient;
  owner: Obj;
  /** objects the owner controls now (the byControllerUid index) */
  owned: Obj[];
  /** candidates for adoption: objects matching the selector (orphans are picked out here) */
  matching: Obj[];
}

/** the objects the owner controls after adopting and releasing */
export async function claimObjects({ client, owner, owned, matching }: ClaimInput): Promise<Obj[]> {
  const matches = compileSelector(owner.spec?.selector);
  const result: Obj[] = [];
  const seen = new Set<string>();
  for (const obj of owned) {
    seen.add(obj.metadata.uid);
    if (matches(obj.metadata.labels)) result.push(obj);
    else if (!obj.metadata.deletionTimestamp) await release(client, owner, obj);
  }
  if (owner.metadata.deletionTimestamp) return result;
  for (const obj of matching) {
    if (seen.has(obj.metadata.uid) || obj.metadata.deletionTimestamp) continue;
    if ((obj.metadata.ownerReferences ?? []).some((r: Obj) => r.controller)) continue;
    const adopted = await adopt(client, owner, obj);
    if (adopted) result.push(adopted);
  }
  return result;
}

async function adopt(client: ApiClient, owner: Obj, obj: Obj): Promise<Obj | undefined> {
  const refs = [...(obj.metadata.ownerReferences ?? []), controllerReference(owner as KubeObject)];
  return ignoreGone(client.patch(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name, 'merge', { metadata: { resourceVersion: obj.metadata.resourceVersion, ownerReferences: refs } }));
}

async function release(client: ApiClient, owner: Obj, obj: Obj): Promise<void> {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r: Obj) => r.uid !== owner.metadata.uid);
  await ignoreGone(client.patch(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name, 'merge', { metadata: { resourceVersion: obj.metadata.resourceVersion, ownerReferences: refs.length ? refs : null } }));
}

/** a vanished object is simply not ours; a conflict means someone else moved first: look again */
async function ignoreGone<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof StatusError && err.code === 404) return undefined;
    throw err;
  }
}
