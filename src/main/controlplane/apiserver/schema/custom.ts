// A custom resource's schema as served and validated: the CRD's openAPIV3Schema plus the fields
// every object has (apiVersion, kind, metadata as ObjectMeta), named the way upstream publishes it
// (group reversed: stable.example.com/v1 CronTab → com.example.stable.v1.CronTab).
import type { ResourceInfo } from '../resources/types';
import type { JsonSchema } from './definitions';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

export const customDefinitionName = (r: Pick<ResourceInfo, 'group' | 'version'>, kind: string): string =>
  `${r.group.split('.').reverse().join('.')}.${r.version}.${kind}`;

const API_VERSION = {
  description: 'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  type: 'string',
};
const KIND = {
  description: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  type: 'string',
};

/** the kind's root schema: the CRD schema with apiVersion, kind and metadata filled in */
export function customRootSchema(r: ResourceInfo, schema: JsonSchema): JsonSchema {
  const gvk = [{ group: r.group, kind: r.kind, version: r.version }];
  return {
    ...schema,
    type: 'object',
    properties: {
      ...(schema.properties ?? {}),
      apiVersion: API_VERSION,
      kind: KIND,
      metadata: { description: 'Standard object\'s metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', $ref: `#/definitions/${META}ObjectMeta` },
    },
    'x-kubernetes-group-version-kind': gvk,
  };
}

/** the definitions a custom kind adds to the OpenAPI documents: the kind and its list */
export function customDefinitions(r: ResourceInfo, root: JsonSchema): Record<string, JsonSchema> {
  const name = customDefinitionName(r, r.kind);
  const list = {
    description: `${r.listKind} is a list of ${r.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: API_VERSION,
      items: { description: `List of ${r.plural}. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md`, type: 'array', items: { $ref: `#/definitions/${name}` } },
      kind: KIND,
      metadata: { $ref: `#/definitions/${META}ListMeta` },
    },
    'x-kubernetes-group-version-kind': [{ group: r.group, kind: r.listKind, version: r.version }],
  };
  return { [name]: root, [customDefinitionName(r, r.listKind)]: list };
}
