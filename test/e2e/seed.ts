// Objects the e2e scenarios act on, created through the built-in cluster's real API.
import * as k8s from '@kubernetes/client-node';

export interface Api {
  apps: k8s.AppsV1Api;
  core: k8s.CoreV1Api;
  rbac: k8s.RbacAuthorizationV1Api;
  batch: k8s.BatchV1Api;
}

export function apiFor(kubeconfig: string): Api {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(kubeconfig);
  return { apps: kc.makeApiClient(k8s.AppsV1Api), core: kc.makeApiClient(k8s.CoreV1Api), rbac: kc.makeApiClient(k8s.RbacAuthorizationV1Api), batch: kc.makeApiClient(k8s.BatchV1Api) };
}

export function deployment(name: string, namespace: string, labels: Record<string, string>): k8s.V1Deployment {
  return {
    metadata: { name, namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: labels.app } },
      template: { metadata: { labels: { app: labels.app } }, spec: { containers: [{ name: 'main', image: 'nginx:1.27' }] } },
    },
  };
}

export async function seed(api: Api): Promise<void> {
  for (const ns of ['team-a', 'team-b']) await api.core.createNamespace({ body: { metadata: { name: ns } } });
  await api.apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('web', 'team-a', { app: 'web', tier: 'frontend' }) });
  await api.apps.createNamespacedDeployment({ namespace: 'team-a', body: deployment('api', 'team-a', { app: 'api', tier: 'backend' }) });
  await api.apps.createNamespacedDeployment({ namespace: 'team-b', body: deployment('worker', 'team-b', { app: 'worker' }) });
}

/** the node to cordon: an existing one, or one registered through the API if no agent runs */
export async function someNode(api: Api): Promise<string> {
  const nodes = await api.core.listNode();
  if (nodes.items.length) return nodes.items[0].metadata!.name!;
  await api.core.createNode({ body: { metadata: { name: 'e2e-node', labels: { 'kubernetes.io/hostname': 'e2e-node' } } } });
  return 'e2e-node';
}

export function cronJob(name: string, namespace: string): k8s.V1CronJob {
  return {
    metadata: { name, namespace },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox:1.36', command: ['true'] }] } } } },
    },
  };
}

/** a service account that may read everything and change nothing; returns its token */
export async function readOnlyToken(api: Api, namespace: string): Promise<string> {
  await api.core.createNamespacedServiceAccount({ namespace, body: { metadata: { name: 'viewer' } } });
  await api.rbac.createClusterRole({ body: { metadata: { name: 'e2e-viewer' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] }] } });
  await api.rbac.createClusterRoleBinding({
    body: { metadata: { name: 'e2e-viewer' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'e2e-viewer' }, subjects: [{ kind: 'ServiceAccount', name: 'viewer', namespace }] },
  });
  const review = await api.core.createNamespacedServiceAccountToken({ name: 'viewer', namespace, body: { spec: { audiences: [], expirationSeconds: 3600 } } });
  return review.status!.token;
}

export async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}
