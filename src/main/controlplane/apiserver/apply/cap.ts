// Upstream keeps at most 10 Update entries: the oldest are folded, per API version, into one
// "ancient-changes" entry so managedFields cannot grow without bound.
import { managerId, type Manager, type Managed } from './managed';

export const maxUpdateManagers = 10;
const bucketName = 'ancient-changes';

const seconds = (m: Manager): number => (m.time ? Math.floor(Date.parse(m.time) / 1000) || 0 : 0);

export const capUpdateManagers = (managed: Managed, max = maxUpdateManagers): void => {
  const updaters = [...managed].filter(([, m]) => m.operation === 'Update');
  if (updaters.length <= max) return;
  updaters.sort(([ia, a], [ib, b]) => seconds(a) - seconds(b) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let length = updaters.length;
  for (const [id, m] of updaters) {
    if (length <= max) break;
    const first = firstOfVersion.get(m.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(m.apiVersion, id);
      continue;
    }
    const bucket: Manager = { manager: bucketName, operation: 'Update', apiVersion: m.apiVersion, set: m.set, time: m.time };
    const bucketId = managerId(bucket);
    const existing = managed.get(bucketId) ?? managed.get(first);
    if (!managed.has(bucketId)) managed.delete(first);
    managed.set(bucketId, { ...bucket, set: m.set.union(existing?.set ?? m.set) });
    managed.delete(id);
    length--;
  }
};
