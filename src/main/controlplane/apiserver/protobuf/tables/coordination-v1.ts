// Field numbers of coordination/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const COORDINATION_V1: GroupTable = {
  package: 'io.k8s.api.coordination.v1',
  messages: {
    Lease: '1 metadata?|2 spec?',
    LeaseSpec: '1 holderIdentity|2 leaseDurationSeconds|3 acquireTime@micro|4 renewTime@micro|5 leaseTransitions|6 strategy|7 preferredHolder',
  },
};
