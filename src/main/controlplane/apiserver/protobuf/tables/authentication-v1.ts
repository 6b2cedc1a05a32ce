// Field numbers of authentication/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const AUTHENTICATION_V1: GroupTable = {
  package: 'io.k8s.api.authentication.v1',
  messages: {
    TokenReview: '1 metadata?|2 spec|3 status?',
    TokenReviewSpec: '1 token?|2 audiences',
    TokenReviewStatus: '1 authenticated?|2 user?|3 error?|4 audiences',
    UserInfo: '1 username?|2 uid?|3 groups|4 extra@items',
    TokenRequest: '1 metadata?|2 spec:TokenRequestSpec|3 status?:TokenRequestStatus',
    TokenRequestSpec: '1 audiences|3 boundObjectRef|4 expirationSeconds|5 attestations@items',
    TokenRequestStatus: '1 token|2 expirationTimestamp@time',
    BoundObjectReference: '1 kind?|2 apiVersion?|3 name?|4 uid?',
    SelfSubjectReview: '1 metadata?|2 status?',
    SelfSubjectReviewStatus: '1 userInfo?',
  },
};
