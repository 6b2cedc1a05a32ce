// NodePorts: a host port (per protocol and host IP, 0.0.0.0 meaning all) can be held by one pod per node.
import type { Plugin } from '../framework/types';
import { skip, unschedulable } from '../framework/status';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

export const nodePorts: Plugin = {
  name: 'NodePorts',
  preFilter(state) {
    return state.pod.ports.length === 0 ? skip : null;
  },
  filter(state, node) {
    for (const hp of state.pod.ports) if (node.portConflicts(hp)) return unschedulable(ERR_REASON_PORTS);
    return null;
  },
};
