// The KindStrategy the REST storage calls for every built-in kind and custom resource.
import type { StatusCause } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';
import { applyDefaults } from './apply-defaults';
import { generateJobSelector } from './job-selector';
import { prepareForCreate, prepareForUpdate } from './prepare';
import type { KindStrategy } from './types';
import type { Obj } from './util';
import { validateObject } from './validation/validate';

export class BuiltinKindStrategy implements KindStrategy {
  applyDefaults(resource: ResourceInfo, obj: Obj): void {
    applyDefaults(resource, obj);
  }

  validate(resource: ResourceInfo, obj: Obj, old?: Obj): StatusCause[] {
    if (!old && !resource.custom && resource.group === 'batch' && resource.kind === 'Job') generateJobSelector(obj);
    return validateObject(resource, obj, old);
  }

  prepareForCreate(resource: ResourceInfo, obj: Obj): void {
    prepareForCreate(resource, obj);
  }

  prepareForUpdate(resource: ResourceInfo, obj: Obj, old: Obj, subresource?: string): void {
    prepareForUpdate(resource, obj, old, subresource);
  }
}
