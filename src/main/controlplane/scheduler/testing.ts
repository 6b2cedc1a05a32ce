// Builders for nodes and pods in tests and benchmarks: real API shapes, terse to write.
import type { Container, Node, Pod, PodSpec, Taint } from './api';
import { Snapshot } from './snapshot/snapshot';
import { newPodInfo, type PodInfo } from './snapshot/pod-info';
import type { CycleState } from './framework/types';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
  extra?: Record<string, string>;
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  return {
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...o.labels } },
    spec: { unschedulable: o.unschedulable, taints: o.taints },
    status: {
      allocatable: { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: String(o.pods ?? 110), ...o.extra },
      images: o.images,
    },
  };
}

export interface PodOptions extends Partial<PodSpec> {
  namespace?: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  image?: string;
  creationTimestamp?: string;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const { namespace, labels, cpu, memory, image, creationTimestamp, ...spec } = o;
  const requests: Record<string, string> = {};
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  const container: Container = { name: 'c', image: image ?? 'app', resources: { requests } };
  return {
    metadata: { name, namespace: namespace ?? 'default', uid: `uid-${name}`, labels, creationTimestamp },
    spec: { containers: [container], schedulerName: 'default-scheduler', ...spec },
  };
}

/** A snapshot with nodes and pods already bound (pods name their node in spec.nodeName). */
export function makeSnapshot(nodes: Node[], pods: Pod[] = []): Snapshot {
  const s = new Snapshot();
  for (const n of nodes) s.upsertNode(n);
  for (const p of pods) s.upsertPod(p);
  return s;
}

export function cycleState(snapshot: Snapshot, pod: Pod): CycleState & { pod: PodInfo } {
  return { pod: newPodInfo(pod), snapshot, data: new Map() };
}

export const on = (nodeName: string, pod: Pod): Pod => ({ ...pod, spec: { ...pod.spec, nodeName } });
