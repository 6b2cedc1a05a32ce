import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import type { ResourceInfo } from '../resources/types';
import { createTablePrinter, humanDuration } from './index';

const now = new Date('2026-01-10T12:00:00Z');
const ago = (seconds: number): string => new Date(now.getTime() - seconds * 1000).toISOString();
const res = (group: string, kind: string): ResourceInfo => {
  const r = BUILTIN_RESOURCES.find((x) => x.group === group && x.kind === kind);
  if (!r) throw new Error(`no ${group}/${kind}`);
  return r;
};
const printer = createTablePrinter();
const row = (group: string, kind: string, obj: Record<string, any>): Record<string, unknown> => {
  const r = res(group, kind);
  const names = printer.columns(r).map((c) => c.name);
  const cells = printer.cells(r, obj, now);
  assert.equal(cells.length, names.length, 'one cell per column');
  return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
};

test('ages read like kubectl: 5s, 3m2s, 4h, 2d3h, 45d', () => {
  assert.equal(humanDuration(5_000), '5s');
  assert.equal(humanDuration(119_000), '119s');
  assert.equal(humanDuration(182_000), '3m2s');
  assert.equal(humanDuration(15 * 60_000), '15m');
  assert.equal(humanDuration(4 * 3600_000), '4h');
  assert.equal(humanDuration(5 * 3600_000 + 7 * 60_000), '5h7m');
  assert.equal(humanDuration(51 * 3600_000), '2d3h');
  assert.equal(humanDuration(45 * 86400_000), '45d');
  assert.equal(humanDuration(800 * 86400_000), '2y70d');
  assert.equal(humanDuration(-1_000), '0s');
  assert.equal(humanDuration(-5_000), '<invalid>');
});

test('every built-in kind has Name as its name-formatted column', () => {
  for (const r of BUILTIN_RESOURCES) {
    const name = printer.columns(r).find((c) => c.format === 'name');
    assert.equal(name?.name, 'Name', `${r.group}/${r.kind}`);
  }
});

