// The `kubernetes` Service in `default`, as every cluster has: ClusterIP 10.96.0.1:443 in front of
// the API server, with Endpoints and an EndpointSlice naming where it listens. The port can change
// between starts (port 0), so each start writes the current one, as upstream's lease reconciler does.
import type { ResourceHandlers } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import { createOrReplace } from './create-missing';
import { KUBERNETES_SERVICE_IP } from '../services/cidr';

const LABELS = { component: 'apiserver', provider: 'kubernetes' };

export async function ensureKubernetesService(handlers: ResourceHandlers, resources: ResourceRegistry, host: string, port: number): Promise<void> {
  const metadata = { name: 'kubernetes', namespace: 'default', labels: LABELS };
  await createOrReplace(handlers, resources, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: { type: 'ClusterIP', clusterIP: KUBERNETES_SERVICE_IP, clusterIPs: [KUBERNETES_SERVICE_IP], sessionAffinity: 'None', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: port }] },
  });
  await createOrReplace(handlers, resources, {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: host }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  });
  await createOrReplace(handlers, resources, {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [host], conditions: { ready: true } }],
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  });
}
