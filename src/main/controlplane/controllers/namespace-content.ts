// Deletes everything in a namespace, resource by resource (upstream's namespacedResourcesDeleter), and
// says what is left: how many objects of which resources, and which finalizers still hold them.
import type { ApiClient, Obj } from '../client';

export interface Remaining {
  /** "pods." → count (upstream names a resource as plural.group) */
  resources: Map<string, number>;
  /** finalizer → count of objects holding it */
  finalizers: Map<string, number>;
  /** group versions that could not be listed or deleted */
  failures: string[];
}

interface Target {
  apiVersion: string;
  kind: string;
  id: string;
  collection: boolean;
}

/** namespaced resources that can be listed and deleted, once per group+resource */
function targets(client: ApiClient): Target[] {
  const out: Target[] = [];
  for (const r of client.resources.all()) {
    const id = `${r.plural}.${r.group}`;
    if (!r.namespaced || out.some((t) => t.id === id) || !r.verbs.includes('list') || !r.verbs.includes('delete')) continue;
    out.push({ id, kind: r.kind, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, collection: r.verbs.includes('deletecollection') });
  }
  return out;
}

export async function deleteContent(client: ApiClient, namespace: string): Promise<Remaining> {
  const left: Remaining = { resources: new Map(), finalizers: new Map(), failures: [] };
  await Promise.all(targets(client).map((t) => deleteAll(client, namespace, t, left)));
  return left;
}

async function deleteAll(client: ApiClient, namespace: string, t: Target, left: Remaining): Promise<void> {
  try {
    if (t.collection) await client.deleteCollection(t.apiVersion, t.kind, { namespace });
    else {
      const items: Obj[] = (await client.list(t.apiVersion, t.kind, { namespace })).items;
      await Promise.all(items.filter((o) => !o.metadata.deletionTimestamp).map((o) => client.delete(t.apiVersion, t.kind, namespace, o.metadata.name).catch(ignoreNotFound)));
    }
    const items: Obj[] = (await client.list(t.apiVersion, t.kind, { namespace })).items;
    if (items.length === 0) return;
    left.resources.set(t.id, items.length);
    for (const o of items) for (const f of o.metadata.finalizers ?? []) left.finalizers.set(f, (left.finalizers.get(f) ?? 0) + 1);
  } catch (err) {
    left.failures.push(`${t.apiVersion}: ${(err as Error).message}`);
  }
}

const ignoreNotFound = (err: unknown): undefined => {
  if ((err as { code?: number }).code !== 404) throw err;
  return undefined;
};
