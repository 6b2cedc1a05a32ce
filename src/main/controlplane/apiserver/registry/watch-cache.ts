// One store watch per resource feeds every watcher of that resource. The cache keeps
//  - the decoded object of every live key (one JSON.parse per modRevision, shared by lists and watches)
//  - a ring of recent events, so a watch from a recent resourceVersion is served from memory.
import type { KeyValue, Store, WatchEvent, Watcher } from '../../store/types';
import { attachStoredText, decodeValue, deepFreeze, type Obj } from './json';

export interface CachedEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  key: string;
  revision: number;
  object: Obj;
  /** the object before this event (for selector transitions); decoded only when asked */
  prev(): Obj | undefined;
}

type Listener = (events: CachedEvent[]) => void;
interface Entry {
  rev: number;
  obj: Obj;
}

export class WatchCache {
  private readonly objects = new Map<string, Entry>();
  private ring: CachedEvent[] = [];
  private evicted = false;
  private readonly listeners = new Set<Listener>();
  private readonly startRevision: number;
  private readonly watcher: Watcher;
  /** newest revision this cache has seen for its prefix */
  revision: number;

  constructor(
    store: Store,
    readonly prefix: string,
    private readonly capacity: number,
  ) {
    const initial = store.range(prefix);
    for (const kv of initial.kvs) this.objects.set(kv.key, { rev: kv.modRevision, obj: freshDecode(kv) });
    this.startRevision = this.revision = initial.revision;
    this.watcher = store.watch(prefix, initial.revision, (events) => this.onEvents(events));
  }

  /** the shared, frozen object of a kv; cached when it is the key's newest version */
  decode(kv: KeyValue): Obj {
    const entry = this.objects.get(kv.key);
    if (entry?.rev === kv.modRevision) return entry.obj;
    const obj = freshDecode(kv);
    if (entry ? entry.rev < kv.modRevision : kv.modRevision > this.revision) this.objects.set(kv.key, { rev: kv.modRevision, obj });
    return obj;
  }

  /** primes the cache with an object just written, so its event and the next list need no decode */
  remember(kv: KeyValue, obj: Obj, storedText?: string): Obj {
    const frozen = deepFreeze(obj);
    if (storedText !== undefined) attachStoredText(frozen, storedText);
    const entry = this.objects.get(kv.key);
    if (!entry || entry.rev < kv.modRevision) this.objects.set(kv.key, { rev: kv.modRevision, obj: frozen });
    return frozen;
  }

  /** events with revision > `after`, or undefined when the ring no longer reaches back that far */
  since(after: number): CachedEvent[] | undefined {
    const oldest = this.evicted ? (this.ring[0]?.revision ?? this.revision + 1) - 1 : this.startRevision;
    if (after < oldest) return undefined;
    let lo = 0;
    let hi = this.ring.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ring[mid].revision <= after) lo = mid + 1;
      else hi = mid;
    }
    return this.ring.slice(lo);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** converts store events without touching the cache: for watches older than the ring */
  convert(ev: WatchEvent): CachedEvent {
    return toCachedEvent(ev, undefined);
  }

  close(): void {
    this.watcher.cancel();
    this.listeners.clear();
  }

  private onEvents(events: WatchEvent[]): void {
    const out: CachedEvent[] = [];
    for (const ev of events) {
      const entry = this.objects.get(ev.kv.key);
      const cached = toCachedEvent(ev, entry);
      if (ev.type === 'DELETE') this.objects.delete(ev.kv.key);
      else if (!entry || entry.rev < ev.kv.modRevision) this.objects.set(ev.kv.key, { rev: ev.kv.modRevision, obj: cached.object });
      out.push(cached);
      this.revision = Math.max(this.revision, ev.kv.modRevision);
    }
    this.append(out);
    for (const l of [...this.listeners]) {
      try {
        l(out);
      } catch {
        // one client's broken sink must not stop the feed for the others
      }
    }
  }

  private append(events: CachedEvent[]): void {
    for (const e of events) this.ring.push(e);
    if (this.ring.length > this.capacity) {
      // drop a slice at a time so trimming stays amortised O(1) per event
      this.ring = this.ring.slice(this.ring.length - Math.floor(this.capacity * 0.9));
      this.evicted = true;
    }
  }
}

const freshDecode = (kv: KeyValue): Obj => {
  const obj = deepFreeze(decodeValue(kv.value, kv.modRevision));
  attachStoredText(obj, kv.value);
  return obj;
};

const toCachedEvent = (ev: WatchEvent, entry: Entry | undefined): CachedEvent => {
  const { kv, prevKv } = ev;
  let prevObj: Obj | undefined;
  const prev = (): Obj | undefined => {
    if (prevObj) return prevObj;
    if (entry && (prevKv ? entry.rev === prevKv.modRevision : ev.type === 'DELETE')) prevObj = entry.obj;
    else if (prevKv?.value) prevObj = freshDecode(prevKv);
    return prevObj;
  };
  if (ev.type === 'DELETE') {
    const last = prev() ?? {};
    const object = deepFreeze({ ...last, metadata: { ...(last.metadata ?? {}), resourceVersion: String(kv.modRevision) } });
    return { type: 'DELETED', key: kv.key, revision: kv.modRevision, object, prev };
  }
  const object = entry?.rev === kv.modRevision ? entry.obj : freshDecode(kv);
  const type = kv.version === 1 || kv.createRevision === kv.modRevision ? 'ADDED' : 'MODIFIED';
  return { type, key: kv.key, revision: kv.modRevision, object, prev };
};
