// The CustomResourceDefinition kind's strategy (upstream's apiextensions registry strategy), for the
// lead to register with the REST storage: defaults, validation, and status kept apart from spec.
import type { KindStrategy } from '../defaults/types';
import type { ResourceInfo } from '../resources/types';
import { validateCustomResourceDefinition } from './validation';

type Obj = Record<string, any>;

export const customResourceDefinitionStrategy: KindStrategy = {
  applyDefaults(_r: ResourceInfo, crd: Obj): void {
    const spec = (crd.spec ??= {});
    const names = (spec.names ??= {});
    if (names.kind && !names.singular) names.singular = String(names.kind).toLowerCase();
    if (names.kind && !names.listKind) names.listKind = `${names.kind}List`;
    spec.conversion ??= { strategy: 'None' };
    for (const v of Array.isArray(spec.versions) ? spec.versions : []) {
      v.served ??= true;
      v.storage ??= false;
    }
  },
  validate: (_r, crd, old) => validateCustomResourceDefinition(crd, old),
  prepareForCreate(_r: ResourceInfo, crd: Obj): void {
    crd.status = { storedVersions: [], conditions: [], acceptedNames: { plural: '', kind: '' } };
  },
  prepareForUpdate(_r: ResourceInfo, crd: Obj, old: Obj, subresource?: string): void {
    if (subresource === 'status') crd.spec = old.spec;
    else crd.status = old.status;
  },
};
