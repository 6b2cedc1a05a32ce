// Field numbers of authorization/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const AUTHORIZATION_V1: GroupTable = {
  package: 'io.k8s.api.authorization.v1',
  messages: {
    SubjectAccessReview: '1 metadata?|2 spec|3 status?',
    SelfSubjectAccessReview: '1 metadata?|2 spec|3 status?',
    LocalSubjectAccessReview: '1 metadata?|2 spec|3 status?',
    ResourceAttributes: '1 namespace?|2 verb?|3 group?|4 version?|5 resource?|6 subresource?|7 name?|8 fieldSelector|9 labelSelector',
    LabelSelectorAttributes: '1 rawSelector?|2 requirements',
    FieldSelectorAttributes: '1 rawSelector?|2 requirements',
    NonResourceAttributes: '1 path?|2 verb?',
    SubjectAccessReviewSpec: '1 resourceAttributes|2 nonResourceAttributes|3 user?|4 groups|5 extra@items|6 uid?',
    SelfSubjectAccessReviewSpec: '1 resourceAttributes|2 nonResourceAttributes',
    SubjectAccessReviewStatus: '1 allowed|2 reason?|3 evaluationError?|4 denied?',
    SelfSubjectRulesReview: '1 metadata?|2 spec|3 status?',
    SelfSubjectRulesReviewSpec: '1 namespace?',
    SubjectRulesReviewStatus: '1 resourceRules|2 nonResourceRules|3 incomplete|4 evaluationError?',
    ResourceRule: '1 verbs|2 apiGroups|3 resources|4 resourceNames',
    NonResourceRule: '1 verbs|2 nonResourceURLs',
  },
};
