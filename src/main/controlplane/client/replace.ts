// Reconciles the cache with a fresh list, as client-go's Replace does after a relist: new objects
// are adds, changed ones updates, and cached objects missing from the list are deletes, so a
// compaction in the middle of a watch loses nothing that handlers needed to see.
import type { Obj } from './api-client';
import type { HandlerSet } from './handlers';
import { type Indexer, keyOf } from './indexer';

export function replaceAll(indexer: Indexer, items: Obj[], handlers: HandlerSet, hadSynced: boolean): void {
  const seen = new Set<string>();
  for (const obj of items) {
    const key = keyOf(obj);
    seen.add(key);
    const old = indexer.get(key);
    if (old && old.metadata?.resourceVersion === obj.metadata?.resourceVersion) continue;
    indexer.set(obj);
    if (old) handlers.call('update', obj, old);
    else handlers.call('add', obj, undefined, !hadSynced);
  }
  if (indexer.size === seen.size) return;
  for (const key of [...indexer.keys()]) {
    if (seen.has(key)) continue;
    const old = indexer.remove(key)!;
    handlers.call('delete', old);
  }
}
