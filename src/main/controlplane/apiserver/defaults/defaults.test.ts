import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKindStrategy } from './index';
import { resourceOf } from './test-support';

const strategy = createKindStrategy();
const defaulted = (group: string, kind: string, obj: Record<string, any>): Record<string, any> => {
  strategy.applyDefaults(resourceOf(group, kind), obj);
  return obj;
};

// What `kubectl get deploy web -o yaml` shows for the spec of `kubectl create deployment web --image=nginx`.
test('a minimal Deployment comes out with upstream defaults', () => {
  const d = defaulted('apps', 'Deployment', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } },
  });
  assert.deepEqual(d.spec, {
    progressDeadlineSeconds: 600,
    replicas: 1,
    revisionHistoryLimit: 10,
    selector: { matchLabels: { app: 'web' } },
    strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [{ image: 'nginx', imagePullPolicy: 'Always', name: 'nginx', resources: {}, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
        dnsPolicy: 'ClusterFirst',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
    },
  });
});

test('a Pod gets spec defaults plus what admission adds (service account, priority, tolerations)', () => {
  const pod = defaulted('', 'Pod', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] } });
  assert.deepEqual(pod.spec, {
    containers: [{
      name: 'c', image: 'nginx:1.25', imagePullPolicy: 'IfNotPresent', ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '1' }, requests: { cpu: '1' } }, resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }], terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    }],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    priority: 0,
    restartPolicy: 'Always',
    schedulerName: 'default-scheduler',
    securityContext: {},
    serviceAccount: 'default',
    serviceAccountName: 'default',
    terminationGracePeriodSeconds: 30,
    tolerations: [
      { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
      { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
    ],
  });
  const again = structuredClone(pod);
  defaulted('', 'Pod', again);
  assert.deepEqual(again, pod, 'defaulting twice changes nothing');
});

test('image pull policy follows the tag', () => {
  const policy = (image: string) => defaulted('', 'Pod', { spec: { containers: [{ name: 'c', image }] } }).spec.containers[0].imagePullPolicy;
  assert.equal(policy('nginx'), 'Always');
  assert.equal(policy('nginx:latest'), 'Always');
  assert.equal(policy('registry:5000/team/app'), 'Always');
  assert.equal(policy('registry:5000/team/app:v2'), 'IfNotPresent');
  assert.equal(policy('nginx@sha256:abc'), 'IfNotPresent');
});

test('a Service defaults type, ports, traffic policies and IP families', () => {
  const svc = defaulted('', 'Service', { metadata: { name: 's' }, spec: { type: 'NodePort', selector: { app: 'x' }, ports: [{ port: 80 }, { port: 443, targetPort: 'https' }] } });
  assert.deepEqual(svc.spec, {
    type: 'NodePort', selector: { app: 'x' },
    ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, protocol: 'TCP', targetPort: 'https' }],
    sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', internalTrafficPolicy: 'Cluster', ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'],
  });
  const plain = defaulted('', 'Service', { spec: { ports: [{ port: 53, protocol: 'UDP' }] } });
  assert.equal(plain.spec.type, 'ClusterIP');
  assert.equal(plain.spec.externalTrafficPolicy, undefined);
});

test('Job, CronJob, StatefulSet and DaemonSet defaults', () => {
  const job = defaulted('batch', 'Job', { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'perl:5' }] } } } });
  assert.deepEqual(
    [job.spec.completions, job.spec.parallelism, job.spec.backoffLimit, job.spec.completionMode, job.spec.suspend, job.spec.podReplacementPolicy, job.spec.template.spec.restartPolicy],
    [1, 1, 6, 'NonIndexed', false, 'TerminatingOrFailed', 'Never'],
  );
  const cj = defaulted('batch', 'CronJob', { spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } } } });
  assert.deepEqual([cj.spec.concurrencyPolicy, cj.spec.suspend, cj.spec.successfulJobsHistoryLimit, cj.spec.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
  assert.equal(cj.spec.jobTemplate.spec.template.spec.dnsPolicy, 'ClusterFirst');
  const sts = defaulted('apps', 'StatefulSet', { spec: { serviceName: 'db', template: { spec: { containers: [] } }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: {} }] } });
  assert.deepEqual(
    [sts.spec.replicas, sts.spec.podManagementPolicy, sts.spec.updateStrategy, sts.spec.revisionHistoryLimit, sts.spec.persistentVolumeClaimRetentionPolicy],
    [1, 'OrderedReady', { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, 10, { whenDeleted: 'Retain', whenScaled: 'Retain' }],
  );
  assert.deepEqual(sts.spec.volumeClaimTemplates[0], { metadata: { name: 'data' }, spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
  const ds = defaulted('apps', 'DaemonSet', { spec: { template: { spec: { containers: [] } } } });
  assert.deepEqual([ds.spec.updateStrategy, ds.spec.revisionHistoryLimit], [{ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, 10]);
});

test('Namespace, Secret, PV, PVC, StorageClass, NetworkPolicy, HPA, RoleBinding defaults', () => {
  const ns = defaulted('', 'Namespace', { metadata: { name: 'team-a' } });
  assert.deepEqual(ns, { metadata: { name: 'team-a', labels: { 'kubernetes.io/metadata.name': 'team-a' } }, status: { phase: 'Active' } });
  const secret = defaulted('', 'Secret', { metadata: { name: 's' }, data: { a: 'eA==' }, stringData: { b: 'héllo' } });
  assert.deepEqual(secret, { metadata: { name: 's' }, type: 'Opaque', data: { a: 'eA==', b: Buffer.from('héllo').toString('base64') } });
  const pv = defaulted('', 'PersistentVolume', { spec: { hostPath: { path: '/x' } } });
  assert.deepEqual([pv.spec.persistentVolumeReclaimPolicy, pv.spec.volumeMode, pv.status.phase], ['Retain', 'Filesystem', 'Pending']);
  const sc = defaulted('storage.k8s.io', 'StorageClass', { provisioner: 'x' });
  assert.deepEqual([sc.reclaimPolicy, sc.volumeBindingMode], ['Delete', 'Immediate']);
  const np = defaulted('networking.k8s.io', 'NetworkPolicy', { spec: { podSelector: {}, egress: [{ ports: [{ port: 53 }] }] } });
  assert.deepEqual([np.spec.policyTypes, np.spec.egress[0].ports[0].protocol], [['Ingress', 'Egress'], 'TCP']);
  const hpa = defaulted('autoscaling', 'HorizontalPodAutoscaler', { spec: { maxReplicas: 3, scaleTargetRef: { kind: 'Deployment', name: 'web' } } });
  assert.deepEqual([hpa.spec.minReplicas, hpa.spec.metrics], [1, [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]]);
  const rb = defaulted('rbac.authorization.k8s.io', 'RoleBinding', { roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'u' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'n' }] });
  assert.deepEqual(rb.roleRef.apiGroup, 'rbac.authorization.k8s.io');
  assert.deepEqual(rb.subjects.map((s: any) => s.apiGroup), ['rbac.authorization.k8s.io', '']);
});
