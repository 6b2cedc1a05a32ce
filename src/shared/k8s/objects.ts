// The shape every Kubernetes object shares on the wire, for code that handles objects generically
// (informers, controllers). @kubernetes/client-node's V1* models are not used here on purpose: they
// type timestamps as Date, while objects from the API (in-process or JSON) carry RFC 3339 strings.

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [field: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: any;
}

/** "ns/name", or "name" for cluster-scoped objects: the key informers, listers and work queues use */
export const objectKey = (obj: { metadata?: ObjectMeta }): string => {
  const ns = obj.metadata?.namespace;
  return ns ? `${ns}/${obj.metadata?.name}` : (obj.metadata?.name ?? '');
};

/** the inverse of objectKey */
export const splitKey = (key: string): { namespace?: string; name: string } => {
  const slash = key.indexOf('/');
  return slash < 0 ? { name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
};

/** the owner reference marked controller: true, if any */
export const controllerOf = (obj: { metadata?: ObjectMeta }): OwnerReference | undefined =>
  obj.metadata?.ownerReferences?.find((r) => r.controller);

export const isControlledBy = (obj: { metadata?: ObjectMeta }, owner: { metadata?: ObjectMeta }): boolean =>
  owner.metadata?.uid !== undefined && controllerOf(obj)?.uid === owner.metadata.uid;

/** an owner reference that makes `owner` the controller of what carries it */
export const controllerReference = (owner: KubeObject): OwnerReference => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: owner.metadata.name ?? '',
  uid: owner.metadata.uid ?? '',
  controller: true,
  blockOwnerDeletion: true,
});
