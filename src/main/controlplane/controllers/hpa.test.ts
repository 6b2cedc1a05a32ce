import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Obj } from '../client';
import { eventually, startControllers, type Harness } from './batch-test-support';
import { hpaController } from './hpa';

const deployment = (name: string, replicas: number): Obj => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'default' },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' } } }] } } },
});
const hpa = (name: string, min: number, max: number): Obj => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name, namespace: 'default' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: min, maxReplicas: max, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
});
const cond = (h: Obj, type: string) => (h.status?.conditions ?? []).find((c: Obj) => c.type === type);

describe('HPA controller', () => {
  let h: Harness;
  before(async () => (h = await startControllers([hpaController])));
  after(() => h.stop());
  const replicas = async (name: string) => (await h.admin.get('apps/v1', 'Deployment', 'default', name)).spec.replicas;

  it('without metrics: able to scale, not active, with upstream words', async () => {
    await h.admin.create(deployment('web', 2));
    await h.admin.create(hpa('web', 1, 5));
    const got = await eventually(h, async () => { const x = await h.admin.get('autoscaling/v2', 'HorizontalPodAutoscaler', 'default', 'web'); return cond(x, 'ScalingActive') && x; }, 'conditions');
    assert.equal(cond(got, 'AbleToScale').reason, 'SucceededGetScale');
    const active = cond(got, 'ScalingActive');
    assert.equal(active.status, 'False');
    assert.equal(active.reason, 'FailedGetResourceMetric');
    assert.equal(active.message, 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
    assert.equal(got.status.currentReplicas, 2);
    assert.equal(await replicas('web'), 2);
  });

  it('keeps the target within minReplicas and maxReplicas', async () => {
    await h.admin.create(deployment('small', 1));
    await h.admin.create(hpa('small', 3, 5));
    await eventually(h, async () => (await replicas('small')) === 3, 'scaled up to min');
    await h.admin.create(deployment('big', 9));
    await h.admin.create(hpa('big', 1, 4));
    await eventually(h, async () => (await replicas('big')) === 4, 'scaled down to max');
    const got = await eventually(h, async () => { const x = await h.admin.get('autoscaling/v2', 'HorizontalPodAutoscaler', 'default', 'big'); return x.status?.desiredReplicas === 4 && x; }, 'status');
    assert.equal(cond(got, 'ScalingLimited').reason, 'TooManyReplicas');
    assert.ok(got.status.lastScaleTime);
  });
});
