// The set of event handlers on one informer. A handler that throws is logged and skipped, so one
// broken consumer cannot stop the others or the informer.
import type { Obj } from './api-client';
import type { Logger } from './logger';

export interface EventHandlers {
  /** isInInitialList: the object came from the first list, not from a later change */
  onAdd?(obj: Obj, isInInitialList: boolean): void;
  onUpdate?(oldObj: Obj, newObj: Obj): void;
  /** obj is the last state known: the DELETED event's object, or the cached one when a relist found it gone */
  onDelete?(obj: Obj): void;
}

export type HandlerKind = 'add' | 'update' | 'delete';

export class HandlerSet {
  private readonly set = new Set<EventHandlers>();

  constructor(
    private readonly logger: Logger,
    private readonly label: string,
  ) {}

  add(handlers: EventHandlers): () => void {
    this.set.add(handlers);
    return () => this.set.delete(handlers);
  }

  call(kind: HandlerKind, obj: Obj, old?: Obj, initial = false): void {
    for (const h of this.set) this.callOne(h, kind, obj, old, initial);
  }

  callOne(h: EventHandlers, kind: HandlerKind, obj: Obj, old?: Obj, initial = false): void {
    try {
      if (kind === 'add') h.onAdd?.(obj, initial);
      else if (kind === 'update') h.onUpdate?.(old!, obj);
      else h.onDelete?.(obj);
    } catch (err) {
      this.logger.warn(`${this.label}: ${kind} handler failed`, err);
    }
  }
}
