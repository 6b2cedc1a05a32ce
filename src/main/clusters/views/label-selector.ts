// kubectl's label selector syntax: "app=web,tier!=db,env in (a,b),track notin (x),canary,!legacy".
// Kept small and pure; the views match it against each row's labels.

export type Requirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | '!exists' };

export type LabelMatcher = (labels: Record<string, string> | undefined) => boolean;

const KEY = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;
const VALUE = /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?)?$/;

const checkKey = (key: string): string => {
  if (!KEY.test(key)) throw new Error(`invalid label key "${key}"`);
  return key;
};
const checkValue = (value: string): string => {
  if (!VALUE.test(value)) throw new Error(`invalid label value "${value}"`);
  return value;
};

/** splits on commas that are not inside parentheses */
const terms = (text: string): string[] => {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((t) => t.trim()).filter(Boolean);
};

const parseTerm = (term: string): Requirement => {
  const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) return { key: checkKey(set[1]), op: set[2] as 'in' | 'notin', values: set[3].split(',').map((v) => checkValue(v.trim())) };
  const cmp = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (cmp) return { key: checkKey(cmp[1]), op: cmp[2] === '!=' ? 'notin' : 'in', values: [checkValue(cmp[3])] };
  if (term.startsWith('!')) return { key: checkKey(term.slice(1).trim()), op: '!exists' };
  return { key: checkKey(term), op: 'exists' };
};

export const parseLabelSelector = (text: string): Requirement[] => terms(text).map(parseTerm);

const matches = (r: Requirement, labels: Record<string, string> | undefined): boolean => {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
  switch (r.op) {
    case 'exists':
      return has;
    case '!exists':
      return !has;
    case 'in':
      return has && r.values.includes(labels![r.key]);
    case 'notin':
      return !has || !r.values.includes(labels![r.key]);
  }
};

/** throws with a readable message when the selector does not parse */
export const labelMatcher = (text: string | undefined): LabelMatcher | undefined => {
  if (!text?.trim()) return undefined;
  const reqs = parseLabelSelector(text);
  return (labels) => reqs.every((r) => matches(r, labels));
};