test('a crashlooping pod prints CrashLoopBackOff with its restarts and when', () => {
  const pod = {
    metadata: { name: 'web-1', creationTimestamp: ago(600) },
    spec: { nodeName: 'node-a', containers: [{ name: 'app' }, { name: 'side' }] },
    status: {
      phase: 'Running',
      podIP: '10.0.0.5',
      podIPs: [{ ip: '10.0.0.5' }],
      containerStatuses: [
        { name: 'app', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } },
        { name: 'side', ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  };
  assert.deepEqual(row('', 'Pod', pod), {
    Name: 'web-1', Ready: '1/2', Status: 'CrashLoopBackOff', Restarts: '4 (30s ago)', Age: '10m',
    IP: '10.0.0.5', Node: 'node-a', 'Nominated Node': '<none>', 'Readiness Gates': '<none>',
  });
});

test('pod status: init progress, completed, terminating, container creating', () => {
  const init = {
    metadata: { name: 'p', creationTimestamp: ago(5) },
    spec: { initContainers: [{ name: 'i1' }, { name: 'i2' }], containers: [{ name: 'c' }] },
    status: {
      phase: 'Pending',
      initContainerStatuses: [
        { name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
        { name: 'i2', restartCount: 0, state: { running: {} } },
      ],
      containerStatuses: [{ name: 'c', restartCount: 0, state: { waiting: { reason: 'PodInitializing' } } }],
    },
  };
  assert.equal(row('', 'Pod', init).Status, 'Init:1/2');
  const done = {
    metadata: { name: 'p', creationTimestamp: ago(5) },
    spec: { containers: [{ name: 'c' }] },
    status: { phase: 'Succeeded', containerStatuses: [{ name: 'c', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] },
  };
  assert.deepEqual([row('', 'Pod', done).Ready, row('', 'Pod', done).Status, row('', 'Pod', done).Restarts], ['0/1', 'Completed', '0']);
  const creating = { ...done, status: { phase: 'Pending', containerStatuses: [{ name: 'c', state: { waiting: { reason: 'ContainerCreating' } } }] } };
  assert.equal(row('', 'Pod', creating).Status, 'ContainerCreating');
  const deleting = { ...creating, metadata: { ...creating.metadata, deletionTimestamp: ago(1) } };
  assert.equal(row('', 'Pod', deleting).Status, 'Terminating');
  const pending = { metadata: { name: 'p', creationTimestamp: ago(5) }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } };
  assert.equal(row('', 'Pod', pending).Status, 'Pending');
});

test('deployment READY/UP-TO-DATE/AVAILABLE and wide columns', () => {
  const d = {
    metadata: { name: 'web', creationTimestamp: ago(3 * 86400 + 3600) },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web', tier: 'fe' } }, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }, { name: 'log', image: 'busybox' }] } } },
    status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
  };
  assert.deepEqual(row('apps', 'Deployment', d), {
    Name: 'web', Ready: '2/3', 'Up-to-date': 3, Available: 2, Age: '3d1h', Containers: 'nginx,log', Images: 'nginx:1.25,busybox', Selector: 'app=web,tier=fe',
  });
});

test('services print TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S)', () => {
  const svc = (spec: Record<string, any>, status: Record<string, any> = {}) => row('', 'Service', { metadata: { name: 's', creationTimestamp: ago(70) }, spec, status });
  const lb = svc({ type: 'LoadBalancer', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, protocol: 'TCP', nodePort: 0 }, { port: 443, protocol: 'TCP', nodePort: 30443 }], selector: { app: 'x' } });
  assert.deepEqual(lb, { Name: 's', Type: 'LoadBalancer', 'Cluster-IP': '10.96.0.10', 'External-IP': '<pending>', 'Port(s)': '80/TCP,443:30443/TCP', Age: '70s', Selector: 'app=x' });
  const headless = svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] });
  assert.deepEqual([headless['Cluster-IP'], headless['External-IP'], headless['Port(s)'], headless.Selector], ['None', '<none>', '<none>', '<none>']);
  const served = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.11'], ports: [{ port: 53, protocol: 'UDP', nodePort: 31000 }] }, { loadBalancer: { ingress: [{ ip: '192.168.1.2' }] } });
  assert.deepEqual([served['External-IP'], served['Port(s)']], ['192.168.1.2', '53:31000/UDP']);
  assert.equal(svc({ type: 'ExternalName', externalName: 'db.example.com' })['External-IP'], 'db.example.com');
});

test('nodes print STATUS with SchedulingDisabled and ROLES from labels', () => {
  const node = {
    metadata: { name: 'n1', creationTimestamp: ago(45 * 86400), labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/worker': '', 'kubernetes.io/hostname': 'n1' } },
    spec: { unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: 'True' }], addresses: [{ type: 'InternalIP', address: '10.1.0.1' }], nodeInfo: { kubeletVersion: 'v1.33.0', osImage: 'Debian', kernelVersion: '6.1', containerRuntimeVersion: 'wheelhouse://0.1' } },
  };
  assert.deepEqual(row('', 'Node', node), {
    Name: 'n1', Status: 'Ready,SchedulingDisabled', Roles: 'control-plane,worker', Age: '45d', Version: 'v1.33.0',
    'Internal-IP': '10.1.0.1', 'External-IP': '<none>', 'OS-Image': 'Debian', 'Kernel-Version': '6.1', 'Container-Runtime': 'wheelhouse://0.1',
  });
  assert.deepEqual(row('', 'Node', { metadata: { name: 'n2' }, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }).Status, 'NotReady');
  assert.equal(row('', 'Node', { metadata: { name: 'n2' } }).Roles, '<none>');
});

