// Field numbers of autoscaling/v1 messages as Kubernetes encodes them in protobuf (the
// `protobuf:"…,N,…"` struct tags of the upstream Go types). Format: see ../README.md.
import type { GroupTable } from './types';

export const AUTOSCALING_V1: GroupTable = {
  package: 'io.k8s.api.autoscaling.v1',
  messages: {
    CrossVersionObjectReference: '1 kind|2 name|3 apiVersion?',
    HorizontalPodAutoscalerSpec: '1 scaleTargetRef|2 minReplicas|3 maxReplicas|4 targetCPUUtilizationPercentage',
    HorizontalPodAutoscalerStatus: '1 observedGeneration|2 lastScaleTime@time|3 currentReplicas|4 desiredReplicas|5 currentCPUUtilizationPercentage',
    HorizontalPodAutoscaler: '1 metadata?|2 spec?|3 status?',
    Scale: '1 metadata?|2 spec?:ScaleSpec|3 status?:ScaleStatus',
    ScaleSpec: '1 replicas?',
    ScaleStatus: '1 replicas|2 selector?',
    MetricSpec: '1 type|2 object|3 pods|4 resource|5 external|7 containerResource',
    ObjectMetricSource: '1 target|2 metricName|3 targetValue@q|4 selector|5 averageValue@q',
    PodsMetricSource: '1 metricName|2 targetAverageValue@q|3 selector',
    ResourceMetricSource: '1 name|2 targetAverageUtilization|3 targetAverageValue@q',
    ContainerResourceMetricSource: '1 name|2 targetAverageUtilization|3 targetAverageValue@q|5 container',
    ExternalMetricSource: '1 metricName|2 metricSelector|3 targetValue@q|4 targetAverageValue@q',
    MetricStatus: '1 type|2 object|3 pods|4 resource|5 external|7 containerResource',
    HorizontalPodAutoscalerCondition: '1 type|2 status|3 lastTransitionTime?@time|4 reason?|5 message?|6 observedGeneration',
    ObjectMetricStatus: '1 target|2 metricName|3 currentValue@q|4 selector|5 averageValue@q',
    PodsMetricStatus: '1 metricName|2 currentAverageValue@q|3 selector',
    ResourceMetricStatus: '1 name|2 currentAverageUtilization|3 currentAverageValue@q',
    ContainerResourceMetricStatus: '1 name|2 currentAverageUtilization|3 currentAverageValue@q|4 container',
    ExternalMetricStatus: '1 metricName|2 metricSelector|3 currentValue@q|4 currentAverageValue@q',
  },
};
