// One client's view of a resource's events: its namespace and selectors applied, in revision order,
// each event sent at most once. Objects are the cache's shared ones: filtering costs no decode.
import type { ResourceInfo } from '../resources/types';
import { apiVersionOf } from '../resources/types';
import type { Selection } from './selection';
import type { CachedEvent } from './watch-cache';
import type { WatchEventOut, WatchSink } from './types';

export class WatchStream {
  constructor(
    private readonly sink: WatchSink,
    private readonly resource: ResourceInfo,
    private readonly prefix: string,
    private readonly selection: Selection,
    /** the newest revision already delivered (or covered by the initial events) */
    public seen: number,
  ) {}

  deliver(events: CachedEvent[]): void {
    for (const e of events) {
      if (e.revision <= this.seen) continue;
      this.seen = e.revision;
      if (!e.key.startsWith(this.prefix)) continue;
      const out = this.transform(e);
      if (out) this.sink.send(out);
    }
  }

  send(event: WatchEventOut): void {
    this.sink.send(event);
  }

  bookmark(revision: number, initialEventsEnd = false): void {
    const metadata: Record<string, any> = { resourceVersion: String(revision) };
    if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
    this.sink.send({ type: 'BOOKMARK', object: { kind: this.resource.kind, apiVersion: apiVersionOf(this.resource), metadata } });
  }

  /** objects moving out of the selector are DELETED and moving in are ADDED, as upstream's cacher does */
  private transform(e: CachedEvent): WatchEventOut | undefined {
    const { selection } = this;
    if (!selection.narrowed) return { type: e.type, object: e.object };
    if (e.type === 'DELETED') return selection.matches(e.object) ? { type: 'DELETED', object: e.object } : undefined;
    const now = selection.matches(e.object);
    if (e.type === 'ADDED') return now ? { type: 'ADDED', object: e.object } : undefined;
    const prev = e.prev();
    const was = prev !== undefined && selection.matches(prev);
    if (now) return { type: was ? 'MODIFIED' : 'ADDED', object: e.object };
    return was ? { type: 'DELETED', object: e.object } : undefined;
  }
}
