// The kube-dns Service in kube-system, as kubeadm creates it for CoreDNS: the tenth address of the
// service range, which every pod's resolv.conf names. The cluster DNS server binds that address itself.
import type { ResourceHandlers } from '../registry/types';
import type { ResourceRegistry } from '../resources/registry';
import { createMissing } from './create-missing';

export const KUBE_DNS_IP = '10.96.0.10';

const LABELS = { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' };

export async function ensureKubeDnsService(handlers: ResourceHandlers, resources: ResourceRegistry): Promise<void> {
  await createMissing(handlers, resources, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: LABELS, annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBE_DNS_IP,
      clusterIPs: [KUBE_DNS_IP],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
}
