// Test support: a RestStorage over a real in-memory Store, with pass-through schema, field manager and
// strategy (their own folders test the real ones) and a clock the test moves.
import { openStore } from '../../store/index';
import type { Store } from '../../store/types';
import type { FieldManager } from '../apply/types';
import type { KindStrategy } from '../defaults/types';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { ResourceRegistry } from '../resources/registry';
import type { ResourceInfo } from '../resources/types';
import type { SchemaService } from '../schema/types';
import type { RestStorageDeps } from './context';
import { RestStorage } from './rest-storage';
import type { RequestInfo, WatchEventOut, WatchSink } from './types';

const passThroughSchema: SchemaService = {
  rootOf: () => undefined,
  validate: () => ({ causes: [], warnings: [] }),
  openapiV2: () => ({}),
  openapiV3Index: () => ({}),
  openapiV3: () => undefined,
  registerCustomResource: () => {},
  unregisterCustomResource: () => {},
};

const merge = (live: any, applied: any): any => {
  if (live === null || typeof live !== 'object' || Array.isArray(live) || applied === null || typeof applied !== 'object' || Array.isArray(applied)) return applied;
  const out = { ...live };
  for (const [k, v] of Object.entries(applied)) out[k] = merge(live[k], v);
  return out;
};

const simpleFieldManager: FieldManager = {
  apply: ({ live, applied }) => (live ? merge(live, applied) : applied),
  update: ({ updated }) => updated,
};

const passThroughStrategy: KindStrategy = {
  applyDefaults: () => {},
  validate: () => [],
  prepareForCreate: () => {},
  prepareForUpdate: () => {},
};

export class TestClock {
  constructor(public ms = Date.parse('2026-01-01T00:00:00Z')) {}
  now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface Harness {
  storage: RestStorage;
  store: Store;
  resources: ResourceRegistry;
  clock: TestClock;
  req(plural: string, opts?: { ns?: string; name?: string; sub?: string; query?: Record<string, string>; group?: string; userAgent?: string }): RequestInfo;
  close(): void;
}

export function harness(overrides: Partial<RestStorageDeps> = {}): Harness {
  const store = openStore({ inMemory: true });
  const resources = new ResourceRegistry(BUILTIN_RESOURCES);
  const clock = new TestClock();
  let uid = 0;
  const storage = new RestStorage({
    store,
    resources,
    schema: passThroughSchema,
    fieldManager: simpleFieldManager,
    strategy: passThroughStrategy,
    clock,
    uid: () => `uid-${++uid}`,
    ...overrides,
  });
  const byPlural = (plural: string, group?: string): ResourceInfo => {
    const r = resources.all().find((x) => x.plural === plural && (group === undefined ? true : x.group === group));
    if (!r) throw new Error(`no resource ${plural}`);
    return r;
  };
  return {
    storage,
    store,
    resources,
    clock,
    req: (plural, o = {}) => ({
      verb: 'get',
      resource: byPlural(plural, o.group),
      namespace: o.ns,
      name: o.name,
      subresource: o.sub,
      query: new URLSearchParams(o.query ?? {}),
      user: 'admin',
      userAgent: o.userAgent ?? 'kubectl/v1.31.0 (linux/amd64) kubernetes/abc',
    }),
    close: () => {
      storage.close();
      store.close();
    },
  };
}

/** a sink that records events and closes when told */
export class RecordingSink implements WatchSink {
  readonly events: WatchEventOut[] = [];
  private close!: () => void;
  readonly closed = new Promise<void>((resolve) => (this.close = resolve));
  private waiters: (() => void)[] = [];

  send(event: WatchEventOut): void {
    this.events.push(event);
    for (const w of this.waiters.splice(0)) w();
  }
  end(): void {
    this.close();
  }
  /** resolves once at least n events arrived (fails after 2 s) */
  async waitFor(n: number): Promise<WatchEventOut[]> {
    const deadline = Date.now() + 2000;
    while (this.events.length < n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} events, got ${this.events.length}: ${JSON.stringify(this.events.map((e) => e.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return this.events;
  }
}

export const pod = (name: string, extra: Record<string, any> = {}): Record<string, any> => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...(extra.metadata ?? {}) },
  spec: { containers: [{ name: 'c', image: 'nginx' }], ...(extra.spec ?? {}) },
  ...(extra.status ? { status: extra.status } : {}),
});

export async function withNamespace(h: Harness, name = 'default'): Promise<void> {
  await h.storage.create(h.req('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}
