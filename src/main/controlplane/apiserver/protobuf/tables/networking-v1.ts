// Field numbers of networking/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const NETWORKING_V1: GroupTable = {
  package: 'io.k8s.api.networking.v1',
  messages: {
    NetworkPolicy: '1 metadata?|2 spec?',
    NetworkPolicySpec: '1 podSelector|2 ingress|3 egress|4 policyTypes',
    NetworkPolicyIngressRule: '1 ports|2 from',
    NetworkPolicyEgressRule: '1 ports|2 to',
    NetworkPolicyPort: '1 protocol|2 port@ios|3 endPort',
    IPBlock: '1 cidr|2 except',
    NetworkPolicyPeer: '1 podSelector|2 namespaceSelector|3 ipBlock',
    Ingress: '1 metadata?|2 spec?|3 status?',
    IngressSpec: '1 defaultBackend|2 tls|3 rules|4 ingressClassName',
    IngressTLS: '1 hosts|2 secretName?',
    IngressStatus: '1 loadBalancer?',
    IngressLoadBalancerStatus: '1 ingress',
    IngressLoadBalancerIngress: '1 ip?|2 hostname?|4 ports',
    IngressPortStatus: '1 port|2 protocol|3 error',
    IngressRule: '1 host?|2 =IngressRuleValue',
    IngressRuleValue: '1 http',
    HTTPIngressRuleValue: '1 paths',
    HTTPIngressPath: '1 path?|2 backend|3 pathType',
    IngressBackend: '3 resource|4 service',
    IngressServiceBackend: '1 name|2 port?',
    ServiceBackendPort: '1 name?|2 number?',
    IngressClass: '1 metadata?|2 spec?',
    IngressClassSpec: '1 controller?|2 parameters',
    IngressClassParametersReference: '1 apiGroup|2 kind|3 name|4 scope|5 namespace',
    IPAddress: '1 metadata?|2 spec?',
    IPAddressSpec: '1 parentRef',
    ParentReference: '1 group?|2 resource?|3 namespace?|4 name?',
    ServiceCIDR: '1 metadata?|2 spec?|3 status?',
    ServiceCIDRSpec: '1 cidrs',
    ServiceCIDRStatus: '1 conditions',
  },
};
