// Delete, scale, restart and suspend: one request each, shaped the way kubectl sends them.
import type { ObjectRef } from '../../../shared/bridge/types';
import type { KubeHttp } from '../cache/kube-http';
import { objectPath } from '../objects/object-service';

const MERGE = 'application/merge-patch+json';

/** a patch races the controllers writing status; like kubectl, try again on 409 */
export const retryOnConflict = async <T>(fn: () => Promise<T>, attempts = 5): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if ((err as { code?: unknown }).code !== 409 || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 20 * i));
    }
  }
};

export class WorkloadActions {
  constructor(
    private readonly http: KubeHttp,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async delete(clusterId: string, ref: ObjectRef, propagation?: 'Background' | 'Foreground' | 'Orphan', gracePeriodSeconds?: number): Promise<void> {
    const body = { kind: 'DeleteOptions', apiVersion: 'v1', ...(propagation ? { propagationPolicy: propagation } : {}), ...(gracePeriodSeconds !== undefined ? { gracePeriodSeconds } : {}) };
    await this.http.request(clusterId, { method: 'DELETE', path: objectPath(ref), body });
  }

  /** through the scale subresource, so it works for any kind that has one (CRDs too) */
  async scale(clusterId: string, ref: ObjectRef, replicas: number): Promise<void> {
    await retryOnConflict(() => this.http.request(clusterId, { method: 'PATCH', path: `${objectPath(ref)}/scale`, contentType: MERGE, body: { spec: { replicas } } }));
  }

  /** kubectl rollout restart: a new template annotation makes the controller roll every pod */
  async restart(clusterId: string, ref: ObjectRef): Promise<void> {
    const body = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': this.now().toISOString() } } } } };
    await retryOnConflict(() => this.http.request(clusterId, { method: 'PATCH', path: objectPath(ref), contentType: MERGE, body }));
  }

  /** CronJobs and Jobs both have spec.suspend */
  async suspend(clusterId: string, ref: ObjectRef, suspend: boolean): Promise<void> {
    await retryOnConflict(() => this.http.request(clusterId, { method: 'PATCH', path: objectPath(ref), contentType: MERGE, body: { spec: { suspend } } }));
  }
}
