// ajv validators, compiled on first use and cached. Built-in kinds are checked one definition at a
// time (shallow schemas, walked along the object), so a Deployment compiles only the dozen
// definitions it uses instead of the whole Pod tree; a CRD's schema compiles whole.
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { INT_OR_STRING, QUANTITY } from '../../../../../scripts/gen-schemas.mjs';
import type { StatusCause } from '../../../../shared/k8s/status';
import { customAjvSchema, shallowDefinitionSchema } from './ajv-schemas';
import { causesFromAjv } from './causes';
import { refName, type DefinitionStore, type JsonSchema } from './definitions';
import { refOf } from './node';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

// ajv takes ~0.2 s to import: it is required on first validation, not at startup.
const newAjv = (options: Options): Ajv => {
  const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  return new AjvClass(options);
};

// The Go decoder fills a missing field with its zero value; only the kind's own validation turns
// that into "Required value". For status (written by controllers and the kubelet) it never does,
// and for these fields an empty value is valid, so "required" is not enforced there.
const ZERO_VALUE_OK = new Set(['io.k8s.api.discovery.v1.EndpointSlice/endpoints']);
const enforced = (name: string, e: ErrorObject): boolean =>
  e.keyword !== 'required' || !(e.instancePath === '/status' || e.instancePath.startsWith('/status/') || ZERO_VALUE_OK.has(`${name}/${String(e.params.missingProperty)}`));

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (base: string, key: string | number): string => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

export class KindValidators {
  private ajv: Ajv | undefined;
  private readonly definitions = new Map<string, ValidateFunction>();
  private readonly custom = new Map<string, ValidateFunction>();

  constructor(private readonly defs: DefinitionStore) {}

  private instance(): Ajv {
    // useDefaults applies a CRD's `default`s; built-in schemas carry none (defaulting is the strategy's job).
    this.ajv ??= newAjv({ allErrors: true, strict: false, verbose: true, validateFormats: false, useDefaults: true, validateSchema: false, inlineRefs: false, unicodeRegExp: false });
    return this.ajv;
  }

  /** Validates a built-in kind's object against definition `name`. */
  builtin(name: string, obj: unknown): StatusCause[] {
    const errors: ErrorObject[] = [];
    this.walk(name, obj, '', errors);
    return causesFromAjv(errors, false);
  }

  /** Validates a custom resource against its CRD schema; `key` identifies the served version. */
  customResource(key: string, schema: JsonSchema, obj: Record<string, unknown>): StatusCause[] {
    let fn = this.custom.get(key);
    if (!fn) {
      fn = this.compileCustom(schema);
      this.custom.set(key, fn);
    }
    const causes = fn(obj) ? [] : causesFromAjv(fn.errors, true);
    const metaErrors: ErrorObject[] = [];
    this.walk(OBJECT_META, obj.metadata, '/metadata', metaErrors);
    return [...causes, ...causesFromAjv(metaErrors, true)];
  }

  // A CRD's patterns are Go (RE2) regular expressions; the few JavaScript cannot compile are left
  // unchecked rather than failing every write of the kind.
  private compileCustom(schema: JsonSchema): ValidateFunction {
    try {
      return this.instance().compile(customAjvSchema(schema));
    } catch {
      return this.instance().compile(customAjvSchema(schema, true, false));
    }
  }

  forget(key: string): void {
    this.custom.delete(key);
  }

  private shallow(name: string): ValidateFunction | undefined {
    let fn = this.definitions.get(name);
    if (!fn) {
      const def = this.defs.get(name);
      if (!def) return undefined;
      fn = this.instance().compile(shallowDefinitionSchema(name, def));
      this.definitions.set(name, fn);
    }
    return fn;
  }

  private walk(name: string, value: unknown, at: string, errors: ErrorObject[]): void {
    if (!isObject(value)) return;
    const fn = this.shallow(name);
    if (!fn) return;
    if (!fn(value)) {
      for (const e of fn.errors ?? []) {
        const located = { ...e, instancePath: at + e.instancePath };
        if (enforced(name, located)) errors.push(located);
      }
    }
    const props = (this.defs.get(name)?.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, v] of Object.entries(value)) if (props[key] && v !== null) this.walkProperty(props[key], v, pointer(at, key), errors);
  }

  private walkProperty(schema: JsonSchema, value: unknown, at: string, errors: ErrorObject[]): void {
    const ref = refOf(schema);
    if (ref) {
      const name = refName(ref);
      if (name !== INT_OR_STRING && name !== QUANTITY) this.walk(name, value, at, errors);
    } else if (schema.type === 'array' && schema.items && Array.isArray(value)) {
      value.forEach((v, i) => this.walkProperty(schema.items, v, pointer(at, i), errors));
    } else if (schema.type === 'object' && isObject(schema.additionalProperties) && isObject(value)) {
      for (const [k, v] of Object.entries(value)) this.walkProperty(schema.additionalProperties, v, pointer(at, k), errors);
    }
  }
}
