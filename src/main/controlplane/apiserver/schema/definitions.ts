// The official definitions (Swagger 2.0 form, upstream names), read on first use — never at startup,
// since parsing a megabyte of JSON would cost the cold start. The build writes them to
// dist/k8s-definitions.json; from source (tests) they are generated in-process by the same module.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { generateDefinitions } from '../../../../../scripts/gen-schemas.mjs';
import { attachListMeta } from './listkeys';

export type JsonSchema = Record<string, any>;
export type Definitions = Record<string, JsonSchema>;

export const DEFINITIONS_FILE = 'k8s-definitions.json';

/** The package root: the nearest folder above this module with a node_modules (works bundled or not). */
function packageRoot(from: string): string {
  let dir = from;
  while (dirname(dir) !== dir) {
    if (existsSync(join(dir, 'node_modules')) && existsSync(join(dir, 'package.json'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

function readFrom(path: string): Definitions | undefined {
  for (const candidate of [path, `${path}.gz`]) {
    if (!existsSync(candidate)) continue;
    const raw = readFileSync(candidate);
    const text = candidate.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    return (JSON.parse(text) as { definitions: Definitions }).definitions;
  }
  return undefined;
}

/** Loads the definitions (with the official list metadata attached). `dir` overrides where to look. */
export function loadDefinitions(dir?: string): Definitions {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = packageRoot(here);
  const defs =
    (dir ? readFrom(join(dir, DEFINITIONS_FILE)) : undefined) ??
    readFrom(join(here, DEFINITIONS_FILE)) ??
    readFrom(join(root, 'dist', DEFINITIONS_FILE)) ??
    generateDefinitions(root).definitions;
  attachListMeta(defs);
  return defs;
}

/** Lazily loaded definitions plus the index of kinds by group/version/kind. */
export class DefinitionStore {
  private defs: Definitions | undefined;
  private kinds: Map<string, string> | undefined;

  constructor(private readonly load: () => Definitions = loadDefinitions) {}

  all(): Definitions {
    this.defs ??= this.load();
    return this.defs;
  }

  get(name: string): JsonSchema | undefined {
    return this.all()[name];
  }

  /** definition name of a kind, e.g. apps/v1 Deployment → io.k8s.api.apps.v1.Deployment */
  nameOf(group: string, version: string, kind: string): string | undefined {
    if (!this.kinds) {
      this.kinds = new Map();
      for (const [name, def] of Object.entries(this.all())) {
        for (const gvk of (def['x-kubernetes-group-version-kind'] ?? []) as { group: string; version: string; kind: string }[]) {
          this.kinds.set(gvkKey(gvk.group, gvk.version, gvk.kind), name);
        }
      }
    }
    return this.kinds.get(gvkKey(group, version, kind));
  }
}

const gvkKey = (group: string, version: string, kind: string): string => `${group}/${version}/${kind}`;

/** "#/definitions/io.k8s.api.core.v1.PodSpec" → "io.k8s.api.core.v1.PodSpec" */
export const refName = (ref: string): string => ref.slice(ref.lastIndexOf('/') + 1);

/** last segment of a definition name: the Go type name (DeploymentSpec) */
export const shortName = (name: string): string => name.slice(name.lastIndexOf('.') + 1);
