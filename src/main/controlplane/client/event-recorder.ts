// Records core/v1 Events about objects, as client-go's recorder does for kube-scheduler, controllers
// and kubelets. The same event (same object, type, reason and message) seen again within ten minutes
// bumps count and lastTimestamp on the existing Event instead of creating another. Recording is
// fire-and-forget: a failed write is logged, never thrown into the component that reported it.
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, Obj } from './api-client';
import { type Clock, realClock, timestamp } from './clock';
import { consoleLogger, type Logger } from './logger';

export type EventType = 'Normal' | 'Warning';

export interface EventRecorderOptions {
  client: ApiClient;
  /** source.component, e.g. default-scheduler, deployment-controller, kubelet */
  component: string;
  /** source.host: the node, for kubelets */
  host?: string;
  clock?: Clock;
  logger?: Logger;
}

const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;
const CACHE_ENTRIES = 4096;
/** client-go's spam filter: per object, a burst of 25 events, then one per 5 minutes */
const SPAM_BURST = 25;
const SPAM_REFILL_MS = 5 * 60 * 1000;
const MAX_MESSAGE = 1024;

interface Seen {
  name: string;
  namespace: string;
  count: number;
  lastSeenMs: number;
}

export class EventRecorder {
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** most recently seen last (Map keeps insertion order), so the oldest is evicted first */
  private readonly seen = new Map<string, Seen>();
  /** writes for one aggregation key run in order, so a repeat patches the Event its first sighting created */
  private readonly chains = new Map<string, Promise<void>>();
  private sequence = 0n;
  private readonly budgets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: EventRecorderOptions) {
    this.clock = options.clock ?? realClock;
    this.logger = options.logger ?? consoleLogger;
  }

  event(obj: Obj, type: EventType, reason: string, message: string): void {
    try {
      const ref = referenceOf(obj);
      const text = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 3)}...` : message;
      const key = JSON.stringify([ref.apiVersion, ref.kind, ref.namespace, ref.name, ref.uid, type, reason, text]);
      if (!this.allow(JSON.stringify([ref.kind, ref.namespace, ref.name, ref.uid]))) return;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const next = previous.then(() => this.write(key, ref, type, reason, text)).catch((err) => this.logger.warn(`event ${reason} on ${ref.kind} ${ref.name} not recorded`, err));
      this.chains.set(key, next);
      void next.then(() => {
        if (this.chains.get(key) === next) this.chains.delete(key);
      });
    } catch (err) {
      this.logger.warn(`event ${reason} not recorded`, err);
    }
  }

  /** resolves when every event reported so far is written (tests, shutdown) */
  async flush(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private async write(key: string, ref: Obj, type: EventType, reason: string, message: string): Promise<void> {
    const now = this.clock.now();
    const seen = this.seen.get(key);
    if (seen && now - seen.lastSeenMs <= AGGREGATE_WINDOW_MS) {
      try {
        await this.options.client.patch('v1', 'Event', seen.namespace, seen.name, 'merge', { count: seen.count + 1, lastTimestamp: timestamp(now) });
        this.remember(key, { ...seen, count: seen.count + 1, lastSeenMs: now });
        return;
      } catch (err) {
        // Someone deleted the Event (or it expired): start a new one.
        if (!(err instanceof StatusError && err.code === 404)) throw err;
      }
    }
    const created = await this.options.client.create(this.newEvent(ref, type, reason, message, now));
    this.remember(key, { name: created.metadata.name, namespace: created.metadata.namespace, count: 1, lastSeenMs: now });
  }

  private newEvent(ref: Obj, type: EventType, reason: string, message: string, now: number): Obj {
    const { component, host } = this.options;
    const at = timestamp(now);
    // client-go names an Event <object>.<UnixNano in hex>; the sequence keeps names unique within one ms.
    const nanos = BigInt(now) * 1_000_000n + (this.sequence++ % 1_000_000n);
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: `${ref.name}.${nanos.toString(16)}`, namespace: ref.namespace || 'default' },
      involvedObject: ref,
      reason,
      message,
      type,
      source: { component, ...(host ? { host } : {}) },
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
      reportingComponent: component,
      reportingInstance: host ?? '',
    };
  }

  /** a crash-looping object must not flood the API with Events: drop what exceeds its budget */
  private allow(objectKey: string): boolean {
    const now = this.clock.now();
    const b = this.budgets.get(objectKey) ?? { tokens: SPAM_BURST, at: now };
    b.tokens = Math.min(SPAM_BURST, b.tokens + (now - b.at) / SPAM_REFILL_MS);
    b.at = now;
    this.budgets.delete(objectKey);
    this.budgets.set(objectKey, b);
    if (this.budgets.size > CACHE_ENTRIES) this.budgets.delete(this.budgets.keys().next().value!);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private remember(key: string, entry: Seen): void {
    this.seen.delete(key);
    this.seen.set(key, entry);
    if (this.seen.size > CACHE_ENTRIES) this.seen.delete(this.seen.keys().next().value!);
  }
}

/** an ObjectReference to obj, as Events carry it */
export const referenceOf = (obj: Obj): Obj => {
  const m = obj.metadata ?? {};
  return {
    kind: obj.kind,
    apiVersion: obj.apiVersion,
    name: m.name,
    ...(m.namespace ? { namespace: m.namespace } : {}),
    ...(m.uid ? { uid: m.uid } : {}),
    ...(m.resourceVersion ? { resourceVersion: m.resourceVersion } : {}),
  };
};
