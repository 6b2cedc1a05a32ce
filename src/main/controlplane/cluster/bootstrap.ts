// What every cluster has from its first start, as kubeadm lays it down: the four system namespaces,
// then the bootstrap RBAC policy and system PriorityClasses, and the kube-dns Service.
// Idempotent: on a restart the objects already exist and nothing is written.
import type { ResourceHandlers } from '../apiserver/registry/types';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import { bootstrapPolicy } from '../apiserver/bootstrap/policy';
import { createMissing } from '../apiserver/bootstrap/create-missing';
import { ensureKubeDnsService } from '../apiserver/bootstrap/kube-dns-service';

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function bootstrapObjects(handlers: ResourceHandlers, resources: ResourceRegistry): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) await createMissing(handlers, resources, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  await bootstrapPolicy(handlers, resources);
  await ensureKubeDnsService(handlers, resources);
}
