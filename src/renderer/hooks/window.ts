// Which rows to ask the engine for. The renderer holds only a window of rows around what is on
// screen; it asks for a new window only when the visible range leaves the one it holds.

export interface RowWindow {
  offset: number;
  limit: number;
}

/** rows fetched beyond each edge of the visible range, so small scrolls need no round trip */
export const OVERSCAN = 40;

/**
 * The window to request for the visible rows [start, end), or null when `held` (offset + count of
 * rows held) already covers them.
 */
export function nextWindow(held: { offset: number; count: number }, start: number, end: number, total: number): RowWindow | null {
  const heldEnd = held.offset + held.count;
  const wantEnd = Math.min(end, total);
  if (start >= held.offset && (wantEnd <= heldEnd || heldEnd >= total)) return null;
  const offset = Math.max(0, start - OVERSCAN);
  return { offset, limit: end - start + 2 * OVERSCAN };
}
