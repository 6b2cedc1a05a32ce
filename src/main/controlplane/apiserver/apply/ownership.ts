// Moving ownership after a change: whoever did not make the change loses the fields it changed or
// removed. For an apply (not forced), losing a field to the applier is a conflict instead.
import type { Comparison } from './compare';
import { changed } from './compare';
import type { Conflict } from './conflict';
import type { Managed } from './managed';

/** Updates `managed` in place; returns the conflicts and leaves `managed` untouched if there are any and !force. */
export const settleOwnership = (managed: Managed, selfId: string | undefined, cmp: Comparison, force: boolean): Conflict[] => {
  const taken = changed(cmp);
  if (!force) {
    const conflicts: Conflict[] = [];
    for (const [id, m] of managed) {
      if (id === selfId) continue;
      for (const path of m.set.intersection(taken).paths()) conflicts.push({ manager: m, path });
    }
    if (conflicts.length > 0) return conflicts;
  }
  for (const [id, m] of managed) {
    if (id === selfId) continue;
    const rest = m.set.difference(taken).difference(cmp.removed);
    if (rest.empty()) managed.delete(id);
    else managed.set(id, { ...m, set: rest });
  }
  return [];
};
