// Field numbers of autoscaling/v2 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const AUTOSCALING_V2: GroupTable = {
  package: 'io.k8s.api.autoscaling.v2',
  messages: {
    HorizontalPodAutoscaler: '1 metadata?|2 spec?|3 status?',
    HorizontalPodAutoscalerSpec: '1 scaleTargetRef|2 minReplicas|3 maxReplicas|4 metrics|5 behavior',
    CrossVersionObjectReference: '1 kind|2 name|3 apiVersion?',
    MetricSpec: '1 type|2 object|3 pods|4 resource|5 external|7 containerResource',
    HorizontalPodAutoscalerBehavior: '1 scaleUp|2 scaleDown',
    HPAScalingRules: '1 selectPolicy|2 policies|3 stabilizationWindowSeconds|4 tolerance@q',
    HPAScalingPolicy: '1 type|2 value|3 periodSeconds',
    ObjectMetricSource: '1 describedObject|2 target|3 metric',
    PodsMetricSource: '1 metric|2 target',
    ResourceMetricSource: '1 name|2 target',
    ContainerResourceMetricSource: '1 name|2 target|3 container',
    ExternalMetricSource: '1 metric|2 target',
    MetricIdentifier: '1 name|2 selector',
    MetricTarget: '1 type|2 value@q|3 averageValue@q|4 averageUtilization',
    HorizontalPodAutoscalerStatus: '1 observedGeneration|2 lastScaleTime@time|3 currentReplicas?|4 desiredReplicas|5 currentMetrics|6 conditions',
    HorizontalPodAutoscalerCondition: '1 type|2 status|3 lastTransitionTime?@time|4 reason?|5 message?|6 observedGeneration',
    MetricStatus: '1 type|2 object|3 pods|4 resource|5 external|7 containerResource',
    ObjectMetricStatus: '1 metric|2 current|3 describedObject',
    PodsMetricStatus: '1 metric|2 current',
    ResourceMetricStatus: '1 name|2 current',
    ContainerResourceMetricStatus: '1 name|2 current|3 container',
    ExternalMetricStatus: '1 metric|2 current',
    MetricValueStatus: '1 value@q|2 averageValue@q|3 averageUtilization',
  },
};
