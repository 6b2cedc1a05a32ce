// Mirror pods of the control plane's static pods, as kubeadm's kubelet posts them for
// /etc/kubernetes/manifests: kube-apiserver, etcd (our store plays its role), kube-controller-manager
// and kube-scheduler, bound to the local node and owned by its Node. The runtime then runs them like
// any pod, so `kubectl get pods -n kube-system` shows them Running.
import { createHash } from 'node:crypto';
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, Logger } from '../client';

const COMPONENTS: { name: string; image: string; command: string[] }[] = [
  { name: 'etcd', image: 'wheelhouse/store:v1.33.0', command: ['wheelhouse', 'store'] },
  { name: 'kube-apiserver', image: 'registry.k8s.io/kube-apiserver:v1.33.0', command: ['wheelhouse', 'apiserver'] },
  { name: 'kube-controller-manager', image: 'registry.k8s.io/kube-controller-manager:v1.33.0', command: ['wheelhouse', 'controller-manager'] },
  { name: 'kube-scheduler', image: 'registry.k8s.io/kube-scheduler:v1.33.0', command: ['wheelhouse', 'scheduler'] },
];

export function mirrorPodFor(component: (typeof COMPONENTS)[number], nodeName: string, nodeUid: string): Record<string, any> {
  const hash = createHash('md5').update(`${component.name}/${component.image}`).digest('hex');
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component.name}-${nodeName}`,
      namespace: 'kube-system',
      labels: { component: component.name, tier: 'control-plane' },
      annotations: { 'kubernetes.io/config.hash': hash, 'kubernetes.io/config.mirror': hash, 'kubernetes.io/config.source': 'file' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }],
    },
    spec: {
      nodeName,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      hostNetwork: true,
      containers: [{ name: component.name, image: component.image, command: component.command, resources: { requests: { cpu: component.name === 'etcd' ? '100m' : '50m' } } }],
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}

/** creates the mirror pods that are missing (they survive restarts in a persistent store) */
export async function mirrorPods(client: ApiClient, nodeName: string, logger: Logger): Promise<void> {
  const node = await client.get('v1', 'Node', undefined, nodeName);
  for (const c of COMPONENTS) {
    try {
      await client.create(mirrorPodFor(c, nodeName, node.metadata.uid));
    } catch (err) {
      if (!(err instanceof StatusError) || err.code !== 409) logger.warn(`mirror pod ${c.name}-${nodeName} not created`, err);
    }
  }
}
