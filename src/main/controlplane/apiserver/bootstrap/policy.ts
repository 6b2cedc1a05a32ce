// Objects upstream's API server lays down itself on every start: the bootstrap RBAC policy and the
// two system PriorityClasses.
import { BOOTSTRAP_RBAC } from '../authz/bootstrap-policy';
import type { ResourceHandlers } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import { createMissing } from './create-missing';

export const SYSTEM_PRIORITY_CLASSES = [
  { name: 'system-node-critical', value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

export async function bootstrapPolicy(handlers: ResourceHandlers, resources: ResourceRegistry): Promise<void> {
  for (const obj of BOOTSTRAP_RBAC) await createMissing(handlers, resources, obj);
  for (const pc of SYSTEM_PRIORITY_CLASSES) {
    await createMissing(handlers, resources, { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: pc.name }, value: pc.value, description: pc.description });
  }
}
