// Small hand-built schemas for the tests: a Deployment-like kind with the list and map types that
// matter to server-side apply.
import type { SchemaNode } from '../schema/types';

export const str: SchemaNode = { type: 'string' };
export const int: SchemaNode = { type: 'integer' };

export const struct = (props: Record<string, SchemaNode>, extra: Partial<SchemaNode> = {}): SchemaNode => ({
  type: 'object',
  properties: () => props,
  ...extra,
});
export const mapOf = (value: SchemaNode, extra: Partial<SchemaNode> = {}): SchemaNode => ({
  type: 'object',
  additionalProperties: () => value,
  ...extra,
});
export const listOf = (item: SchemaNode, extra: Partial<SchemaNode> = {}): SchemaNode => ({ type: 'array', items: () => item, ...extra });

const metadata = struct({
  name: str,
  namespace: str,
  uid: str,
  resourceVersion: str,
  generation: int,
  creationTimestamp: str,
  labels: mapOf(str),
  annotations: mapOf(str),
  finalizers: listOf(str, { listType: 'set' }),
  managedFields: listOf(struct({ manager: str }), { listType: 'atomic' }),
});

const port = struct({ containerPort: int, protocol: str, name: str });
const container = struct({
  name: str,
  image: str,
  args: listOf(str, { listType: 'atomic' }),
  ports: listOf(port, { listType: 'map', listMapKeys: ['containerPort', 'protocol'] }),
  resources: struct({ limits: mapOf(str) }),
});
const podSpec = struct({
  containers: listOf(container, { patchStrategy: 'merge', patchMergeKey: 'name' }),
  nodeSelector: mapOf(str, { mapType: 'atomic' }),
});

export const deploymentSchema = struct({
  apiVersion: str,
  kind: str,
  metadata,
  spec: struct({
    replicas: int,
    selector: struct({ matchLabels: mapOf(str) }, { mapType: 'atomic' }),
    template: struct({ metadata, spec: podSpec }),
  }),
  status: struct({ replicas: int, readyReplicas: int, conditions: listOf(struct({ type: str, status: str }), { listType: 'map', listMapKeys: ['type'] }) }),
});

export const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): Record<string, any> => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec,
});
