// Search over a LineStore: every match (line, start) of a plain, case-insensitive query in the
// text a person sees (ANSI stripped). New lines are searched as they arrive, so the count stays
// right while following; a million lines take one pass at the first keystroke.
import { stripAnsi } from './ansi';
import type { LineStore } from './line-store';

export interface Matches {
  query: string;
  /** absolute line index of each match, ascending */
  lines: number[];
  /** start offset of each match in the stripped text */
  starts: number[];
  /** lines searched up to (absolute, exclusive) */
  searchedTo: number;
}

export const emptyMatches = (query = ''): Matches => ({ query, lines: [], starts: [], searchedTo: 0 });

/** searches lines [m.searchedTo, store.end) and appends their matches (mutates and returns m) */
export function extendMatches(m: Matches, store: LineStore): Matches {
  const q = m.query.toLowerCase();
  const from = Math.max(m.searchedTo, store.first);
  if (q) {
    for (let abs = from; abs < store.end; abs++) {
      const text = stripAnsi(store.text(abs)).toLowerCase();
      for (let at = text.indexOf(q); at >= 0; at = text.indexOf(q, at + q.length)) {
        m.lines.push(abs);
        m.starts.push(at);
      }
    }
  }
  m.searchedTo = store.end;
  return m;
}

/** index of the first match on or after line `abs` (matches.lines.length when none) */
export function firstMatchFrom(m: Matches, abs: number): number {
  let lo = 0;
  let hi = m.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (m.lines[mid] < abs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** the match starts on one line, for highlighting */
export function matchesOnLine(m: Matches, abs: number): { index: number; start: number }[] {
  const out: { index: number; start: number }[] = [];
  for (let i = firstMatchFrom(m, abs); i < m.lines.length && m.lines[i] === abs; i++) out.push({ index: i, start: m.starts[i] });
  return out;
}

export interface Piece<S> {
  text: string;
  style?: S;
  /** -1 outside a match, else the match's index */
  match: number;
}

/** cuts styled segments further at match boundaries so each piece is one style and one match state */
export function splitAtMatches<S>(segments: { text: string; style?: S }[], hits: { index: number; start: number }[], length: number): Piece<S>[] {
  if (!hits.length || !length) return segments.map((s) => ({ ...s, match: -1 }));
  const out: Piece<S>[] = [];
  let pos = 0;
  for (const seg of segments) {
    let i = 0;
    while (i < seg.text.length) {
      const at = pos + i;
      const hit = hits.find((h) => at >= h.start && at < h.start + length);
      const next = hit ? hit.start + length : Math.min(...hits.map((h) => h.start).filter((s) => s > at), Infinity);
      const cut = Math.min(seg.text.length, next - pos);
      out.push({ text: seg.text.slice(i, cut), style: seg.style, match: hit ? hit.index : -1 });
      i = cut;
    }
    pos += seg.text.length;
  }
  return out;
}
