// Discovery for servers without the aggregated form: /api, /apis, then one list per preferred
// group/version, as kubectl did before 1.27.
import type { KubeConfig } from '@kubernetes/client-node';
import { kubeGet } from '../connections/kube-request';
import type { DiscoveredResource } from './discovered';

interface APIResourceList {
  resources?: { name: string; kind: string; namespaced: boolean; verbs?: string[]; shortNames?: string[] }[];
}

export async function legacyDiscovery(kc: KubeConfig): Promise<DiscoveredResource[]> {
  const core = (await getJson(kc, '/api')) as { versions?: string[] };
  const groups = (await getJson(kc, '/apis')) as { groups?: { name: string; preferredVersion?: { version: string }; versions?: { version: string }[] }[] };
  const targets: { group: string; version: string; path: string }[] = [];
  const coreVersion = core.versions?.[0];
  if (coreVersion) targets.push({ group: '', version: coreVersion, path: `/api/${coreVersion}` });
  for (const g of groups.groups ?? []) {
    const version = g.preferredVersion?.version ?? g.versions?.[0]?.version;
    if (version) targets.push({ group: g.name, version, path: `/apis/${g.name}/${version}` });
  }
  const lists = await Promise.all(targets.map(async (t) => ({ ...t, list: (await getJson(kc, t.path).catch(() => ({}))) as APIResourceList })));
  return lists.flatMap(({ group, version, list }) =>
    (list.resources ?? [])
      .filter((r) => !r.name.includes('/'))
      .map((r) => ({ group, version, kind: r.kind, plural: r.name, namespaced: r.namespaced, verbs: r.verbs ?? [], ...(r.shortNames?.length ? { shortNames: r.shortNames } : {}) })),
  );
}

async function getJson(kc: KubeConfig, path: string): Promise<unknown> {
  const res = await kubeGet(kc, path);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}`);
  return JSON.parse(res.body) as unknown;
}
