import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResourceInfo } from '../resources/types';
import { createKindStrategy, podQosClass } from './index';
import { resourceOf } from './test-support';

const strategy = createKindStrategy();

test('a created pod starts Pending with its QoS class, whatever status the client sent', () => {
  const pod = { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x' }] }, status: { phase: 'Running', podIP: '1.2.3.4' } };
  strategy.prepareForCreate(resourceOf('', 'Pod'), pod);
  assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'BestEffort' });
});

test('QoS classes follow requests and limits', () => {
  const pod = (resources: Record<string, any>[]) => ({ spec: { containers: resources.map((r, i) => ({ name: `c${i}`, resources: r })) } });
  assert.equal(podQosClass(pod([{}])), 'BestEffort');
  assert.equal(podQosClass(pod([{ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '0.5', memory: '1024Mi' } }])), 'Guaranteed');
  assert.equal(podQosClass(pod([{ limits: { cpu: '1', memory: '1Gi' } }, { requests: { cpu: '100m' } }])), 'Burstable');
  assert.equal(podQosClass(pod([{ requests: { memory: '64Mi' } }])), 'Burstable');
});

test('status is reset on create for kinds with a status subresource, but a Node keeps its own', () => {
  const deploy = { spec: { replicas: 1 }, status: { readyReplicas: 5 } };
  strategy.prepareForCreate(resourceOf('apps', 'Deployment'), deploy);
  assert.deepEqual(deploy.status, {});
  const node = { metadata: { name: 'n' }, status: { capacity: { cpu: '2' } } };
  strategy.prepareForCreate(resourceOf('', 'Node'), node);
  assert.deepEqual(node.status, { capacity: { cpu: '2' } });
  const pvc = { spec: {}, status: { phase: 'Bound' } };
  strategy.prepareForCreate(resourceOf('', 'PersistentVolumeClaim'), pvc);
  assert.deepEqual(pvc.status, { phase: 'Pending' });
  const cr: ResourceInfo = { ...resourceOf('apps', 'Deployment'), group: 'example.com', kind: 'Widget', custom: true };
  const widget: Record<string, any> = { spec: {}, status: { ok: true } };
  strategy.prepareForCreate(cr, widget);
  assert.equal(widget.status, undefined);
});

test('a status write keeps spec and labels; a spec write keeps status', () => {
  const r = resourceOf('apps', 'Deployment');
  const old = { metadata: { name: 'd', labels: { a: '1' } }, spec: { replicas: 1 }, status: { replicas: 1 } };
  const statusWrite = { metadata: { name: 'd', labels: { a: '2' } }, spec: { replicas: 9 }, status: { replicas: 3 } };
  strategy.prepareForUpdate(r, statusWrite, old, 'status');
  assert.deepEqual(statusWrite, { metadata: { name: 'd', labels: { a: '1' } }, spec: { replicas: 1 }, status: { replicas: 3 } });
  const specWrite = { metadata: { name: 'd' }, spec: { replicas: 2 }, status: { replicas: 7 } };
  strategy.prepareForUpdate(r, specWrite, old);
  assert.deepEqual(specWrite.status, { replicas: 1 });
});

test('a Service update that leaves out its cluster IP and node ports keeps the allocated ones', () => {
  const r = resourceOf('', 'Service');
  const old = { metadata: { name: 's' }, spec: { type: 'NodePort', clusterIP: '10.96.0.9', clusterIPs: ['10.96.0.9'], ports: [{ port: 80, protocol: 'TCP', nodePort: 30080 }] } };
  const next: Record<string, any> = { metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80, protocol: 'TCP' }] } };
  strategy.applyDefaults(r, old);
  strategy.applyDefaults(r, next);
  strategy.prepareForUpdate(r, next, old);
  assert.deepEqual([next.spec.clusterIP, next.spec.clusterIPs, next.spec.ports], ['10.96.0.9', ['10.96.0.9'], [{ port: 80, protocol: 'TCP', nodePort: 30080, targetPort: 80 }]]);
  assert.deepEqual(strategy.validate(r, next, old), []);
});
