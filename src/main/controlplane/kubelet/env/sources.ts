// ConfigMaps and Secrets as kubelet's managers hand them to env and volumes: one read per object per
// container start, and the manager's not-found wording (singular resource: `configmap "app" not found`).
import type { ApiClient, Obj } from '../../client';

export type SourceKind = 'ConfigMap' | 'Secret';

const isNotFound = (err: unknown): boolean => (err as { code?: number })?.code === 404;

/** kubelet's wording when a referenced object is missing */
export const notFoundMessage = (kind: SourceKind, name: string): string => `${kind.toLowerCase()} "${name}" not found`;

/** reads each object once; answers undefined for a missing one */
export class SourceCache {
  private readonly cache = new Map<string, Promise<Obj | undefined>>();

  constructor(private readonly client: ApiClient) {}

  get(kind: SourceKind, namespace: string, name: string): Promise<Obj | undefined> {
    const key = `${kind}/${namespace}/${name}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.client.get('v1', kind, namespace, name).catch((err) => {
        if (isNotFound(err)) return undefined;
        throw err;
      });
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/** the string data of a ConfigMap (data only, as upstream's env does) or a Secret (base64-decoded) */
export const stringData = (kind: SourceKind, obj: Obj): Record<string, string> => {
  const data: Record<string, string> = obj.data ?? {};
  if (kind === 'ConfigMap') return { ...data };
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(String(v), 'base64').toString('utf8')]));
};

/** every key as bytes: ConfigMap data and binaryData, or Secret data (for volumes) */
export const byteData = (kind: SourceKind, obj: Obj): Map<string, Buffer> => {
  const out = new Map<string, Buffer>();
  if (kind === 'ConfigMap') {
    for (const [k, v] of Object.entries<string>(obj.data ?? {})) out.set(k, Buffer.from(v, 'utf8'));
    for (const [k, v] of Object.entries<string>(obj.binaryData ?? {})) out.set(k, Buffer.from(v, 'base64'));
  } else {
    for (const [k, v] of Object.entries<string>(obj.data ?? {})) out.set(k, Buffer.from(v, 'base64'));
  }
  return out;
};
