// NodeName: a pod that names its node fits only there.
import type { Plugin } from '../framework/types';
import { unresolvable } from '../framework/status';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: Plugin = {
  name: 'NodeName',
  filter(state, node) {
    const wanted = state.pod.pod.spec.nodeName;
    return wanted && wanted !== node.name ? unresolvable(ERR_REASON_NODE_NAME) : null;
  },
};
