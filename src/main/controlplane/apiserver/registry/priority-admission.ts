// Upstream's Priority admission plugin: a new pod's spec.priority (and preemptionPolicy) comes from
// its priorityClassName or, without one, from the global default class; only one class may be the
// global default.
import { forbidden } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import type { Obj } from './json';
import { readAll, readStored } from './rewrite';
import type { RequestInfo } from './types';

const isCore = (req: RequestInfo, plural: string) => !req.resource.custom && req.resource.group === '' && req.resource.plural === plural;
const isPriorityClasses = (req: RequestInfo) => !req.resource.custom && req.resource.group === 'scheduling.k8s.io' && req.resource.plural === 'priorityclasses';

const classes = (ctx: Ctx) => ctx.resources.lookup('scheduling.k8s.io', 'v1', 'priorityclasses');

const podForbidden = (pod: Obj, why: string) => forbidden(`pods "${pod.metadata?.name ?? ''}" is forbidden: ${why}`);

function admitPod(ctx: Ctx, pod: Obj): void {
  const resource = classes(ctx);
  if (!resource) return;
  const spec = (pod.spec ??= {});
  let pc: Obj | undefined;
  if (spec.priorityClassName) {
    pc = readStored(ctx, resource, undefined, spec.priorityClassName);
    if (!pc) throw podForbidden(pod, `no PriorityClass with name ${spec.priorityClassName} was found`);
  } else {
    pc = readAll(ctx, resource).find((c) => c.globalDefault === true);
    // without a class, a pod that names its own priority keeps it (in-process components create such pods)
    if (!pc) return;
    spec.priorityClassName = pc.metadata.name;
  }
  if (typeof spec.priority === 'number' && spec.priority !== pc.value) {
    throw podForbidden(pod, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${pc.value} from the given PriorityClass name`);
  }
  spec.priority = pc.value;
  if (pc.preemptionPolicy) {
    if (spec.preemptionPolicy && spec.preemptionPolicy !== pc.preemptionPolicy) {
      throw podForbidden(pod, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${pc.preemptionPolicy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = pc.preemptionPolicy;
  }
}

function admitClass(ctx: Ctx, pc: Obj): void {
  if (pc.globalDefault !== true) return;
  const other = readAll(ctx, classes(ctx)!).find((c) => c.globalDefault === true && c.metadata.name !== pc.metadata?.name);
  if (other) {
    throw forbidden(`priorityclasses.scheduling.k8s.io "${pc.metadata?.name ?? ''}" is forbidden: PriorityClass ${other.metadata.name} is already marked as default. Only one default can exist`);
  }
}

/** on create of pods and priority classes; on update of priority classes */
export function admitPriority(ctx: Ctx, req: RequestInfo, obj: Obj, old?: Obj): void {
  if (req.subresource) return;
  if (!old && isCore(req, 'pods')) admitPod(ctx, obj);
  else if (isPriorityClasses(req)) admitClass(ctx, obj);
}
