// The YAML the deploy dialog shows and applies, and the workload to follow once it is applied.
import { parseAllDocuments, stringify } from 'yaml';
import type { DeployForm } from '../../shared/deploy/templates';
import { manifestObjects } from '../../shared/deploy/manifest';
import type { RolloutState } from '../../shared/bridge/methods-deploy';

const WORKLOADS = ['Deployment', 'StatefulSet', 'CronJob', 'DaemonSet'];

type Target = { kind: RolloutState['kind']; namespace: string; name: string };

/** the form's objects; a Namespace first when the form names one the cluster does not have yet */
export const yamlOf = (f: DeployForm, createNamespace = false): string =>
  [...(createNamespace ? [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: f.namespace } }] : []), ...manifestObjects(f)].map((o) => stringify(o)).join('---\n');

/** the workload to follow in the YAML as applied (the user may have edited it) */
export function workloadIn(text: string, fallbackNs: string): Target | undefined {
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length) continue;
    const o = doc.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
    if (o?.kind && WORKLOADS.includes(o.kind) && o.metadata?.name) return { kind: o.kind as Target['kind'], name: o.metadata.name, namespace: o.metadata.namespace ?? fallbackNs };
  }
  return undefined;
}

