// Field numbers of events/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const EVENTS_V1: GroupTable = {
  package: 'io.k8s.api.events.v1',
  messages: {
    Event: '1 metadata|2 eventTime@micro|3 series|4 reportingController?|5 reportingInstance?|6 action?|7 reason?|8 regarding?|9 related|10 note?|11 type?|12 deprecatedSource?|13 deprecatedFirstTimestamp?@time|14 deprecatedLastTimestamp?@time|15 deprecatedCount?',
    EventSeries: '1 count|2 lastObservedTime@micro',
  },
};
