import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand, mappingFor } from './expand';

test('$(VAR) expands like upstream: known names replaced, unknown kept, $$ escapes, unclosed kept', () => {
  const m = mappingFor({ A: 'x', B: 'y' }, { B: 'shadowed', C: 'z' });
  const cases: [string, string][] = [
    ['$(A)-$(B)-$(C)', 'x-y-z'],
    ['$(MISSING)', '$(MISSING)'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$x'],
    ['a$b', 'a$b'],
    ['$(A', '$(A'],
    ['$(A $(B)', '$(A $(B)'],
    ['$()', '$()'],
    ['trailing $', 'trailing $'],
    ['', ''],
  ];
  for (const [input, want] of cases) assert.equal(expand(input, m), want, input);
});
