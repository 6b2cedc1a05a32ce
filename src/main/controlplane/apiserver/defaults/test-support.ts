// Resource lookup for this folder's tests.
import { BUILTIN_RESOURCES } from '../resources/builtins';
import type { ResourceInfo } from '../resources/types';

export function resourceOf(group: string, kind: string): ResourceInfo {
  const r = BUILTIN_RESOURCES.find((x) => x.group === group && x.kind === kind);
  if (!r) throw new Error(`no built-in ${group}/${kind}`);
  return r;
}
