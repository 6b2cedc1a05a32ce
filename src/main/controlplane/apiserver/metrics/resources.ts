// metrics.k8s.io/v1beta1 as metrics-server registers it: NodeMetrics and PodMetrics, get and list
// only. They are listed in discovery (kubectl top looks for the group there) but never stored.
import type { ResourceInfo } from '../resources/types';
import { METRICS_GROUP, METRICS_VERSION } from './types';

const base = { group: METRICS_GROUP, version: METRICS_VERSION, shortNames: [], categories: [], subresources: {}, verbs: ['get', 'list'] };

export const METRICS_RESOURCES: ResourceInfo[] = [
  { ...base, kind: 'NodeMetrics', listKind: 'NodeMetricsList', plural: 'nodes', singular: '', namespaced: false },
  { ...base, kind: 'PodMetrics', listKind: 'PodMetricsList', plural: 'pods', singular: '', namespaced: true },
];
