// $(VAR) expansion of env values, command and args, with upstream's rules
// (k8s.io/kubernetes/third_party/forked/golang/expansion): "$$" is an escaped "$", "$(NAME)" is
// replaced when NAME is known and kept verbatim when not, and an unclosed "$(" stays as written.

export type Mapping = (name: string) => string | undefined;

/** a mapping that looks in each context in turn, like expansion.MappingFuncFor */
export const mappingFor =
  (...contexts: Record<string, string>[]): Mapping =>
  (name) => {
    for (const c of contexts) if (Object.prototype.hasOwnProperty.call(c, name)) return c[name];
    return undefined;
  };

export function expand(input: string, mapping: Mapping): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch !== '$' || i + 1 >= input.length) {
      out += ch;
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === '$') {
      out += '$';
      i += 2;
    } else if (next === '(') {
      const close = input.indexOf(')', i + 2);
      if (close < 0) {
        // An unclosed "$(" is kept, and scanning goes on after it (a later "$(X)" still expands).
        out += '$(';
        i += 2;
        continue;
      }
      const name = input.slice(i + 2, close);
      const value = name === '' ? undefined : mapping(name);
      out += value ?? `$(${name})`;
      i = close + 1;
    } else {
      out += ch + next;
      i += 2;
    }
  }
  return out;
}
