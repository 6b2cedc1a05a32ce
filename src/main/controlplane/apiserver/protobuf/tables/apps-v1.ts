// Field numbers of apps/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const APPS_V1: GroupTable = {
  package: 'io.k8s.api.apps.v1',
  messages: {
    StatefulSet: '1 metadata?|2 spec?|3 status?',
    StatefulSetUpdateStrategy: '1 type?|2 rollingUpdate',
    RollingUpdateStatefulSetStrategy: '1 partition|2 maxUnavailable@ios',
    StatefulSetPersistentVolumeClaimRetentionPolicy: '1 whenDeleted?|2 whenScaled?',
    StatefulSetOrdinals: '1 start',
    StatefulSetSpec: '1 replicas|2 selector|3 template|4 volumeClaimTemplates|5 serviceName|6 podManagementPolicy?|7 updateStrategy?|8 revisionHistoryLimit|9 minReadySeconds?|10 persistentVolumeClaimRetentionPolicy|11 ordinals',
    StatefulSetStatus: '1 observedGeneration?|2 replicas|3 readyReplicas?|4 currentReplicas?|5 updatedReplicas?|6 currentRevision?|7 updateRevision?|9 collisionCount|10 conditions|11 availableReplicas',
    StatefulSetCondition: '1 type|2 status|3 lastTransitionTime?@time|4 reason?|5 message?',
    Deployment: '1 metadata?|2 spec?|3 status?',
    DeploymentSpec: '1 replicas|2 selector|3 template|4 strategy?|5 minReadySeconds?|6 revisionHistoryLimit|7 paused?|9 progressDeadlineSeconds',
    DeploymentStrategy: '1 type?|2 rollingUpdate',
    RollingUpdateDeployment: '1 maxUnavailable@ios|2 maxSurge@ios',
    DeploymentStatus: '1 observedGeneration?|2 replicas?|3 updatedReplicas?|4 availableReplicas?|5 unavailableReplicas?|6 conditions|7 readyReplicas?|8 collisionCount|9 terminatingReplicas',
    DeploymentCondition: '1 type|2 status|4 reason?|5 message?|6 lastUpdateTime?@time|7 lastTransitionTime?@time',
    DaemonSetUpdateStrategy: '1 type?|2 rollingUpdate',
    RollingUpdateDaemonSet: '1 maxUnavailable@ios|2 maxSurge@ios',
    DaemonSetSpec: '1 selector|2 template|3 updateStrategy?|4 minReadySeconds?|6 revisionHistoryLimit',
    DaemonSetStatus: '1 currentNumberScheduled|2 numberMisscheduled|3 desiredNumberScheduled|4 numberReady|5 observedGeneration?|6 updatedNumberScheduled?|7 numberAvailable?|8 numberUnavailable?|9 collisionCount|10 conditions',
    DaemonSetCondition: '1 type|2 status|3 lastTransitionTime?@time|4 reason?|5 message?',
    DaemonSet: '1 metadata?|2 spec?|3 status?',
    ReplicaSet: '1 metadata?|2 spec?|3 status?',
    ReplicaSetSpec: '1 replicas|2 selector|3 template?|4 minReadySeconds?',
    ReplicaSetStatus: '1 replicas|2 fullyLabeledReplicas?|3 observedGeneration?|4 readyReplicas?|5 availableReplicas?|6 conditions|7 terminatingReplicas',
    ReplicaSetCondition: '1 type|2 status|3 lastTransitionTime?@time|4 reason?|5 message?',
    ControllerRevision: '1 metadata?|2 data@raw|3 revision',
  },
};
