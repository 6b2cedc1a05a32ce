// The garbage collector (upstream pkg/controller/garbagecollector): watches every resource that can be
// listed, watched and deleted (custom ones too, as CRDs come and go), keeps the owner graph, and
// deletes dependents whose owners are gone, or releases/deletes them for orphan and foreground deletion.
import type { ControllerContext, Controller } from './types';
import type { Obj, WorkQueue } from '../client';
import { Attempt, FOREGROUND, ORPHAN } from './garbage-collector-attempt';
import { OwnerGraph, hasFinalizer, isDeleting, ownersOf } from './garbage-collector-graph';

/** upstream's DefaultIgnoredResources: events are never owners worth tracking */
const IGNORED = new Set(['/events', 'events.k8s.io/events']);

interface Watchable {
  apiVersion: string;
  kind: string;
  id: string;
}

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';
  readonly component = 'garbage-collector-controller';
  readonly workers = 10;
  private readonly graph = new OwnerGraph();
  private readonly watched = new Set<string>();
  private attempt!: Attempt;
  private ctx!: ControllerContext;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    this.attempt = new Attempt(ctx.client, this.graph);
    this.discover();
    ctx.client.resources.onDidChange(() => this.discover());
  }

  async reconcile(uid: string): Promise<void> {
    const node = this.graph.get(uid);
    if (node) await this.attempt.process(node);
  }

  /** one informer per group+resource, at the first version served */
  private discover(): void {
    for (const r of this.watchable()) {
      if (this.watched.has(r.id)) continue;
      this.watched.add(r.id);
      const informer = this.ctx.informers.informerFor(r.apiVersion, r.kind);
      informer.addEventHandler(handlersFor(this.graph, this.ctx.queue));
    }
  }

  private watchable(): Watchable[] {
    const out: Watchable[] = [];
    for (const r of this.ctx.client.resources.all()) {
      const id = `${r.group}/${r.plural}`;
      if (IGNORED.has(id) || out.some((w) => w.id === id)) continue;
      if (!['list', 'watch', 'delete'].every((v) => r.verbs.includes(v))) continue;
      out.push({ id, kind: r.kind, apiVersion: r.group ? `${r.group}/${r.version}` : r.version });
    }
    return out;
  }
}

const interesting = (obj: Obj): boolean => ownersOf(obj).length > 0 || (isDeleting(obj) && (hasFinalizer(obj, ORPHAN) || hasFinalizer(obj, FOREGROUND)));

function handlersFor(graph: OwnerGraph, queue: WorkQueue) {
  const enqueue = (uid: string) => queue.add(uid);
  return {
    onAdd: (obj: Obj) => {
      graph.upsert(obj);
      if (interesting(obj)) enqueue(obj.metadata.uid);
    },
    onUpdate: (_old: Obj, obj: Obj) => {
      const released = graph.upsert(obj);
      if (interesting(obj)) enqueue(obj.metadata.uid);
      // an owner waiting in the foreground looks again once a dependent lets go of it
      for (const uid of released) enqueue(uid);
      if (isDeleting(obj)) for (const o of ownersOf(obj)) enqueue(o.uid);
    },
    onDelete: (obj: Obj) => {
      const dependents = graph.dependentsOf(obj.metadata.uid);
      graph.remove(obj);
      for (const d of dependents) enqueue(d.uid);
      for (const o of ownersOf(obj)) enqueue(o.uid);
    },
  };
}

export const garbageCollector = (): Controller => new GarbageCollector();
