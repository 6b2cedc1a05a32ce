// Field numbers of certificates/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const CERTIFICATES_V1: GroupTable = {
  package: 'io.k8s.api.certificates.v1',
  messages: {
    CertificateSigningRequest: '1 metadata?|2 spec|3 status?',
    CertificateSigningRequestSpec: '1 request@bytes|2 username?|3 uid?|4 groups|5 usages|6 extra@items|7 signerName|8 expirationSeconds',
    CertificateSigningRequestStatus: '1 conditions|2 certificate?@bytes',
    CertificateSigningRequestCondition: '1 type|2 reason?|3 message?|4 lastUpdateTime?@time|5 lastTransitionTime?@time|6 status',
    ClusterTrustBundle: '1 metadata?|2 spec',
    ClusterTrustBundleSpec: '1 signerName?|2 trustBundle',
    PodCertificateRequest: '1 metadata?|2 spec|3 status?',
    PodCertificateRequestSpec: '1 signerName|2 podName|3 podUID|4 serviceAccountName|5 serviceAccountUID|6 nodeName|7 nodeUID|8 maxExpirationSeconds|11 unverifiedUserAnnotations|12 stubPKCS10Request@bytes',
    PodCertificateRequestStatus: '1 conditions|2 certificateChain?|4 notBefore@time|5 beginRefreshAt@time|6 notAfter@time',
  },
};
