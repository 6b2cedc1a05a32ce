// The files of configMap, secret, downwardAPI and projected volumes, as upstream's MakePayload and
// CollectData build them: all keys or the listed items, each with its mode (item mode, else defaultMode).
import type { Obj } from '../../client';
import { fieldRefValue, type PodAddresses } from '../env/field-ref';
import { resourceRefValue } from '../env/resource-ref';
import { byteData, notFoundMessage, type SourceCache, type SourceKind } from '../env/sources';
import type { Payload } from './atomic-writer';
import { SourceError } from './errors';

export const DEFAULT_MODE = 0o644;

/** what payload builders read besides the pod: objects, the node's allocatable, addresses, tokens */
export interface PayloadContext {
  pod: Obj;
  sources: SourceCache;
  allocatable(): Promise<Record<string, string>>;
  addresses: PodAddresses;
  /** a token for the pod's service account (projected serviceAccountToken) */
  token(source: Obj): Promise<string>;
}

const modeOf = (item: Obj, defaultMode: number): number => (typeof item.mode === 'number' ? item.mode : defaultMode);

/** configMap or secret keys into `payload`; a missing optional object or key adds nothing */
export async function addKeyed(kind: SourceKind, source: Obj, defaultMode: number, c: PayloadContext, payload: Payload): Promise<void> {
  const name: string = kind === 'Secret' ? (source.secretName ?? source.name) : source.name;
  const obj = await c.sources.get(kind, c.pod.metadata.namespace, name);
  if (!obj) {
    if (source.optional) return;
    throw new SourceError(notFoundMessage(kind, name));
  }
  const data = byteData(kind, obj);
  const items: Obj[] = source.items ?? [];
  if (items.length === 0) {
    for (const [key, bytes] of data) payload.set(key, { data: bytes, mode: defaultMode });
    return;
  }
  for (const item of items) {
    const bytes = data.get(item.key);
    if (!bytes) {
      if (source.optional) continue;
      throw new SourceError(kind === 'Secret' ? `references non-existent secret key: ${item.key}` : `configmap references non-existent config key: ${item.key}`);
    }
    payload.set(item.path, { data: bytes, mode: modeOf(item, defaultMode) });
  }
}

/** downwardAPI items into `payload` */
export async function addDownward(items: Obj[], defaultMode: number, c: PayloadContext, payload: Payload): Promise<void> {
  for (const item of items) {
    let value: string | undefined;
    if (item.fieldRef) {
      value = fieldRefValue(c.pod, item.fieldRef.fieldPath, c.addresses);
      if (value === undefined) throw new SourceError(`unsupported fieldPath: ${item.fieldRef.fieldPath}`);
    } else if (item.resourceFieldRef) {
      const r = resourceRefValue(c.pod, item.resourceFieldRef.containerName, item.resourceFieldRef, await c.allocatable());
      if ('error' in r) throw new SourceError(r.error);
      value = r.value;
    } else continue;
    payload.set(item.path, { data: Buffer.from(value, 'utf8'), mode: modeOf(item, defaultMode) });
  }
}

/** the payload of a configMap, secret, downwardAPI or projected volume */
export async function payloadOf(volume: Obj, c: PayloadContext): Promise<Payload> {
  const payload: Payload = new Map();
  if (volume.configMap) await addKeyed('ConfigMap', volume.configMap, volume.configMap.defaultMode ?? DEFAULT_MODE, c, payload);
  else if (volume.secret) await addKeyed('Secret', volume.secret, volume.secret.defaultMode ?? DEFAULT_MODE, c, payload);
  else if (volume.downwardAPI) await addDownward(volume.downwardAPI.items ?? [], volume.downwardAPI.defaultMode ?? DEFAULT_MODE, c, payload);
  else if (volume.projected) {
    const mode: number = volume.projected.defaultMode ?? DEFAULT_MODE;
    for (const s of (volume.projected.sources ?? []) as Obj[]) {
      if (s.configMap) await addKeyed('ConfigMap', s.configMap, mode, c, payload);
      else if (s.secret) await addKeyed('Secret', s.secret, mode, c, payload);
      else if (s.downwardAPI) await addDownward(s.downwardAPI.items ?? [], mode, c, payload);
      else if (s.serviceAccountToken) payload.set(s.serviceAccountToken.path, { data: Buffer.from(await c.token(s.serviceAccountToken)), mode });
    }
  }
  return payload;
}

/** volumes whose files come from the API and are kept up to date */
export const isProjection = (volume: Obj): boolean => !!(volume.configMap || volume.secret || volume.downwardAPI || volume.projected);
