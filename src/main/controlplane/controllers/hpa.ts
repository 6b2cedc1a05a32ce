// The horizontal pod autoscaler controller (upstream pkg/controller/podautoscaler), autoscaling/v2:
// reads the target's scale subresource, keeps replicas within minReplicas..maxReplicas, and follows
// Resource metrics from a MetricsSource (none until metrics.k8s.io is served).
import { timestamp, type ApiClient, type Clock, type EventRecorder, type Informer, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { NO_METRICS, replicasForResource, type MetricsSource } from './hpa-metrics';
import { setCondition } from './job-conditions';

/** upstream's --horizontal-pod-autoscaler-sync-period */
const SYNC_MS = 15_000;

interface Outcome {
  desired: number;
  reason?: string;
}

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = 'horizontalpodautoscaling';
  readonly component = 'horizontal-pod-autoscaler';
  readonly workers = 5;
  private hpas!: Informer;
  private pods!: Informer;
  private client!: ApiClient;
  private clock!: Clock;
  private recorder!: EventRecorder;

  constructor(private readonly metrics: MetricsSource = NO_METRICS) {}

  register(ctx: ControllerContext): void {
    Object.assign(this, { client: ctx.client, clock: ctx.clock, recorder: ctx.recorder });
    this.hpas = ctx.informers.informerFor('autoscaling/v2', 'HorizontalPodAutoscaler');
    this.pods = ctx.informers.informerFor('v1', 'Pod');
    const enqueue = (h: Obj) => ctx.queue.add(`${h.metadata.namespace}/${h.metadata.name}`);
    this.hpas.addEventHandler({ onAdd: enqueue, onUpdate: (o, n) => o.metadata.generation !== n.metadata.generation && enqueue(n) });
  }

  async reconcile(key: string): Promise<{ requeueAfterMs: number } | void> {
    const hpa = this.hpas.lister.get(key);
    if (!hpa) return;
    const status = structuredClone(hpa.status ?? {});
    status.conditions = structuredClone(status.conditions ?? []);
    const now = this.clock.now();
    const { apiVersion, kind, name } = hpa.spec.scaleTargetRef;
    let scale: Obj;
    try {
      scale = await this.client.getScale(apiVersion, kind, hpa.metadata.namespace, name);
    } catch (err) {
      const message = `the HPA controller was unable to get the target's current scale: ${(err as Error).message}`;
      setCondition(status, 'AbleToScale', 'False', { reason: 'FailedGetScale', message }, now);
      this.recorder.event(hpa, 'Warning', 'FailedGetScale', (err as Error).message);
      await this.write(hpa, status);
      return { requeueAfterMs: SYNC_MS };
    }
    setCondition(status, 'AbleToScale', 'True', { reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" }, now);
    const current = scale.spec?.replicas ?? 0;
    const outcome = await this.desiredReplicas(hpa, scale, current, status, now);
    if (outcome.desired !== current && outcome.reason) await this.rescale(hpa, scale, outcome, status, now);
    Object.assign(status, { currentReplicas: current, desiredReplicas: outcome.desired, observedGeneration: hpa.metadata.generation });
    await this.write(hpa, status);
    return { requeueAfterMs: SYNC_MS };
  }

  private async desiredReplicas(hpa: Obj, scale: Obj, current: number, status: Obj, now: number): Promise<Outcome> {
    const min = hpa.spec.minReplicas ?? 1;
    const max = hpa.spec.maxReplicas;
    if (current === 0 && min !== 0) {
      setCondition(status, 'ScalingActive', 'False', { reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }, now);
      return { desired: 0 };
    }
    if (current > max) return this.limited(status, now, max, 'TooManyReplicas', 'Current number of replicas above Spec.MaxReplicas');
    if (current < min) return this.limited(status, now, min, 'TooFewReplicas', 'Current number of replicas below Spec.MinReplicas');
    const proposed = await this.fromMetrics(hpa, scale, current, status, now);
    if (proposed === undefined) return { desired: current };
    if (proposed > max) return this.limited(status, now, max, 'TooManyReplicas', 'All metrics above target');
    if (proposed < min) return this.limited(status, now, min, 'TooFewReplicas', 'All metrics below target');
    setCondition(status, 'ScalingLimited', 'False', { reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' }, now);
    return { desired: proposed, reason: proposed > current ? 'All metrics above target' : 'All metrics below target' };
  }

  private limited(status: Obj, now: number, desired: number, reason: string, rescaleReason: string): Outcome {
    const message = reason === 'TooManyReplicas' ? 'the desired replica count is more than the maximum replica count' : 'the desired replica count is less than the minimum replica count';
    setCondition(status, 'ScalingLimited', 'True', { reason, message }, now);
    return { desired, reason: rescaleReason };
  }

  /** the largest recommendation over the Resource metrics; undefined when none can be computed */
  private async fromMetrics(hpa: Obj, scale: Obj, current: number, status: Obj, now: number): Promise<number | undefined> {
    const metrics: Obj[] = hpa.spec.metrics ?? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
    const pods = this.pods.lister.namespace(hpa.metadata.namespace).list(scale.status?.selector ?? '').filter((p) => p.status?.phase === 'Running');
    let best: number | undefined;
    const currentMetrics: Obj[] = [];
    for (const metric of metrics.filter((m) => m.type === 'Resource')) {
      const resource = metric.resource.name;
      try {
        const usage = await this.metrics.podResourceUsage(hpa.metadata.namespace, scale.status?.selector ?? '', resource);
        const r = replicasForResource(metric, pods, usage, current);
        best = Math.max(best ?? 0, r.replicas);
        currentMetrics.push({ type: 'Resource', resource: { name: resource, current: { averageValue: milliQuantity(r.averageMilli), ...(r.utilization === undefined ? {} : { averageUtilization: r.utilization }) } } });
      } catch (err) {
        const why = `failed to get ${resource} utilization: unable to get metrics for resource ${resource}: ${(err as Error).message}`;
        setCondition(status, 'ScalingActive', 'False', { reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${why}` }, now);
        this.recorder.event(hpa, 'Warning', 'FailedGetResourceMetric', why);
        this.recorder.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', `invalid metrics (1 invalid out of ${metrics.length}), first error is: failed to get ${resource} resource metric value: ${why}`);
        return undefined;
      }
    }
    status.currentMetrics = currentMetrics;
    if (best !== undefined) setCondition(status, 'ScalingActive', 'True', { reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' }, now);
    return best;
  }

  private async rescale(hpa: Obj, scale: Obj, outcome: Outcome, status: Obj, now: number): Promise<void> {
    const { apiVersion, kind, name } = hpa.spec.scaleTargetRef;
    try {
      await this.client.updateScale(apiVersion, kind, hpa.metadata.namespace, name, { ...structuredClone(scale), spec: { ...scale.spec, replicas: outcome.desired } });
    } catch (err) {
      setCondition(status, 'AbleToScale', 'False', { reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${(err as Error).message}` }, now);
      this.recorder.event(hpa, 'Warning', 'FailedRescale', `New size: ${outcome.desired}; reason: ${outcome.reason}; error: ${(err as Error).message}`);
      throw err;
    }
    setCondition(status, 'AbleToScale', 'True', { reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${outcome.desired}` }, now);
    this.recorder.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${outcome.desired}; reason: ${outcome.reason}`);
    status.lastScaleTime = timestamp(now);
  }

  private async write(hpa: Obj, status: Obj): Promise<void> {
    if (JSON.stringify(status) === JSON.stringify(hpa.status ?? {})) return;
    await this.client.updateStatus({ ...structuredClone(hpa), status });
  }
}

/** a milli-unit amount as a quantity, e.g. 35 → "35m", 2 GiB in milli-bytes → "2147483648" */
const milliQuantity = (milli: number): string => (milli % 1000 === 0 ? String(milli / 1000) : milli >= 1e6 ? String(Math.round(milli / 1000)) : `${Math.round(milli)}m`);

/** the controller with a metrics source (the metrics issue plugs its metrics.k8s.io reader in here) */
export const hpaControllerWith = (metrics: MetricsSource) => (): Controller => new HorizontalPodAutoscalerController(metrics);
export const hpaController = (): Controller => new HorizontalPodAutoscalerController();
