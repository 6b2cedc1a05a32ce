// What every cluster has from its first start, as kubeadm lays it down: the four system namespaces,
// then the bootstrap RBAC policy and system PriorityClasses.
// Idempotent: on a restart the objects already exist and nothing is written.
import type { ResourceHandlers, RequestInfo } from '../apiserver/registry/types';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import { StatusError } from '../../../shared/k8s/status';
import { bootstrapPolicy } from '../apiserver/bootstrap/policy';

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function bootstrapObjects(handlers: ResourceHandlers, resources: ResourceRegistry): Promise<void> {
  const namespaces = resources.lookup('', 'v1', 'namespaces')!;
  for (const name of SYSTEM_NAMESPACES) {
    const req: RequestInfo = { verb: 'create', resource: namespaces, query: new URLSearchParams(), user: 'system:apiserver', userAgent: 'wheelhouse-bootstrap' };
    try {
      await handlers.create(req, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 409)) throw err;
    }
  }
  await bootstrapPolicy(handlers, resources);
}
