// Resource vectors and a pod's effective request, as the scheduler accounts for them upstream:
// requests = max(sum(containers) + sidecars, max(each init container + sidecars started before it)) + overhead.
import { quantityMilliValueOr, quantityValueOr } from '../../../../shared/k8s/quantity';
import type { Container, Pod } from '../api';

export interface Resources {
  milliCpu: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (nvidia.com/gpu, hugepages-2Mi, …) in whole units. */
  scalar: Record<string, number>;
}

/** What scoring assumes for a container that requests nothing: 100m cpu, 200Mi memory. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export const emptyResources = (): Resources => ({ milliCpu: 0, memory: 0, ephemeralStorage: 0, scalar: {} });

/** Reads a resource list (requests, allocatable, overhead) into a vector. */
export function readResourceList(list: Record<string, string | number> | undefined): Resources {
  const r = emptyResources();
  if (!list) return r;
  for (const [name, q] of Object.entries(list)) {
    if (name === 'cpu') r.milliCpu = quantityMilliValueOr(q, 0);
    else if (name === 'memory') r.memory = quantityValueOr(q, 0);
    else if (name === 'ephemeral-storage') r.ephemeralStorage = quantityValueOr(q, 0);
    else if (name !== 'pods') r.scalar[name] = quantityValueOr(q, 0);
  }
  return r;
}

export function addInto(target: Resources, r: Resources, sign = 1): void {
  target.milliCpu += sign * r.milliCpu;
  target.memory += sign * r.memory;
  target.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) target.scalar[k] = (target.scalar[k] ?? 0) + sign * v;
}

function maxInto(target: Resources, r: Resources): void {
  target.milliCpu = Math.max(target.milliCpu, r.milliCpu);
  target.memory = Math.max(target.memory, r.memory);
  target.ephemeralStorage = Math.max(target.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.scalar)) target.scalar[k] = Math.max(target.scalar[k] ?? 0, v);
}

const copy = (r: Resources): Resources => ({ ...r, scalar: { ...r.scalar } });

type Reader = (c: Container) => Resources;

const requestsOf: Reader = (c) => readResourceList(c.resources?.requests);

/** Upstream's non-zero view: missing cpu/memory requests count as the defaults, so empty pods still spread. */
const nonZeroRequestsOf: Reader = (c) => {
  const r = requestsOf(c);
  const req = c.resources?.requests ?? {};
  if (req.cpu === undefined) r.milliCpu = DEFAULT_MILLI_CPU_REQUEST;
  if (req.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  return r;
};

function effective(pod: Pod, read: Reader): Resources {
  const total = emptyResources();
  for (const c of pod.spec.containers ?? []) addInto(total, read(c));
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const c of pod.spec.initContainers ?? []) {
    const r = read(c);
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      const step = copy(sidecars);
      addInto(step, r);
      maxInto(initMax, step);
    }
  }
  addInto(total, sidecars);
  maxInto(total, initMax);
  if (pod.spec.overhead) addInto(total, readResourceList(pod.spec.overhead));
  return total;
}

/** The pod's effective resource request. */
export const podRequests = (pod: Pod): Resources => effective(pod, requestsOf);

/** The pod's request with cpu/memory defaults filled in, used by scoring. */
export const podNonZeroRequests = (pod: Pod): Resources => effective(pod, nonZeroRequestsOf);
