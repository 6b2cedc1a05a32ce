// Label selectors in upstream syntax: a,!a,a=b,a==b,a!=b,a in (b,c),a notin (b,c),a>1,a<1 (comma = AND).
import { badRequest } from '../../../../shared/k8s/status';

export type Operator = 'exists' | '!exists' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';
export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}
export type LabelSelector = Requirement[];

type Token = { kind: 'id' | 'op' | '(' | ')' | ',' | 'end'; text: string };

const SPECIAL = /[\s!=,()<>]/;

const lex = (input: string): Token[] => {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ kind: c, text: c });
      i++;
    } else if (input.startsWith('==', i) || input.startsWith('!=', i)) {
      out.push({ kind: 'op', text: input.slice(i, i + 2) });
      i += 2;
    } else if (c === '=' || c === '!' || c === '<' || c === '>') {
      out.push({ kind: 'op', text: c });
      i++;
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.test(input[j])) j++;
      out.push({ kind: 'id', text: input.slice(i, j) });
      i = j;
    }
  }
  out.push({ kind: 'end', text: 'end of string' });
  return out;
};

const fail = (found: Token, expected: string): never => {
  throw badRequest(`unable to parse requirement: found '${found.text}', expected: ${expected}`);
};

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }
  private next(): Token {
    return this.tokens[this.pos++];
  }

  parse(): LabelSelector {
    const reqs: Requirement[] = [];
    if (this.peek().kind === 'end') return reqs;
    for (;;) {
      reqs.push(this.requirement());
      const t = this.next();
      if (t.kind === 'end') return reqs;
      if (t.kind !== ',') fail(t, "',' or 'end of string'");
    }
  }

  private requirement(): Requirement {
    let t = this.next();
    if (t.kind === 'op' && t.text === '!') {
      t = this.next();
      if (t.kind !== 'id') fail(t, 'identifier after \'!\'');
      return { key: checkKey(t.text), op: '!exists', values: [] };
    }
    if (t.kind !== 'id') fail(t, 'identifier');
    const key = checkKey(t.text);
    const op = this.peek();
    if (op.kind === 'end' || op.kind === ',') return { key, op: 'exists', values: [] };
    this.next();
    if (op.kind === 'id' && (op.text === 'in' || op.text === 'notin')) return { key, op: op.text, values: this.set() };
    if (op.kind !== 'op' || op.text === '!') fail(op, 'in, notin, =, ==, !=, gt, lt');
    const value = this.peek().kind === 'id' ? this.next().text : '';
    if (op.text === '<' || op.text === '>') {
      if (!/^-?\d+$/.test(value)) throw badRequest(`unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`);
      return { key, op: op.text === '>' ? 'gt' : 'lt', values: [value] };
    }
    return { key, op: op.text === '!=' ? '!=' : '=', values: [checkValue(value)] };
  }

  private set(): string[] {
    const open = this.next();
    if (open.kind !== '(') fail(open, "'('");
    const values: string[] = [];
    for (;;) {
      const t = this.next();
      if (t.kind === 'id') values.push(checkValue(t.text));
      else if (t.kind === ')' && values.length === 0) return [''];
      else fail(t, 'a value');
      const sep = this.next();
      if (sep.kind === ')') return values;
      if (sep.kind !== ',') fail(sep, "',' or ')'");
    }
  }
}

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const checkKey = (key: string): string => {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const ok = NAME.test(name) && name.length <= 63 && (prefix === undefined || (DNS_SUBDOMAIN.test(prefix) && prefix.length <= 253));
  if (!ok) {
    throw badRequest(
      `unable to parse requirement: key: Invalid value: "${key}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    );
  }
  return key;
};

const checkValue = (value: string): string => {
  if (value !== '' && (!NAME.test(value) || value.length > 63)) {
    throw badRequest(
      `unable to parse requirement: values[0][value]: Invalid value: "${value}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    );
  }
  return value;
};

export const parseLabelSelector = (text: string | null | undefined): LabelSelector => (text ? new Parser(lex(text)).parse() : []);

export const matchesLabels = (selector: LabelSelector, labels: Record<string, string> | undefined): boolean => {
  for (const r of selector) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
    const v = has ? labels![r.key] : undefined;
    switch (r.op) {
      case 'exists': if (!has) return false; break;
      case '!exists': if (has) return false; break;
      case '=': if (v !== r.values[0]) return false; break;
      case '!=': if (v === r.values[0]) return false; break;
      case 'in': if (!has || !r.values.includes(v!)) return false; break;
      case 'notin': if (has && r.values.includes(v!)) return false; break;
      case 'gt': if (!has || !(Number(v) > Number(r.values[0]))) return false; break;
      case 'lt': if (!has || !(Number(v) < Number(r.values[0]))) return false; break;
    }
  }
  return true;
};

/** upstream's string form of a metav1.LabelSelector (used by the scale subresource) */
export const formatLabelSelector = (sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string => {
  if (!sel) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.sort().join(',');
};
