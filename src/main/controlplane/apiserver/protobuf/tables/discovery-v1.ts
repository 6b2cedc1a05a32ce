// Field numbers of discovery/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const DISCOVERY_V1: GroupTable = {
  package: 'io.k8s.api.discovery.v1',
  messages: {
    EndpointSlice: '1 metadata?|2 endpoints|3 ports|4 addressType',
    Endpoint: '1 addresses|2 conditions?|3 hostname|4 targetRef|5 deprecatedTopology|6 nodeName|7 zone|8 hints',
    EndpointConditions: '1 ready|2 serving|3 terminating',
    EndpointHints: '1 forZones|2 forNodes',
    ForZone: '1 name',
    ForNode: '1 name',
    EndpointPort: '1 name|2 protocol|3 port|4 appProtocol',
  },
};
