// What the events view shows of the stream: filtered rows and their ages.
import type { EventRow } from '../../shared/bridge/methods-deploy';

export const ago = (iso: string, now: number): string => {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (!iso || Number.isNaN(s)) return '';
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m` : s < 86400 ? `${Math.floor(s / 3600)}h` : `${Math.floor(s / 86400)}d`;
};

/** rows that pass the filters; text matches reason, message and object, case-insensitive */
export function filterEvents(rows: EventRow[], f: { type: string; namespace: string; text: string }): EventRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter(
    (e) =>
      (!f.type || e.type === f.type) &&
      (!f.namespace || e.namespace === f.namespace) &&
      (!q || `${e.reason} ${e.message} ${e.involved.kind}/${e.involved.name}`.toLowerCase().includes(q)),
  );
}
