// The /scale subresource: an autoscaling/v1 Scale view over the paths the resource declares.
import { badRequest, invalid } from '../../../../shared/k8s/status';
import type { ResourceInfo, ScaleSubresource } from '../resources/types';
import type { Ctx } from './context';
import type { Obj } from './json';
import { formatLabelSelector } from './labels';
import { fieldManagerOf } from './query';
import type { RequestInfo, WriteResult } from './types';
import { updateExisting } from './update-flow';

const pathOf = (jsonPath: string): string[] => jsonPath.replace(/^\./, '').split('.');

const getPath = (obj: Obj, path: string): unknown => pathOf(path).reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);

const setPath = (obj: Obj, path: string, value: unknown): void => {
  const parts = pathOf(path);
  let o = obj;
  for (const p of parts.slice(0, -1)) o = o[p] ??= {};
  o[parts[parts.length - 1]] = value;
};

const scaleSpecOf = (resource: ResourceInfo): ScaleSubresource => {
  const spec = resource.subresources.scale;
  if (!spec) throw badRequest(`the server could not find the requested resource (${resource.plural}/scale)`);
  return spec;
};

/** built-ins keep their selector as a LabelSelector in spec; custom resources name a string path */
const selectorOf = (resource: ResourceInfo, obj: Obj, spec: ScaleSubresource): string | undefined => {
  if (!resource.custom && obj.spec?.selector && typeof obj.spec.selector === 'object') return formatLabelSelector(obj.spec.selector);
  const s = spec.labelSelectorPath ? getPath(obj, spec.labelSelectorPath) : undefined;
  return typeof s === 'string' ? s : undefined;
};

export const scaleOf = (resource: ResourceInfo, obj: Obj): Obj => {
  const spec = scaleSpecOf(resource);
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  const selector = selectorOf(resource, obj, spec);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, ...(namespace ? { namespace } : {}), uid, resourceVersion, creationTimestamp },
    spec: { replicas: Number(getPath(obj, spec.specReplicasPath) ?? 0) },
    status: { replicas: Number(getPath(obj, spec.statusReplicasPath) ?? 0), ...(selector ? { selector } : {}) },
  };
};

/** applies a desired Scale (from PUT, or from a patch of the current Scale) to the object's replicas */
export async function updateScale(ctx: Ctx, req: RequestInfo, scale: Obj): Promise<WriteResult> {
  const spec = scaleSpecOf(req.resource);
  const replicas = scale?.spec?.replicas;
  if (!Number.isInteger(replicas) || replicas < 0) {
    const message = Number.isInteger(replicas) ? `Invalid value: ${replicas}: must be greater than or equal to 0` : `Invalid value: ${JSON.stringify(replicas ?? null)}: must be an integer`;
    throw invalid('Scale', 'autoscaling', req.name ?? '', [{ reason: 'FieldValueInvalid', field: 'spec.replicas', message }]);
  }
  const pinned = scale?.metadata?.resourceVersion;
  const result = await updateExisting(ctx, req, {
    manager: fieldManagerOf(req),
    apply: (current) => {
      if (pinned) current.metadata.resourceVersion = pinned;
      setPath(current, spec.specReplicasPath, replicas);
      return current;
    },
  });
  return { ...result, object: scaleOf(req.resource, result.object) };
}
