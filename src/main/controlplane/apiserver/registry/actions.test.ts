import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { harness, pod, withNamespace, type Harness } from './testing';

let h: Harness;
before(async () => {
  h = harness();
  await withNamespace(h);
});
after(() => h.close());

const create = (plural: string, body: Record<string, any>, o: { ns?: string; name?: string; sub?: string; group?: string; user?: string; groups?: string[] } = {}) =>
  h.storage.create({ ...h.req(plural, { ns: o.ns ?? 'default', name: o.name, sub: o.sub, group: o.group }), verb: 'create', user: o.user ?? 'admin', groups: o.groups }, body);
const getPod = (name: string) => h.storage.get(h.req('pods', { ns: 'default', name }));
const rejects = (p: Promise<unknown>, code: number, message: RegExp) => assert.rejects(p, (e: StatusError) => e.code === code && message.test(e.message));

const runningPod = (name: string, labels: Record<string, string>, ready = true) =>
  pod(name, { metadata: { labels }, spec: { nodeName: 'n1', terminationGracePeriodSeconds: 0 }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });

test('a binding sets nodeName and PodScheduled once; a second is a conflict; a missing pod is 404', async () => {
  await create('pods', pod('b1'));
  const res = await create('pods', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'b1' }, target: { kind: 'Node', name: 'n1' } }, { name: 'b1', sub: 'binding' });
  assert.equal(res.code, 201);
  const bound = await getPod('b1');
  assert.equal(bound.spec.nodeName, 'n1');
  assert.equal(bound.status.conditions.find((c: any) => c.type === 'PodScheduled').status, 'True');
  await rejects(create('pods', { target: { name: 'n2' } }, { name: 'b1', sub: 'binding' }), 409, /pod b1 is already assigned to node "n1"/);
  await rejects(create('pods', { target: { name: 'n2' } }, { name: 'gone', sub: 'binding' }), 404, /pods "gone" not found/);
  await rejects(create('pods', { metadata: { name: 'other' }, target: { name: 'n2' } }, { name: 'b1', sub: 'binding' }), 400, /does not match/);
});

test('an eviction the budget forbids is 429 with the DisruptionBudget cause; without a budget it deletes', async () => {
  await create('pods', runningPod('e1', { app: 'e' }));
  await create('poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'keep-one' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'e' } } } }, { group: 'policy' });
  const evict = (name: string) => create('pods', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } }, { name, sub: 'eviction' });
  await assert.rejects(evict('e1'), (e: StatusError) => {
    assert.equal(e.code, 429);
    assert.equal(e.message, "Cannot evict pod as it would violate the pod's disruption budget.");
    assert.deepEqual(e.details?.causes, [{ reason: 'DisruptionBudget', message: 'The disruption budget keep-one needs 1 healthy pods and has 1 currently' }]);
    return true;
  });
  assert.ok(await getPod('e1'), 'the refused pod stays');
  await create('pods', runningPod('e2', { app: 'e' }));
  assert.equal((await evict('e1')).code, 201, 'two healthy pods, one needed: one may go');
  await rejects(getPod('e1'), 404, /not found/);
  await create('pods', runningPod('free', { app: 'free' }));
  assert.equal((await evict('free')).code, 201);
  await rejects(evict('free'), 404, /pods "free" not found/);
});

test('an unready pod may be evicted while the budget is met; a pending pod always', async () => {
  await create('pods', runningPod('u1', { app: 'u' }));
  await create('pods', runningPod('u2', { app: 'u' }, false));
  await create('pods', pod('pending', { metadata: { labels: { app: 'u' } } }));
  await create('poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'u' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'u' } } } }, { group: 'policy' });
  const evict = (name: string) => create('pods', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } }, { name, sub: 'eviction' });
  await rejects(evict('u1'), 429, /disruption budget/);
  assert.equal((await evict('u2')).code, 201);
  assert.equal((await evict('pending')).code, 201);
});

test('a token request signs a token for an existing account', async () => {
  await create('serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
  const res = await create('serviceaccounts', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} }, { name: 'robot', sub: 'token' });
  assert.equal(res.code, 201);
  assert.equal(res.object.spec.expirationSeconds, 3600);
  const claims = JSON.parse(Buffer.from(res.object.status.token.split('.')[1], 'base64url').toString());
  assert.equal(claims.sub, 'system:serviceaccount:default:robot');
  const review = await create('tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: res.object.status.token } }, { group: 'authentication.k8s.io', ns: undefined });
  assert.equal(review.object.status.authenticated, true);
  assert.equal(review.object.status.user.username, 'system:serviceaccount:default:robot');
  await rejects(create('serviceaccounts', { spec: {} }, { name: 'nobody', sub: 'token' }), 404, /serviceaccounts "nobody" not found/);
  await rejects(create('serviceaccounts', { spec: { expirationSeconds: 60 } }, { name: 'robot', sub: 'token' }), 422, /less than 10 minutes/);
});

test('access reviews follow RBAC for service accounts and allow system:masters everything', async () => {
  const rbac = { group: 'rbac.authorization.k8s.io' };
  await create('roles', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'pod-reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }] }, rbac);
  await create('rolebindings', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'read' }, roleRef: { kind: 'Role', name: 'pod-reader' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }] }, rbac);
  const can = async (user: string, verb: string, resource: string, groups?: string[]) => {
    const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { namespace: 'default', verb, resource } } };
    return (await create('selfsubjectaccessreviews', body, { group: 'authorization.k8s.io', ns: undefined, user, groups })).object.status.allowed;
  };
  assert.equal(await can('system:serviceaccount:default:default', 'get', 'pods'), true);
  assert.equal(await can('system:serviceaccount:default:default', 'delete', 'pods'), false);
  assert.equal(await can('system:serviceaccount:other:default', 'get', 'pods'), false);
  assert.equal(await can('someone', 'delete', 'deployments', ['system:masters']), true);
  const rules = await create('selfsubjectrulesreviews', { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: 'default' } }, { group: 'authorization.k8s.io', ns: undefined, user: 'system:serviceaccount:default:default' });
  assert.deepEqual(rules.object.status.resourceRules, [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }]);
});

test('concurrent evictions are decided one at a time; maxUnavailable counts the controller’s replicas', async () => {
  const rs = await create('replicasets', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'w' } }, template: {} } }, { group: 'apps' });
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.object.metadata.uid, controller: true };
  for (const name of ['w1', 'w2']) {
    const p = runningPod(name, { app: 'w' });
    p.metadata.ownerReferences = [owner];
    await create('pods', p);
  }
  await create('poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'w' }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'w' } } } }, { group: 'policy' });
  const evict = (name: string) => create('pods', { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name } }, { name, sub: 'eviction' }).then((r) => r.code, (e: StatusError) => e.code);
  const codes = await Promise.all([evict('w1'), evict('w2')]);
  assert.deepEqual(codes.sort(), [201, 429], 'the first pod is gone for good (grace 0), yet the ReplicaSet still wants 2');
});
