// namespaces.list: the namespaces a user can pick. A user who may not list namespaces still gets
// the namespace their context names, as kubectl would use it.
import type { KubeConfig } from '@kubernetes/client-node';
import { BridgeFailure } from '../../engine/bridge/errors';
import { statusMessage } from '../connections/describe-failure';
import { kubeGet } from '../connections/kube-request';

const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

export async function listNamespaces(kc: KubeConfig): Promise<string[]> {
  const res = await kubeGet(kc, '/api/v1/namespaces', { accept: METADATA_ONLY });
  if (res.status === 200) {
    const list = JSON.parse(res.body) as { items?: { metadata?: { name?: string } }[] };
    return (list.items ?? []).map((i) => i.metadata?.name ?? '').filter(Boolean).sort();
  }
  const own = kc.getContextObject(kc.getCurrentContext())?.namespace;
  if (res.status === 403 && own) return [own];
  const message = statusMessage(res.body) ?? `listing namespaces answered ${res.status}`;
  throw new BridgeFailure(res.status === 403 ? 'Forbidden' : res.status === 401 ? 'Unauthorized' : 'ServerError', message, { code: res.status });
}
