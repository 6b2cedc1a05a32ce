// Field selectors: `a=b,c!=d` over the few fields each kind indexes, as upstream's per-kind
// GetAttrs/field label conversion funcs allow. Anything else answers 400 as upstream does.
import { badRequest } from '../../../../shared/k8s/status';
import type { ResourceInfo } from '../resources/types';
import type { Obj } from './json';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}
export type FieldSelector = FieldRequirement[];

type Getter = (o: Obj) => string;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

const KIND_FIELDS: Record<string, Record<string, Getter>> = {
  '/Pod': {
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => str(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  '/Event': {
    'involvedObject.kind': (o) => str(o.involvedObject?.kind),
    'involvedObject.namespace': (o) => str(o.involvedObject?.namespace),
    'involvedObject.name': (o) => str(o.involvedObject?.name),
    'involvedObject.uid': (o) => str(o.involvedObject?.uid),
    'involvedObject.apiVersion': (o) => str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': (o) => str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': (o) => str(o.involvedObject?.fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(o.source?.component),
    type: (o) => str(o.type),
  },
  '/Secret': { type: (o) => str(o.type) },
  '/Node': { 'spec.unschedulable': (o) => str(o.spec?.unschedulable ?? false) },
  '/Namespace': { 'status.phase': (o) => str(o.status?.phase) },
  '/ReplicationController': { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'batch/Job': { 'status.successful': (o) => str(o.status?.successful ?? 0) },
  'apps/ReplicaSet': { 'status.replicas': (o) => str(o.status?.replicas ?? 0) },
  'certificates.k8s.io/CertificateSigningRequest': { 'spec.signerName': (o) => str(o.spec?.signerName) },
};

const COMMON: Record<string, Getter> = {
  'metadata.name': (o) => str(o.metadata?.name),
  'metadata.namespace': (o) => str(o.metadata?.namespace),
};

const gettersOf = (resource: ResourceInfo): Record<string, Getter> => ({
  ...COMMON,
  ...(resource.custom ? {} : (KIND_FIELDS[`${resource.group}/${resource.kind}`] ?? {})),
});

/** splits on unescaped commas; `\,` `\=` `\\` escape as upstream's fields.ParseSelector allows */
const splitTerms = (text: string): string[] => {
  const terms: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) cur += c + text[++i];
    else if (c === ',') {
      terms.push(cur);
      cur = '';
    } else cur += c;
  }
  terms.push(cur);
  return terms.filter((t) => t !== '');
};

const unescape = (s: string): string => s.replace(/\\(.)/g, '$1');

const parseTerm = (term: string): FieldRequirement => {
  const m = /^((?:[^\\=!]|\\.)*)(!=|==|=)(.*)$/.exec(term);
  if (!m) throw badRequest(`invalid selector: '${term}'; can't understand '${term}'`);
  return { field: unescape(m[1]).trim(), op: m[2] === '!=' ? '!=' : '=', value: unescape(m[3]).trim() };
};

export const parseFieldSelector = (text: string | null | undefined, resource: ResourceInfo): FieldSelector => {
  if (!text) return [];
  const getters = gettersOf(resource);
  return splitTerms(text).map((term) => {
    const req = parseTerm(term);
    if (!getters[req.field]) throw badRequest(`field label not supported: ${req.field}`);
    return req;
  });
};

export const fieldMatcher = (selector: FieldSelector, resource: ResourceInfo): ((o: Obj) => boolean) => {
  if (selector.length === 0) return () => true;
  const getters = gettersOf(resource);
  const checks = selector.map((r) => ({ get: getters[r.field], ...r }));
  return (o) => checks.every((c) => (c.get(o) === c.value) === (c.op === '='));
};
