// Field numbers of scheduling/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const SCHEDULING_V1: GroupTable = {
  package: 'io.k8s.api.scheduling.v1',
  messages: {
    PriorityClass: '1 metadata?|2 value|3 globalDefault?|4 description?|5 preemptionPolicy',
  },
};
