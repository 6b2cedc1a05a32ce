// Semantic validation of a CustomResourceDefinition, in upstream's words: the name must be
// <plural>.<group>, exactly one storage version, and every version needs a structural schema.
import type { StatusCause } from '../../../../shared/k8s/status';
import { versionsOf } from './resource-info';

type Obj = Record<string, any>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

const required = (field: string, detail = ''): StatusCause => ({ reason: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value' });
const invalidValue = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
});

const validateNames = (crd: Obj): StatusCause[] => {
  const causes: StatusCause[] = [];
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  if (!spec.group) causes.push(required('spec.group'));
  else if (!DNS1123_SUBDOMAIN.test(spec.group) || !spec.group.includes('.')) causes.push(invalidValue('spec.group', spec.group, 'should be a domain with at least one dot'));
  if (!names.plural) causes.push(required('spec.names.plural'));
  else if (!DNS1123_LABEL.test(names.plural)) causes.push(invalidValue('spec.names.plural', names.plural, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"));
  if (names.singular && !DNS1123_LABEL.test(names.singular)) causes.push(invalidValue('spec.names.singular', names.singular, "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"));
  if (!names.kind) causes.push(required('spec.names.kind'));
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    causes.push(spec.scope === undefined ? required('spec.scope') : { reason: 'FieldValueNotSupported', field: 'spec.scope', message: `Unsupported value: ${JSON.stringify(spec.scope)}: supported values: "Cluster", "Namespaced"` });
  }
  const name = crd.metadata?.name;
  if (spec.group && names.plural && name !== `${names.plural}.${spec.group}`) causes.push(invalidValue('metadata.name', name ?? '', 'must be spec.names.plural+"."+spec.group'));
  return causes;
};

/** Structural: every field says its type, unless it is int-or-string or keeps unknown fields. */
const structuralCauses = (schema: Obj, path: string, isRoot: boolean): StatusCause[] => {
  const causes: StatusCause[] = [];
  const free = schema['x-kubernetes-int-or-string'] === true || schema['x-kubernetes-preserve-unknown-fields'] === true;
  if (!schema.type && !free) causes.push(required(`${path}.type`, isRoot ? 'must not be empty at the root' : 'must not be empty for specified object fields'));
  if (isRoot && schema.type && schema.type !== 'object') causes.push(invalidValue(`${path}.type`, schema.type, 'must be object at the root'));
  for (const [k, child] of Object.entries((schema.properties ?? {}) as Obj)) {
    if (child && typeof child === 'object') causes.push(...structuralCauses(child, `${path}.properties[${k}]`, false));
  }
  if (schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) causes.push(...structuralCauses(schema.items, `${path}.items`, false));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    causes.push(...structuralCauses(schema.additionalProperties, `${path}.additionalProperties`, false));
  }
  return causes;
};

const validateVersions = (crd: Obj): StatusCause[] => {
  const versions = versionsOf(crd);
  if (versions.length === 0) return [required('spec.versions', 'must have exactly one version marked as storage version')];
  const causes: StatusCause[] = [];
  const storage = versions.filter((v) => v.storage === true).length;
  if (storage !== 1) causes.push(invalidValue('spec.versions', versions.map((v) => v.name), 'must have exactly one version marked as storage version'));
  const seen = new Set<string>();
  versions.forEach((v, i) => {
    const at = `spec.versions[${i}]`;
    if (!v.name) causes.push(required(`${at}.name`));
    else if (seen.has(v.name)) causes.push({ reason: 'FieldValueDuplicate', field: `${at}.name`, message: `Duplicate value: ${JSON.stringify(v.name)}` });
    seen.add(v.name);
    const schema = v.schema?.openAPIV3Schema;
    if (!schema || typeof schema !== 'object') causes.push(required(`${at}.schema.openAPIV3Schema`, 'schemas are required'));
    else causes.push(...structuralCauses(schema, `${at}.schema.openAPIV3Schema`, true));
  });
  return causes;
};

/** Causes for an invalid CRD; empty when it may be stored. Wire into the CRD kind's create/update validation. */
export const validateCustomResourceDefinition = (crd: Obj, old?: Obj): StatusCause[] => {
  const causes = [...validateNames(crd), ...validateVersions(crd)];
  if (old) {
    if (old.spec?.group !== undefined && crd.spec?.group !== old.spec.group) causes.push(invalidValue('spec.group', crd.spec?.group, 'field is immutable'));
    if (old.spec?.names?.plural !== undefined && crd.spec?.names?.plural !== old.spec.names.plural) causes.push(invalidValue('spec.names.plural', crd.spec?.names?.plural, 'field is immutable'));
  }
  return causes;
};