test('jobs and cronjobs', () => {
  const job = {
    metadata: { name: 'pi', creationTimestamp: ago(300) },
    spec: { completions: 3, parallelism: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } }, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } },
    status: { succeeded: 3, startTime: ago(290), completionTime: ago(250), conditions: [{ type: 'Complete', status: 'True' }] },
  };
  const j = row('batch', 'Job', job);
  assert.deepEqual([j.Status, j.Completions, j.Duration, j.Age], ['Complete', '3/3', '40s', '5m']);
  const cj = row('batch', 'CronJob', { metadata: { name: 'c', creationTimestamp: ago(7200) }, spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [] } } } } }, status: { lastScheduleTime: ago(62) } });
  assert.deepEqual([cj.Schedule, cj.Timezone, cj.Suspend, cj.Active, cj['Last Schedule'], cj.Age], ['*/5 * * * *', '<none>', 'False', 0, '62s', '120m']);
});

test('events print LAST SEEN, TYPE, REASON, OBJECT, MESSAGE (core and events.k8s.io)', () => {
  const core = { metadata: { name: 'web.1' }, involvedObject: { kind: 'Pod', name: 'web' }, type: 'Normal', reason: 'Scheduled', message: 'Assigned ', firstTimestamp: ago(120), lastTimestamp: ago(60), count: 2, source: { component: 'default-scheduler' } };
  const e = row('', 'Event', core);
  assert.deepEqual([e['Last Seen'], e.Type, e.Reason, e.Object, e.Message, e['First Seen'], e.Count, e.Source], ['60s', 'Normal', 'Scheduled', 'pod/web', 'Assigned', '2m', 2, 'default-scheduler']);
  const modern = { metadata: { name: 'x' }, regarding: { kind: 'Node', name: 'n1' }, type: 'Warning', reason: 'Rebooted', note: 'boom', eventTime: ago(10), reportingController: 'kubelet', reportingInstance: 'n1' };
  const m = row('events.k8s.io', 'Event', modern);
  assert.deepEqual([m['Last Seen'], m.Object, m.Message, m.Count, m.Source], ['10s', 'node/n1', 'boom', 1, 'kubelet, n1']);
});

test('simple kinds: configmap DATA, secret TYPE/DATA, storage class default, bindings, PVC, HPA', () => {
  assert.equal(row('', 'ConfigMap', { metadata: { name: 'c' }, data: { a: '1' }, binaryData: { b: '' } }).Data, 2);
  assert.deepEqual(row('', 'Secret', { metadata: { name: 's' }, type: 'Opaque', data: { a: 'MQ==' } }).Type, 'Opaque');
  const sc = row('storage.k8s.io', 'StorageClass', { metadata: { name: 'local', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }, provisioner: 'wheelhouse.dev/hostpath' });
  assert.deepEqual([sc.Name, sc.ReclaimPolicy, sc.VolumeBindingMode, sc.AllowVolumeExpansion], ['local (default)', 'Delete', 'Immediate', false]);
  const rb = row('rbac.authorization.k8s.io', 'RoleBinding', { metadata: { name: 'rb' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'ann' }, { kind: 'ServiceAccount', name: 'sa', namespace: 'ns' }] });
  assert.deepEqual([rb.Role, rb.Users, rb.ServiceAccounts, rb.Groups], ['ClusterRole/view', 'ann', 'ns:sa', '']);
  assert.equal(row('rbac.authorization.k8s.io', 'Role', { metadata: { name: 'r', creationTimestamp: '2026-01-01T00:00:00.000Z' } })['Created At'], '2026-01-01T00:00:00Z');
  const pvc = row('', 'PersistentVolumeClaim', { metadata: { name: 'data' }, spec: { volumeName: 'pv1', storageClassName: 'local', volumeMode: 'Filesystem' }, status: { phase: 'Bound', capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce', 'ReadWriteOnce'] } });
  assert.deepEqual([pvc.Status, pvc.Volume, pvc.Capacity, pvc['Access Modes'], pvc.StorageClass], ['Bound', 'pv1', '1Gi', 'RWO', 'local']);
  const hpa = row('autoscaling', 'HorizontalPodAutoscaler', { metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }] }, status: { currentReplicas: 2 } });
  assert.deepEqual([hpa.Reference, hpa.Targets, hpa.MinPods, hpa.MaxPods, hpa.Replicas], ['Deployment/web', 'cpu: <unknown>/80%', '1', 5, 2]);
});

