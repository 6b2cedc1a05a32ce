// HorizontalPodAutoscaler printer: REFERENCE, TARGETS ("cpu: 30%/80%"), MINPODS, MAXPODS, REPLICAS.
import { ageColumn, col, int, nameColumn, type KindPrinter, type Obj } from './columns';
import { since } from './duration';

const UNKNOWN = '<unknown>';

function targetPair(target: Obj | undefined, current: Obj | undefined): string {
  if (target?.averageValue !== undefined) return `${current?.averageValue ?? UNKNOWN}/${target.averageValue} (avg)`;
  return `${current?.value ?? UNKNOWN}/${target?.value ?? UNKNOWN}`;
}

function resourcePair(spec: Obj, status: Obj | undefined): string {
  const name = spec.name ?? '';
  if (spec.target?.averageValue !== undefined) return `${name}: ${status?.current?.averageValue ?? UNKNOWN}/${spec.target.averageValue}`;
  const current = typeof status?.current?.averageUtilization === 'number' ? `${status.current.averageUtilization}%` : UNKNOWN;
  const target = typeof spec.target?.averageUtilization === 'number' ? `${spec.target.averageUtilization}%` : '<auto>';
  return `${name}: ${current}/${target}`;
}

function metricString(spec: Obj, status: Obj | undefined): string {
  switch (spec.type) {
    case 'External':
      return targetPair(spec.external?.target, status?.external?.current);
    case 'Pods':
      return `${status?.pods?.current?.averageValue ?? UNKNOWN}/${spec.pods?.target?.averageValue ?? UNKNOWN}`;
    case 'Object':
      return targetPair(spec.object?.target, status?.object?.current);
    case 'Resource':
      return resourcePair(spec.resource ?? {}, status?.resource);
    case 'ContainerResource':
      return resourcePair(spec.containerResource ?? {}, status?.containerResource);
    default:
      return '<unknown type>';
  }
}

export function hpaTargets(hpa: Obj): string {
  const specs: Obj[] = hpa.spec?.metrics ?? [];
  if (specs.length === 0) return '<none>';
  const statuses: Obj[] = hpa.status?.currentMetrics ?? [];
  const list = specs.map((s, i) => metricString(s, statuses[i]));
  const shown = list.slice(0, 2).join(', ');
  return list.length > 2 ? `${shown} + ${list.length - 2} more...` : shown;
}

export const hpaPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Reference', 'string', 'reference to scaled resource; horizontal pod autoscaler will learn the current resource consumption and will set the desired number of pods by using its Scale subresource.'),
    col('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).'),
    col('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    col('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    col('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.'),
    ageColumn(),
  ],
  cells: (hpa, now) => [
    hpa.metadata?.name ?? '',
    `${hpa.spec?.scaleTargetRef?.kind ?? ''}/${hpa.spec?.scaleTargetRef?.name ?? ''}`,
    hpaTargets(hpa),
    typeof hpa.spec?.minReplicas === 'number' ? String(hpa.spec.minReplicas) : '<unset>',
    int(hpa.spec?.maxReplicas),
    int(hpa.status?.currentReplicas),
    since(hpa.metadata?.creationTimestamp, now),
  ],
};
