// The resources CRDs serve, as "<plural>.<group>" (a CRD's name), read as metadata only so huge
// CRD schemas are not downloaded. undefined when the user may not list CRDs.
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeGet } from '../connections/kube-request';

const METADATA_ONLY = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

export async function crdNames(kc: KubeConfig): Promise<Set<string> | undefined> {
  const res = await kubeGet(kc, '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', { accept: METADATA_ONLY });
  if (res.status !== 200) return undefined;
  const list = JSON.parse(res.body) as { items?: { metadata?: { name?: string } }[] };
  return new Set((list.items ?? []).map((i) => i.metadata?.name ?? ''));
}
