import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { ServiceAllocations } from './service-allocations';

type Obj = Record<string, any>;

/** a Service "store" the test writes to, as the storage would after a successful create */
const world = (initial: Obj[] = []) => {
  const stored = new Map<string, Obj>(initial.map((s) => [`${s.metadata.namespace}/${s.metadata.name}`, s]));
  const alloc = new ServiceAllocations({ all: () => [...stored.values()], get: (k) => stored.get(k) });
  const create = (svc: Obj): Obj => {
    alloc.allocateNew(svc, false);
    stored.set(`${svc.metadata.namespace}/${svc.metadata.name}`, svc);
    alloc.observe('ADDED', svc);
    return svc;
  };
  const remove = (name: string) => {
    const svc = stored.get(`default/${name}`)!;
    stored.delete(`default/${name}`);
    alloc.observe('DELETED', svc);
  };
  return { alloc, create, remove };
};

const svc = (name: string, spec: Obj = {}): Obj => ({ metadata: { name, namespace: 'default' }, spec: { type: 'ClusterIP', ports: [{ port: 80 }], ...spec } });
const invalidWith = (re: RegExp) => (e: StatusError) => e.code === 422 && re.test(e.message);

test('a Service gets a free IP from 10.96.0.0/12, never 10.96.0.1, or the one it asks for', () => {
  const w = world();
  const a = w.create(svc('a'));
  assert.match(a.spec.clusterIP, /^10\.(9[6-9]|10[0-9]|11[01])\./);
  assert.notEqual(a.spec.clusterIP, '10.96.0.1');
  assert.deepEqual(a.spec.clusterIPs, [a.spec.clusterIP]);
  assert.equal(w.create(svc('b', { clusterIP: '10.96.0.5' })).spec.clusterIP, '10.96.0.5');
  assert.throws(() => w.create(svc('c', { clusterIP: '10.96.0.5' })), invalidWith(/spec\.clusterIPs: Invalid value: \["10\.96\.0\.5"\]: failed to allocate IP 10\.96\.0\.5: provided IP is already allocated/));
  assert.throws(() => w.create(svc('d', { clusterIP: '192.168.0.1' })), invalidWith(/not in the valid range/));
  w.remove('b');
  assert.equal(w.create(svc('c', { clusterIP: '10.96.0.5' })).spec.clusterIP, '10.96.0.5', 'a deleted Service gives its IP back');
});

test('headless and ExternalName Services get no IP', () => {
  const w = world();
  assert.deepEqual(w.create(svc('h', { clusterIP: 'None' })).spec.clusterIPs, ['None']);
  assert.equal(w.create(svc('x', { type: 'ExternalName', externalName: 'example.com' })).spec.clusterIP, undefined);
});

test('NodePort Services get ports from 30000-32767 and requested ones are honoured once', () => {
  const w = world();
  const n = w.create(svc('np', { type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] }));
  for (const p of n.spec.ports) assert.ok(p.nodePort >= 30000 && p.nodePort <= 32767);
  assert.notEqual(n.spec.ports[0].nodePort, n.spec.ports[1].nodePort);
  w.create(svc('fixed', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }));
  assert.throws(() => w.create(svc('clash', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })), invalidWith(/spec\.ports\[0\]\.nodePort: Invalid value: 30080: provided port is already allocated/));
});

test('after a restart, allocations come from the stored Services', () => {
  const before = world();
  const kept = before.create(svc('kept', { type: 'NodePort', clusterIP: '10.96.0.9', ports: [{ port: 80, nodePort: 31000 }] }));
  const after = world([kept]);
  assert.throws(() => after.create(svc('again', { clusterIP: '10.96.0.9' })), invalidWith(/already allocated/));
  assert.throws(() => after.create(svc('again', { type: 'NodePort', ports: [{ port: 80, nodePort: 31000 }] })), invalidWith(/already allocated/));
});
