// Field numbers of batch/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const BATCH_V1: GroupTable = {
  package: 'io.k8s.api.batch.v1',
  messages: {
    Job: '1 metadata?|2 spec?|3 status?',
    PodFailurePolicyOnExitCodesRequirement: '1 containerName|2 operator|3 values',
    PodFailurePolicyOnPodConditionsPattern: '1 type|2 status',
    PodFailurePolicyRule: '1 action|2 onExitCodes|3 onPodConditions',
    PodFailurePolicy: '1 rules',
    SuccessPolicy: '1 rules',
    SuccessPolicyRule: '1 succeededIndexes|2 succeededCount',
    JobSpec: '1 parallelism|2 completions|3 activeDeadlineSeconds|4 selector|5 manualSelector|6 template|7 backoffLimit|8 ttlSecondsAfterFinished|9 completionMode|10 suspend|11 podFailurePolicy|12 backoffLimitPerIndex|13 maxFailedIndexes|14 podReplacementPolicy|15 managedBy|16 successPolicy|17 scheduling',
    JobSchedulingConfiguration: '1 schedulingPolicy|2 schedulingConstraints|3 disruptionMode|4 resourceClaims',
    JobStatus: '1 conditions|2 startTime@time|3 completionTime@time|4 active?|5 succeeded?|6 failed?|7 completedIndexes?|8 uncountedTerminatedPods|9 ready|10 failedIndexes|11 terminating',
    UncountedTerminatedPods: '1 succeeded|2 failed',
    JobCondition: '1 type|2 status|3 lastProbeTime?@time|4 lastTransitionTime?@time|5 reason?|6 message?',
    JobTemplateSpec: '1 metadata?|2 spec?',
    CronJob: '1 metadata?|2 spec?|3 status?',
    CronJobSpec: '1 schedule|2 startingDeadlineSeconds|3 concurrencyPolicy?|4 suspend|5 jobTemplate|6 successfulJobsHistoryLimit|7 failedJobsHistoryLimit|8 timeZone',
    CronJobStatus: '1 active|4 lastScheduleTime@time|5 lastSuccessfulTime@time',
  },
};
