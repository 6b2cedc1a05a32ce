// schema.forKind: the kind's JSON schema from the server's /openapi/v3, with every $ref inlined
// (recursive schemas, e.g. JSONSchemaProps, are cut at the repeat) for the editor.
import type { KubeHttp } from '../cache/kube-http';
import { splitApiVersion } from '../objects/kinds';

type Schema = Record<string, any>;

const MAX_DEPTH = 30;

const inline = (schema: unknown, all: Record<string, Schema>, seen: string[]): unknown => {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, all, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name) || seen.length > MAX_DEPTH) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, description: all[name]?.description };
    const { $ref: _ref, ...rest } = s;
    return { ...(inline(all[name] ?? {}, all, [...seen, name]) as Schema), ...(inline(rest, all, seen) as Schema) };
  }
  // allOf: [{$ref}] is how the server wraps a single reference with a default or description
  if (Array.isArray(s.allOf) && s.allOf.length === 1) {
    const { allOf, ...rest } = s;
    return { ...(inline(allOf[0], all, seen) as Schema), ...(inline(rest, all, seen) as Schema) };
  }
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inline(v, all, seen)]));
};

export class SchemaService {
  private readonly cache = new Map<string, Promise<Schema | null>>();

  constructor(private readonly http: KubeHttp) {}

  forKind(clusterId: string, apiVersion: string, kind: string): Promise<Schema | null> {
    const key = `${clusterId}\u0000${apiVersion}\u0000${kind}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(clusterId, apiVersion, kind);
      this.cache.set(key, hit);
      // a CRD may appear later; failures and misses are not remembered
      hit.then((s) => s ?? this.cache.delete(key), () => this.cache.delete(key));
    }
    return hit;
  }

  private async load(clusterId: string, apiVersion: string, kind: string): Promise<Schema | null> {
    const { group, version } = splitApiVersion(apiVersion);
    const index = await this.http.json(clusterId, { path: '/openapi/v3' });
    const entry = index.paths?.[group ? `apis/${group}/${version}` : `api/${version}`];
    if (!entry?.serverRelativeURL) return null;
    const [path, query] = String(entry.serverRelativeURL).split('?');
    const doc = await this.http.json(clusterId, { path, query: Object.fromEntries(new URLSearchParams(query ?? '')) });
    const all: Record<string, Schema> = doc.components?.schemas ?? {};
    const name = Object.keys(all).find((n) => (all[n]['x-kubernetes-group-version-kind'] ?? []).some((g: any) => g.group === group && g.version === version && g.kind === kind));
    return name ? (inline(all[name], all, [name]) as Schema) : null;
  }
}