test('custom resources use the CRD additionalPrinterColumns, or NAME + AGE', () => {
  const crd: ResourceInfo = { ...res('apps', 'Deployment'), group: 'example.com', kind: 'Widget', custom: true };
  const columns = [
    { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
    { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
    { name: 'Started', type: 'date', jsonPath: '.status.startedAt', priority: 1 },
  ];
  const p = createTablePrinter((r) => (r.kind === 'Widget' ? columns : undefined));
  assert.deepEqual(p.columns(crd).map((c) => [c.name, c.type, c.priority]), [['Name', 'string', 0], ['Replicas', 'integer', 0], ['Ready', 'string', 0], ['Started', 'date', 1]]);
  const w = { metadata: { name: 'w1' }, spec: { replicas: 2 }, status: { startedAt: ago(3600), conditions: [{ type: 'Ready', status: 'True' }] } };
  assert.deepEqual(p.cells(crd, w, now), ['w1', 2, 'True', '60m']);
  assert.deepEqual(p.cells(crd, { metadata: { name: 'w2' } }, now), ['w2', null, null, null]);
  const plain: ResourceInfo = { ...crd, kind: 'Gadget' };
  assert.deepEqual(p.columns(plain).map((c) => c.name), ['Name', 'Age']);
  assert.deepEqual(p.cells(plain, { metadata: { name: 'g', creationTimestamp: ago(9) } }, now), ['g', '9s']);
});

test('selectors print as label selector strings; ReplicaSets say <none> when empty', () => {
  const rs = row('apps', 'ReplicaSet', {
    metadata: { name: 'rs' },
    spec: { replicas: 2, selector: { matchLabels: { tier: 'fe' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }] }, template: { spec: { containers: [] } } },
  });
  assert.equal(rs.Selector, '!canary,env in (dev,prod),tier=fe');
  assert.equal(row('apps', 'ReplicaSet', { metadata: { name: 'rs' }, spec: { selector: {} } }).Selector, '<none>');
  assert.equal(row('networking.k8s.io', 'NetworkPolicy', { metadata: { name: 'np' }, spec: { podSelector: {} } })['Pod-Selector'], '<none>');
});

test('endpoints list addresses with ports, three at most', () => {
  const ep = row('', 'Endpoints', {
    metadata: { name: 'web' },
    subsets: [{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ port: 80 }, { port: 443 }] }],
  });
  assert.equal(ep.Endpoints, '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...');
  assert.equal(row('', 'Endpoints', { metadata: { name: 'x' } }).Endpoints, '<none>');
  const es = row('discovery.k8s.io', 'EndpointSlice', { metadata: { name: 's' }, addressType: 'IPv4', ports: [{ port: 80 }], endpoints: [{ addresses: ['10.0.0.1'] }] });
  assert.deepEqual([es.AddressType, es.Ports, es.Endpoints], ['IPv4', '80', '10.0.0.1']);
});

test('pod status: failing init containers and running sidecars', () => {
  const pod = (initStatuses: Record<string, any>[], extra: Record<string, any> = {}) => ({
    metadata: { name: 'p', creationTimestamp: ago(5) },
    spec: { initContainers: [{ name: 'i1' }, { name: 'side', restartPolicy: 'Always' }], containers: [{ name: 'c' }] },
    status: { phase: 'Pending', initContainerStatuses: initStatuses, ...extra },
  });
  assert.equal(row('', 'Pod', pod([{ name: 'i1', restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }])).Status, 'Init:CrashLoopBackOff');
  assert.equal(row('', 'Pod', pod([{ name: 'i1', restartCount: 0, state: { terminated: { exitCode: 3 } } }])).Status, 'Init:ExitCode:3');
  const running = pod(
    [
      { name: 'i1', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'side', restartCount: 1, started: true, ready: true, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(90) } } },
    ],
    { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] },
  );
  const r = row('', 'Pod', running);
  assert.deepEqual([r.Ready, r.Status, r.Restarts], ['2/2', 'Running', '1 (90s ago)']);
});
