// The 409 an apply gets when it would change fields another manager owns, worded as upstream words it
// so kubectl prints the familiar "Apply failed with N conflicts" and its --force-conflicts hint.
import { StatusError, type StatusCause } from '../../../../shared/k8s/status';
import type { Path } from './fieldset';
import type { Manager } from './managed';
import { pathToString } from './pathelement';

export interface Conflict {
  manager: Manager;
  path: Path;
}

/** `"kubectl" with subresource "status" using apps/v1` — Update managers name their version. */
export const describeManager = (m: Manager): string => {
  let s = JSON.stringify(m.manager);
  if (m.subresource) s += ` with subresource ${JSON.stringify(m.subresource)}`;
  return m.operation === 'Update' ? `${s} using ${m.apiVersion}` : s;
};

export const conflictError = (conflicts: Conflict[]): StatusError => {
  const causes: StatusCause[] = conflicts.map((c) => ({
    reason: 'FieldManagerConflict',
    message: `conflict with ${describeManager(c.manager)}`,
    field: pathToString(c.path),
  }));
  return new StatusError(409, 'Conflict', conflictMessage(conflicts), { causes });
};

const conflictMessage = (conflicts: Conflict[]): string => {
  if (conflicts.length === 1) {
    const [c] = conflicts;
    return `Apply failed with 1 conflict: conflict with ${describeManager(c.manager)}: ${pathToString(c.path)}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const name = describeManager(c.manager);
    byManager.set(name, [...(byManager.get(name) ?? []), pathToString(c.path)]);
  }
  const lines: string[] = [];
  for (const name of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${name}:`);
    for (const p of byManager.get(name)!) lines.push(`- ${p}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
};
