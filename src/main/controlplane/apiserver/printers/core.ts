// Printers for the simple core kinds: Namespace, ConfigMap, Secret, ServiceAccount, LimitRange, ResourceQuota.
import { ageColumn, col, createdAtColumn, nameColumn, type KindPrinter, type Obj } from './columns';
import { rfc3339, since } from './duration';

const age = (o: Obj, now: Date): string => since(o.metadata?.creationTimestamp, now);
const count = (m: unknown): number => Object.keys(m ?? {}).length;

export const namespacePrinter: KindPrinter = {
  columns: [nameColumn(), col('Status', 'string', 'The status of the namespace'), ageColumn()],
  cells: (ns, now) => [ns.metadata?.name ?? '', ns.status?.phase ?? '', age(ns, now)],
};

export const configMapPrinter: KindPrinter = {
  columns: [nameColumn(), col('Data', 'string', 'Data contains the configuration data.'), ageColumn()],
  cells: (cm, now) => [cm.metadata?.name ?? '', count(cm.data) + count(cm.binaryData), age(cm, now)],
};

export const secretPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    col('Data', 'string', 'Data contains the secret data.'),
    ageColumn(),
  ],
  cells: (s, now) => [s.metadata?.name ?? '', s.type ?? '', count(s.data), age(s, now)],
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [nameColumn(), col('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), ageColumn()],
  cells: (sa, now) => [sa.metadata?.name ?? '', (sa.secrets ?? []).length, age(sa, now)],
};

export const limitRangePrinter: KindPrinter = {
  columns: [nameColumn(), createdAtColumn()],
  cells: (lr) => [lr.metadata?.name ?? '', rfc3339(lr.metadata?.creationTimestamp)],
};

/** "cpu: 100m/1, pods: 2/10" split into requests and limits.* columns, resources sorted by name */
function quotaColumns(rq: Obj): [string, string] {
  const hard: Record<string, string> = rq.status?.hard ?? {};
  const used: Record<string, string> = rq.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const piece = `${name}: ${used[name] ?? '0'}/${hard[name]}`;
    const parts = name.split('.');
    (parts.length > 1 && parts[0] === 'limits' ? limit : request).push(piece);
  }
  return [request.join(', '), limit.join(', ')];
}

export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    ageColumn(),
    col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  cells: (rq, now) => [rq.metadata?.name ?? '', age(rq, now), ...quotaColumns(rq)],
};
