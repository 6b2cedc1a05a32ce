// The Node object an agent registers and the status it reports, as kubelet's node status setters
// fill them (capacity, allocatable, labels, addresses, conditions with upstream's reasons, nodeInfo).
import { arch } from 'node:os';
import { timestamp } from '../client';
import { KUBELET_VERSION, SIMULATED_LABEL, type NodeConfig } from './node-config';

type Obj = Record<string, any>;

const goArch = (): string => ({ x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386' })[arch() as string] ?? arch();

export function nodeLabels(c: NodeConfig): Record<string, string> {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': goArch(),
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': goArch(),
    'kubernetes.io/hostname': c.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': c.simulated ? 'wheelhouse-simulated' : 'wheelhouse-local',
  };
  if (c.zone) labels['topology.kubernetes.io/zone'] = c.zone;
  if (c.region) labels['topology.kubernetes.io/region'] = c.region;
  if (c.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  if (c.simulated) labels[SIMULATED_LABEL] = 'true';
  return { ...labels, ...c.labels };
}

const condition = (type: string, ok: boolean, reason: string, message: string, now: string): Obj => ({
  type,
  status: ok ? 'True' : 'False',
  lastHeartbeatTime: now,
  lastTransitionTime: now,
  reason,
  message,
});

/** the five conditions of a healthy kubelet, with upstream's reasons and messages */
export function healthyConditions(nowMs: number): Obj[] {
  const now = timestamp(nowMs);
  return [
    condition('NetworkUnavailable', false, 'RouteCreated', 'RouteController created a route', now),
    condition('MemoryPressure', false, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available', now),
    condition('DiskPressure', false, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure', now),
    condition('PIDPressure', false, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available', now),
    condition('Ready', true, 'KubeletReady', 'kubelet is posting ready status', now),
  ];
}

/** keeps lastTransitionTime of conditions whose status did not change, as kubelet does */
export function mergeConditions(old: Obj[] | undefined, next: Obj[]): Obj[] {
  return next.map((c) => {
    const before = old?.find((o) => o.type === c.type);
    return before && before.status === c.status ? { ...c, lastTransitionTime: before.lastTransitionTime } : c;
  });
}

export function nodeStatus(c: NodeConfig, runtimeVersion: string, nowMs: number, old?: Obj): Obj {
  const resources = { cpu: c.cpu, memory: c.memory, pods: String(c.pods), 'ephemeral-storage': c.ephemeralStorage };
  return {
    capacity: resources,
    allocatable: resources,
    conditions: mergeConditions(old?.conditions, healthyConditions(nowMs)),
    addresses: [
      { type: 'InternalIP', address: c.internalIP },
      { type: 'Hostname', address: c.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: c.kubeletPort ?? 10250 } },
    nodeInfo: {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: c.simulated ? 'simulated' : 'wheelhouse',
      osImage: c.simulated ? 'Wheelhouse simulated node' : 'Wheelhouse',
      containerRuntimeVersion: runtimeVersion,
      kubeletVersion: KUBELET_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      operatingSystem: 'linux',
      architecture: goArch(),
    },
    images: old?.images ?? [],
  };
}

export function nodeObject(c: NodeConfig, runtimeVersion: string, nowMs: number): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: c.name, labels: nodeLabels(c), annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' } },
    spec: { podCIDR: c.podCIDR, podCIDRs: [c.podCIDR], ...(c.taints.length ? { taints: c.taints } : {}) },
    status: nodeStatus(c, runtimeVersion, nowMs),
  };
}
