// Builds /openapi/v2 and the /openapi/v3 documents from the served resources. Built lazily, cached
// until the set of served resources or custom schemas changes.
import { createHash } from 'node:crypto';
import type { ResourceInfo } from '../resources/types';
import { refName, type DefinitionStore, type JsonSchema } from './definitions';
import { gvPrefix, resourcePaths, type PathItem } from './openapi-paths';
import { pathsToV3, schemaToV3 } from './openapi-v3';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const ALWAYS = [`${META}Status`, `${META}DeleteOptions`, `${META}Patch`, `${META}WatchEvent`, `${META}APIResourceList`];
const EXTRA_DEFS: Record<string, JsonSchema> = {
  [`${META}Patch`]: { description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.', type: 'object' },
};

// In OpenAPI v3 upstream publishes these as oneOf with no `type`, which is also what makes
// `kubectl explain` print <IntOrString> and <Quantity> rather than <string>.
const V3_ONE_OF: [string, JsonSchema[]][] = [
  ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', [{ type: 'integer' }, { type: 'string' }]],
  ['io.k8s.apimachinery.pkg.api.resource.Quantity', [{ type: 'string' }, { type: 'number' }]],
];
const withoutType = ({ type: _type, ...rest }: JsonSchema): JsonSchema => rest;

/** What the docs need to know about one served kind. */
export interface KindDoc {
  resource: ResourceInfo;
  /** definition names of the kind and of its list */
  name: string;
  listName: string;
  /** definitions contributed by this kind (custom resources) */
  own?: Record<string, JsonSchema>;
}

export interface V3Doc {
  doc: object;
  hash: string;
}

export class OpenAPIDocs {
  private v2: object | undefined;
  private v3: Map<string, V3Doc> | undefined;

  constructor(private readonly defs: DefinitionStore) {}

  invalidate(): void {
    this.v2 = undefined;
    this.v3 = undefined;
  }

  swagger(kinds: KindDoc[]): object {
    this.v2 ??= {
      swagger: '2.0',
      info: { title: 'Kubernetes', version: 'v1.34.0' },
      paths: this.paths(kinds),
      definitions: this.closure(kinds, (s) => v2Only(s)),
      securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', in: 'header', name: 'authorization', type: 'apiKey' } },
      security: [{ BearerToken: [] }],
    };
    return this.v2;
  }

  /** per group-version path ("api/v1", "apis/apps/v1") → document and its hash */
  groupVersions(kinds: KindDoc[]): Map<string, V3Doc> {
    if (this.v3) return this.v3;
    const byGv = new Map<string, KindDoc[]>();
    for (const k of kinds) {
      const key = gvPrefix(k.resource).slice(1);
      byGv.set(key, [...(byGv.get(key) ?? []), k]);
    }
    this.v3 = new Map();
    for (const [key, list] of byGv) {
      const schemas = this.closure(list, (s) => schemaToV3(s) as JsonSchema);
      for (const [name, oneOf] of V3_ONE_OF) if (schemas[name]) schemas[name] = { ...withoutType(schemas[name]), oneOf };
      const doc = {
        openapi: '3.0.0',
        info: { title: 'Kubernetes', version: 'v1.34.0' },
        paths: pathsToV3(this.paths(list)),
        components: {
          schemas,
          securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
        },
      };
      const hash = createHash('sha512').update(JSON.stringify(doc)).digest('hex').toUpperCase();
      this.v3.set(key, { doc, hash });
    }
    return this.v3;
  }

  private paths(kinds: KindDoc[]): Record<string, PathItem> {
    const out: Record<string, PathItem> = {};
    for (const k of kinds) {
      const ctx = { resource: k.resource, ref: `#/definitions/${k.name}`, listRef: `#/definitions/${k.listName}`, strategic: !k.resource.custom };
      Object.assign(out, resourcePaths(ctx));
    }
    return out;
  }

  /** every definition the kinds reach through $ref, converted by `convert` */
  private closure(kinds: KindDoc[], convert: (s: JsonSchema) => JsonSchema): Record<string, JsonSchema> {
    const own: Record<string, JsonSchema> = Object.assign({}, ...kinds.map((k) => k.own ?? {}));
    const lookup = (name: string): JsonSchema | undefined => own[name] ?? EXTRA_DEFS[name] ?? this.defs.get(name);
    const queue = [...ALWAYS, ...kinds.flatMap((k) => [k.name, k.listName])];
    if (kinds.some((k) => k.resource.subresources.scale)) queue.push('io.k8s.api.autoscaling.v1.Scale');
    const out: Record<string, JsonSchema> = {};
    while (queue.length) {
      const name = queue.pop()!;
      if (out[name]) continue;
      const def = lookup(name);
      if (!def) continue;
      out[name] = convert(def);
      collectRefs(def, queue);
    }
    return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
  }
}

function collectRefs(value: unknown, into: string[]): void {
  if (Array.isArray(value)) for (const v of value) collectRefs(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(refName(v));
      else if (k === 'properties' && v && typeof v === 'object') for (const p of Object.values(v)) collectRefs(p, into);
      else if (k !== 'enum' && k !== 'default') collectRefs(v, into);
    }
  }
}

/** OpenAPI v2 has no nullable/anyOf/oneOf/not: drop them, as upstream does when publishing CRD schemas. */
function v2Only(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'anyOf' || k === 'oneOf' || k === 'not') continue;
    if (k === 'enum' || k === 'default' || k === 'example') out[k] = v;
    else if (k === 'properties') out[k] = Object.fromEntries(Object.entries(v as JsonSchema).map(([name, p]) => [name, v2Only(p)]));
    else if (Array.isArray(v)) out[k] = v.map((x) => (x && typeof x === 'object' ? v2Only(x) : x));
    else out[k] = v && typeof v === 'object' ? v2Only(v) : v;
  }
  return out;
}
