// NodeUnschedulable: cordoned nodes take only pods that tolerate the unschedulable taint.
import type { Plugin } from '../framework/types';
import { unresolvable } from '../framework/status';
import { toleratedBy } from './tolerations';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

export const nodeUnschedulable: Plugin = {
  name: 'NodeUnschedulable',
  filter(state, node) {
    if (!node.node?.spec?.unschedulable) return null;
    if (toleratedBy(state.pod.pod.spec.tolerations ?? [], TAINT)) return null;
    return unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
