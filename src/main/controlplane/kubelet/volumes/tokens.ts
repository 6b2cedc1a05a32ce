// Service-account tokens for projected volumes, asked of the TokenRequest API (serviceaccounts/token)
// bound to the pod, as kubelet's token manager does. A token is reused until 80 % of its lifetime
// (or 24 h) has passed, then asked for again on the next refresh.
import type { ApiClient, Clock, Obj } from '../../client';
import { SourceError } from './errors';

const DEFAULT_EXPIRATION_SECONDS = 3600;
const MAX_AGE_MS = 24 * 3600 * 1000;

interface Cached {
  token: string;
  renewAtMs: number;
}

export class PodTokens {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly client: ApiClient,
    private readonly clock: Clock,
  ) {}

  async get(pod: Obj, source: Obj): Promise<string> {
    const account: string = pod.spec?.serviceAccountName || 'default';
    const expirationSeconds: number = source.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS;
    const key = `${pod.metadata.uid}/${account}/${source.audience ?? ''}/${expirationSeconds}`;
    const hit = this.cache.get(key);
    const now = this.clock.now();
    if (hit && now < hit.renewAtMs) return hit.token;
    const answer = await this.request(pod, account, source, expirationSeconds);
    const lifetimeMs = Date.parse(answer.status.expirationTimestamp) - now;
    this.cache.set(key, { token: answer.status.token, renewAtMs: now + Math.min(MAX_AGE_MS, Math.max(0, lifetimeMs) * 0.8) });
    return answer.status.token;
  }

  /** forgets a pod's tokens (the pod left the node) */
  drop(podUid: string): void {
    for (const key of this.cache.keys()) if (key.startsWith(`${podUid}/`)) this.cache.delete(key);
  }

  private async request(pod: Obj, account: string, source: Obj, expirationSeconds: number): Promise<Obj> {
    const spec = {
      audiences: source.audience ? [source.audience] : [],
      expirationSeconds,
      boundObjectRef: { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid },
    };
    try {
      // The in-process client names the target from the body's kind, so the TokenRequest's spec
      // travels in a body addressed to the ServiceAccount's token subresource.
      return await this.client.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: account, namespace: pod.metadata.namespace }, spec }, { subresource: 'token' });
    } catch (err) {
      throw new SourceError(`failed to fetch token: ${(err as Error).message}`);
    }
  }
}
