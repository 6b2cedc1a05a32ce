// access.check: SelfSubjectAccessReviews, asked concurrently and remembered for 30 s per cluster,
// so enabling or disabling the actions of a details panel costs nothing after the first look.
import type { AccessCheck, AccessResult } from '../../../shared/bridge/types';
import type { KubeHttp } from '../cache/kube-http';

const TTL_MS = 30_000;

const keyOf = (c: AccessCheck): string => [c.verb, c.group, c.resource, c.subresource ?? '', c.namespace ?? '', c.name ?? ''].join('\u0000');

const describe = (c: AccessCheck): string => {
  const what = `${c.resource}${c.subresource ? `/${c.subresource}` : ''}${c.group ? `.${c.group}` : ''}`;
  const where = c.namespace ? ` in namespace "${c.namespace}"` : ' at cluster scope';
  return `you are not allowed to ${c.verb} ${what}${c.name ? ` "${c.name}"` : ''}${where}`;
};

export class AccessService {
  private readonly cache = new Map<string, Map<string, { at: number; result: Promise<AccessResult> }>>();

  constructor(
    private readonly http: KubeHttp,
    private readonly now: () => number = Date.now,
  ) {}

  check(clusterId: string, checks: AccessCheck[]): Promise<AccessResult[]> {
    let mine = this.cache.get(clusterId);
    if (!mine) this.cache.set(clusterId, (mine = new Map()));
    const now = this.now();
    const cache = mine;
    return Promise.all(
      checks.map((c) => {
        const key = keyOf(c);
        const hit = cache.get(key);
        if (hit && now - hit.at < TTL_MS) return hit.result;
        const result = this.review(clusterId, c);
        cache.set(key, { at: now, result });
        result.catch(() => cache.delete(key));
        return result;
      }),
    );
  }

  /** forget a cluster's answers (after its credentials changed) */
  forget(clusterId: string): void {
    this.cache.delete(clusterId);
  }

  private async review(clusterId: string, c: AccessCheck): Promise<AccessResult> {
    const resourceAttributes = { verb: c.verb, group: c.group, resource: c.resource, ...(c.subresource ? { subresource: c.subresource } : {}), ...(c.namespace ? { namespace: c.namespace } : {}), ...(c.name ? { name: c.name } : {}) };
    const body = { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes } };
    const review = await this.http.json(clusterId, { method: 'POST', path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', body });
    if (review.status?.allowed) return { allowed: true };
    const serverReason = review.status?.reason || review.status?.evaluationError;
    return { allowed: false, reason: serverReason ? `${describe(c)}: ${serverReason}` : describe(c) };
  }
}
