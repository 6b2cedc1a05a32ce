// Picks a backend per connection: round robin over the current backends, or, with
// sessionAffinity ClientIP, the backend a client used last if it is still there and the client came
// back within timeoutSeconds (kube-proxy's userspace LoadBalancerRR). Backends can be replaced at
// any time; connections already open are not this object's concern.
import type { Clock } from '../client';
import { type Backend, backendKey } from './endpoints';

/** upstream's default ClientIP affinity timeout: 3 hours */
export const DEFAULT_AFFINITY_SECONDS = 10800;

export interface Affinity {
  /** 0 = no affinity */
  timeoutSeconds: number;
}

interface Sticky {
  key: string;
  lastUsedMs: number;
}

export class Balancer {
  private backends: Backend[] = [];
  private next = 0;
  private affinity: Affinity = { timeoutSeconds: 0 };
  private readonly sticky = new Map<string, Sticky>();

  constructor(private readonly clock: Clock) {}

  update(backends: Backend[], affinity: Affinity): void {
    const current = new Set(backends.map(backendKey));
    const same = backends.length === this.backends.length && this.backends.every((b) => current.has(backendKey(b)));
    this.backends = backends;
    if (!same) this.next = this.backends.length ? this.next % this.backends.length : 0;
    if (affinity.timeoutSeconds !== this.affinity.timeoutSeconds) this.sticky.clear();
    this.affinity = affinity;
    for (const [client, s] of this.sticky) if (!current.has(s.key)) this.sticky.delete(client);
  }

  size(): number {
    return this.backends.length;
  }

  /**
   * The order to try backends in for a new connection from `clientIp`: the chosen one first, then the
   * rest, so a refused dial can move on. Empty when there is no backend.
   */
  order(clientIp: string): Backend[] {
    const n = this.backends.length;
    if (n === 0) return [];
    const start = this.stickyIndex(clientIp) ?? this.next++ % n;
    if (this.next >= n) this.next = 0;
    return Array.from({ length: n }, (_, i) => this.backends[(start + i) % n]);
  }

  /** a dial to `backend` succeeded: affinity now points there */
  used(clientIp: string, backend: Backend): void {
    if (this.affinity.timeoutSeconds > 0) this.sticky.set(clientIp, { key: backendKey(backend), lastUsedMs: this.clock.now() });
  }

  private stickyIndex(clientIp: string): number | undefined {
    if (this.affinity.timeoutSeconds <= 0) return undefined;
    const s = this.sticky.get(clientIp);
    if (!s) return undefined;
    if (this.clock.now() - s.lastUsedMs > this.affinity.timeoutSeconds * 1000) {
      this.sticky.delete(clientIp);
      return undefined;
    }
    const i = this.backends.findIndex((b) => backendKey(b) === s.key);
    return i >= 0 ? i : undefined;
  }
}

export const affinityOf = (spec: Record<string, any>): Affinity =>
  spec?.sessionAffinity === 'ClientIP' ? { timeoutSeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS } : { timeoutSeconds: 0 };
