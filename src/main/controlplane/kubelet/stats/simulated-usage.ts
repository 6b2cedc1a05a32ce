// Usage for pods on simulated nodes, which run nothing: a steady share of each container's request
// (or of a small default), different per pod and drifting slowly, so `kubectl top`, the HPA and the
// overview charts have believable numbers on a cluster of fake nodes. Deterministic per pod uid.
import { quantityMilliValueOr } from '../../../../shared/k8s/quantity';
import type { ContainerUsage } from './types';

type Obj = Record<string, any>;

const DEFAULT_CPU_MILLI = 20;
const DEFAULT_MEMORY_BYTES = 32 * 1024 * 1024;

/** FNV-1a of the uid, as a number in [0, 1) */
const unit = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) / 2 ** 32;
};

export function simulatedContainerUsage(pod: Obj, nowMs: number): ContainerUsage[] {
  const seed = unit(String(pod.metadata?.uid ?? pod.metadata?.name));
  // 20–70 % of the request, ±10 % over a period of a few minutes
  const share = 0.2 + 0.5 * seed + 0.1 * Math.sin(nowMs / 60_000 + seed * 6.28);
  return (pod.spec?.containers ?? []).map((c: Obj) => {
    const cpuMilli = quantityMilliValueOr(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu, DEFAULT_CPU_MILLI);
    const memory = quantityMilliValueOr(c.resources?.requests?.memory ?? c.resources?.limits?.memory, DEFAULT_MEMORY_BYTES * 1000) / 1000;
    return { name: c.name, cpuNanoCores: Math.round(cpuMilli * share * 1e6), memoryWorkingSetBytes: Math.round(memory * (0.5 + share / 2)) };
  });
}
