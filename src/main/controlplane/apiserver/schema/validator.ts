// ajv validators, compiled per kind on first use and cached: compiling the Pod tree costs tens of
// milliseconds, which must not be paid at startup nor twice.
import { Ajv, type ValidateFunction } from 'ajv';
import type { StatusCause } from '../../../../shared/k8s/status';
import { builtinAjvDocument, customAjvSchema, DEFS_ID } from './ajv-schemas';
import { causesFromAjv } from './causes';
import type { DefinitionStore, JsonSchema } from './definitions';

export class KindValidators {
  private ajv: Ajv | undefined;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly defs: DefinitionStore) {}

  private instance(): Ajv {
    if (!this.ajv) {
      // useDefaults applies a CRD's `default`s; built-in schemas carry none (defaulting is the strategy's job).
      this.ajv = new Ajv({ allErrors: true, strict: false, verbose: true, validateFormats: false, useDefaults: true, validateSchema: false, inlineRefs: false, code: { optimize: false } });
      this.ajv.addSchema(builtinAjvDocument(this.defs.all()));
    }
    return this.ajv;
  }

  /** Validates a built-in kind's object against definition `name`. */
  builtin(name: string, obj: unknown): StatusCause[] {
    let fn = this.compiled.get(name);
    if (!fn) {
      fn = this.instance().compile({ type: 'object', allOf: [{ $ref: `${DEFS_ID}#/definitions/${name}` }] });
      this.compiled.set(name, fn);
    }
    return fn(obj) ? [] : causesFromAjv(fn.errors, false);
  }

  /** Validates a custom resource against its CRD schema; `key` identifies the served version. */
  custom(key: string, schema: JsonSchema, obj: unknown): StatusCause[] {
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.instance().compile(customAjvSchema(schema));
      this.compiled.set(key, fn);
    }
    return fn(obj) ? [] : causesFromAjv(fn.errors, true);
  }

  forget(key: string): void {
    this.compiled.delete(key);
  }
}
