// What a CustomResourceDefinition serves: one ResourceInfo per served version.
import { ALL_VERBS, type ResourceInfo, type ScaleSubresource } from '../resources/types';
import type { AdditionalPrinterColumn } from '../printers/custom';

type Obj = Record<string, any>;

export interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  schema?: { openAPIV3Schema?: Obj };
  subresources?: { status?: Obj; scale?: ScaleSubresource };
  additionalPrinterColumns?: PrinterColumn[];
}

/** apiextensions.k8s.io/v1 CustomResourceColumnDefinition: one type, shared with the Table printer */
export type PrinterColumn = AdditionalPrinterColumn;

export const versionsOf = (crd: Obj): CrdVersion[] => (Array.isArray(crd.spec?.versions) ? crd.spec.versions : []);

export const resourceInfoFor = (crd: Obj, v: CrdVersion): ResourceInfo => {
  const names = crd.spec.names;
  const scale = v.subresources?.scale;
  return {
    group: crd.spec.group,
    version: v.name,
    kind: names.kind,
    listKind: names.listKind || `${names.kind}List`,
    plural: names.plural,
    singular: names.singular || String(names.kind).toLowerCase(),
    namespaced: crd.spec.scope !== 'Cluster',
    shortNames: names.shortNames ?? [],
    categories: names.categories ?? [],
    subresources: {
      ...(v.subresources?.status ? { status: true } : {}),
      ...(scale ? { scale: { specReplicasPath: scale.specReplicasPath, statusReplicasPath: scale.statusReplicasPath, ...(scale.labelSelectorPath ? { labelSelectorPath: scale.labelSelectorPath } : {}) } } : {}),
    },
    verbs: ALL_VERBS,
    custom: true,
  };
};

export const servedVersionsOf = (crd: Obj): CrdVersion[] => versionsOf(crd).filter((v) => v.served !== false);

/** The names the CRD asked for, as status.acceptedNames reports them once accepted. */
export const acceptedNamesOf = (crd: Obj): Obj => {
  const n = crd.spec.names;
  const out: Obj = { plural: n.plural, singular: n.singular || String(n.kind).toLowerCase(), kind: n.kind, listKind: n.listKind || `${n.kind}List` };
  if (n.shortNames?.length) out.shortNames = n.shortNames;
  if (n.categories?.length) out.categories = n.categories;
  return out;
};
