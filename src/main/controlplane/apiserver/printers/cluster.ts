// RBAC, Lease, PodDisruptionBudget and CustomResourceDefinition printers.
import { ageColumn, col, createdAtColumn, intOrString, nameColumn, type KindPrinter, type Obj } from './columns';
import { rfc3339, since } from './duration';

/** Role, ClusterRole and CRDs print only NAME and CREATED AT */
export const createdAtPrinter: KindPrinter = {
  columns: [nameColumn(), createdAtColumn()],
  cells: (o) => [o.metadata?.name ?? '', rfc3339(o.metadata?.creationTimestamp)],
};

function subjects(binding: Obj): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of binding.subjects ?? []) {
    if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
    else if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}:${s.name}`);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

export const bindingPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Role', 'string', 'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.'),
    ageColumn(),
    col('Users', 'string', 'Users in the roleBinding', 1),
    col('Groups', 'string', 'Groups in the roleBinding', 1),
    col('ServiceAccounts', 'string', 'ServiceAccounts in the roleBinding', 1),
  ],
  cells: (b, now) => [
    b.metadata?.name ?? '',
    `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`,
    since(b.metadata?.creationTimestamp, now),
    ...subjects(b),
  ],
};

export const leasePrinter: KindPrinter = {
  columns: [nameColumn(), col('Holder', 'string', 'HolderIdentity contains the identity of the holder of a current lease.'), ageColumn()],
  cells: (l, now) => [l.metadata?.name ?? '', l.spec?.holderIdentity ?? '', since(l.metadata?.creationTimestamp, now)],
};

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn(),
  ],
  cells: (pdb, now) => [
    pdb.metadata?.name ?? '',
    pdb.spec?.minAvailable === undefined ? 'N/A' : intOrString(pdb.spec.minAvailable),
    pdb.spec?.maxUnavailable === undefined ? 'N/A' : intOrString(pdb.spec.maxUnavailable),
    pdb.status?.disruptionsAllowed ?? 0,
    since(pdb.metadata?.creationTimestamp, now),
  ],
};
