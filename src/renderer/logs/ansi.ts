// ANSI SGR colours in log lines (ESC[…m), turned into styled segments. Small on purpose: the npm
// parsers (anser, ansi-to-react) build DOM or HTML strings, and the view needs plain segments it can
// split again at search matches. Other escape sequences (cursor moves, OSC titles) are dropped.

export interface Style {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface Segment {
  text: string;
  style?: Style;
}

// xterm's default palette: normal then bright
const PALETTE = ['#000000', '#cd3131', '#0dbc79', '#e5e510', '#2472c8', '#bc3fbc', '#11a8cd', '#e5e5e5', '#666666', '#f14c4c', '#23d18b', '#f5f543', '#3b8eea', '#d670d6', '#29b8db', '#ffffff'];

// CSI … final byte, OSC … BEL/ST, or a lone two-byte escape
const ESCAPE = /\x1b(?:\[([0-9;:?]*)([@-~])|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])/g;

function color256(n: number): string | undefined {
  if (!Number.isInteger(n) || n < 0 || n > 255) return undefined;
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = (n - 232) * 10 + 8;
    return `rgb(${v},${v},${v})`;
  }
  const i = n - 16;
  const c = (x: number) => (x ? x * 40 + 55 : 0);
  return `rgb(${c(Math.floor(i / 36))},${c(Math.floor(i / 6) % 6)},${c(i % 6)})`;
}

/** reads an extended colour (38/48 ;5;n or ;2;r;g;b) starting at codes[i]; returns [colour, codes used] */
function extended(codes: number[], i: number): [string | undefined, number] {
  if (codes[i + 1] === 5) return [color256(codes[i + 2]), 3];
  if (codes[i + 1] === 2) {
    const [r, g, b] = codes.slice(i + 2, i + 5);
    return [[r, g, b].every((x) => Number.isInteger(x) && x >= 0 && x <= 255) ? `rgb(${r},${g},${b})` : undefined, 5];
  }
  return [undefined, 1];
}

const FLAGS: Record<number, [keyof Style, boolean]> = { 1: ['bold', true], 2: ['dim', true], 3: ['italic', true], 4: ['underline', true], 7: ['inverse', true], 22: ['bold', false], 23: ['italic', false], 24: ['underline', false], 27: ['inverse', false] };

export function applySgr(style: Style, params: string): Style {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((x) => (x === '' ? 0 : Number(x)));
  let s: Style = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c === 0) s = {};
    else if (c in FLAGS) {
      const [key, on] = FLAGS[c];
      (s as Record<string, unknown>)[key] = on || undefined;
      if (c === 22) s.dim = undefined;
    } else if ((c >= 30 && c <= 37) || (c >= 90 && c <= 97)) s.fg = PALETTE[c >= 90 ? c - 82 : c - 30];
    else if ((c >= 40 && c <= 47) || (c >= 100 && c <= 107)) s.bg = PALETTE[c >= 100 ? c - 92 : c - 40];
    else if (c === 39) s.fg = undefined;
    else if (c === 49) s.bg = undefined;
    else if (c === 38 || c === 48) {
      const [colour, used] = extended(codes, i);
      if (c === 38) s.fg = colour;
      else s.bg = colour;
      i += used - 1;
    }
  }
  return s;
}

const isPlain = (s: Style): boolean => Object.values(s).every((v) => v === undefined);

/** splits a line into segments of one style each; a line without escapes is one plain segment */
export function parseAnsi(line: string): Segment[] {
  if (!line.includes('\x1b')) return [{ text: line }];
  const out: Segment[] = [];
  let style: Style = {};
  let last = 0;
  const push = (text: string) => text && out.push(isPlain(style) ? { text } : { text, style });
  for (const m of line.matchAll(ESCAPE)) {
    push(line.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
  }
  push(line.slice(last));
  return out;
}

/** the text a person sees: what search and download-without-colours work on */
export function stripAnsi(line: string): string {
  return line.includes('\x1b') ? line.replace(ESCAPE, '') : line;
}
