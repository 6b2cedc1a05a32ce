// ObjectMeta checks (upstream ValidateObjectMeta / ValidateObjectMetaUpdate): name, generateName,
// namespace, labels, annotations.
import type { StatusCause } from '../../../../../shared/k8s/status';
import type { ResourceInfo } from '../../resources/types';
import { forbidden, immutable, invalid, required, tooLong } from './errors';
import { isQualifiedName, isValidLabelValue } from './names';

export type NameValidator = (name: string, prefix: boolean) => string[];

const TOTAL_ANNOTATION_SIZE = 256 * 1024;

export function validateLabels(labels: unknown, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (labels === undefined || labels === null) return causes;
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const msg of isQualifiedName(k)) causes.push(invalid(field, k, msg));
    for (const msg of isValidLabelValue(String(v ?? ''))) causes.push(invalid(field, v, msg));
  }
  return causes;
}

export function validateAnnotations(annotations: unknown, field: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (annotations === undefined || annotations === null) return causes;
  let total = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const msg of isQualifiedName(k.toLowerCase())) causes.push(invalid(field, k, msg));
    total += Buffer.byteLength(k) + Buffer.byteLength(String(v ?? ''));
  }
  if (total > TOTAL_ANNOTATION_SIZE) causes.push(tooLong(field, TOTAL_ANNOTATION_SIZE));
  return causes;
}

/** generateName may end in "-": validate it as a prefix the way upstream masks the trailing dash */
const asPrefix = (v: string): string => (v.endsWith('-') ? `${v.slice(0, -1)}a` : v);

function validateName(meta: Record<string, any>, nameFn: NameValidator): StatusCause[] {
  const causes: StatusCause[] = [];
  const name = typeof meta.name === 'string' ? meta.name : '';
  const generateName = typeof meta.generateName === 'string' ? meta.generateName : '';
  if (generateName !== '') for (const msg of nameFn(asPrefix(generateName), true)) causes.push(invalid('metadata.generateName', generateName, msg));
  if (name === '') {
    if (generateName === '') causes.push(required('metadata.name', 'name or generateName is required'));
  } else {
    for (const msg of nameFn(name, false)) causes.push(invalid('metadata.name', name, msg));
  }
  return causes;
}

export function validateObjectMeta(resource: ResourceInfo, obj: Record<string, any>, nameFn: NameValidator): StatusCause[] {
  const meta = obj.metadata ?? {};
  const causes = validateName(meta, nameFn);
  if (!resource.namespaced && meta.namespace) causes.push(forbidden('metadata.namespace', 'not allowed on this type'));
  causes.push(...validateLabels(meta.labels, 'metadata.labels'));
  causes.push(...validateAnnotations(meta.annotations, 'metadata.annotations'));
  return causes;
}

export function validateObjectMetaUpdate(obj: Record<string, any>, old: Record<string, any>): StatusCause[] {
  const causes: StatusCause[] = [];
  const meta = obj.metadata ?? {};
  const oldMeta = old.metadata ?? {};
  if (oldMeta.name && meta.name !== oldMeta.name) causes.push(immutable('metadata.name', meta.name));
  if ((oldMeta.namespace ?? '') !== (meta.namespace ?? '')) causes.push(immutable('metadata.namespace', meta.namespace ?? ''));
  return causes;
}
