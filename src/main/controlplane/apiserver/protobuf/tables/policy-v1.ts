// Field numbers of policy/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const POLICY_V1: GroupTable = {
  package: 'io.k8s.api.policy.v1',
  messages: {
    PodDisruptionBudgetSpec: '1 minAvailable@ios|2 selector|3 maxUnavailable@ios|4 unhealthyPodEvictionPolicy',
    PodDisruptionBudgetStatus: '1 observedGeneration?|2 disruptedPods@time|3 disruptionsAllowed|4 currentHealthy|5 desiredHealthy|6 expectedPods|7 conditions',
    PodDisruptionBudget: '1 metadata?|2 spec?|3 status?',
    Eviction: '1 metadata?|2 deleteOptions',
  },
};
