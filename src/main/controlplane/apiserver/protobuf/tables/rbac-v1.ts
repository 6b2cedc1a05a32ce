// Field numbers of rbac/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const RBAC_V1: GroupTable = {
  package: 'io.k8s.api.rbac.v1',
  messages: {
    PolicyRule: '1 verbs|2 apiGroups|3 resources|4 resourceNames|5 nonResourceURLs',
    Subject: '1 kind|2 apiGroup?|3 name|4 namespace?',
    RoleRef: '1 apiGroup|2 kind|3 name',
    Role: '1 metadata?|2 rules',
    RoleBinding: '1 metadata?|2 subjects|3 roleRef',
    ClusterRole: '1 metadata?|2 rules|3 aggregationRule',
    AggregationRule: '1 clusterRoleSelectors',
    ClusterRoleBinding: '1 metadata?|2 subjects|3 roleRef',
  },
};
