// A DaemonSet's RollingUpdate (upstream daemon/update.go rollingUpdate): without surge, old pods are
// deleted while no more than maxUnavailable nodes lack an available pod (unavailable old pods go at
// once); with maxSurge, a new pod starts beside the old one on up to maxSurge nodes, and the old one
// is deleted when the new one is available.
import type { Obj } from '../client';
import { isUpdated, scaled } from './daemonset-pods';
import { isPodAvailable, isTerminating } from './util/pod-health';

export interface RolloutInput {
  ds: Obj;
  hash: string;
  /** nodes that should run the daemon pod → their pods (oldest first) */
  nodePods: Map<string, Obj[]>;
  desired: number;
  nowMs: number;
}

export interface RolloutPlan {
  deletePods: Obj[];
  createOnNodes: string[];
}

export function rolloutLimits(ds: Obj, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = scaled(ru.maxSurge, desired, 0);
  let maxUnavailable = scaled(ru.maxUnavailable, desired, 1);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** the one updated and one old pod on a node; undefined when there are more than one of either */
function split(pods: Obj[], hash: string): { fresh?: Obj; old?: Obj } | undefined {
  const live = pods.filter((p) => !isTerminating(p));
  const fresh = live.filter((p) => isUpdated(p, hash));
  const old = live.filter((p) => !isUpdated(p, hash));
  if (fresh.length > 1 || old.length > 1) return undefined;
  return { fresh: fresh[0], old: old[0] };
}

export function planRollout(input: RolloutInput): RolloutPlan {
  const { maxSurge, maxUnavailable } = rolloutLimits(input.ds, input.desired);
  return maxSurge > 0 ? surgeRollout(input, maxSurge) : replaceRollout(input, maxUnavailable);
}

function replaceRollout({ ds, hash, nodePods, nowMs }: RolloutInput, maxUnavailable: number): RolloutPlan {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let unavailable = 0;
  const replaceNow: Obj[] = [];
  const candidates: Obj[] = [];
  for (const pods of nodePods.values()) {
    const found = split(pods, hash);
    if (!found) {
      unavailable++;
      continue;
    }
    const { fresh, old } = found;
    if (!old) {
      if (!fresh || !isPodAvailable(fresh, minReady, nowMs)) unavailable++;
      continue;
    }
    if (fresh) continue;
    if (!isPodAvailable(old, minReady, nowMs)) replaceNow.push(old);
    else if (unavailable < maxUnavailable) candidates.push(old);
  }
  const room = Math.max(0, maxUnavailable - unavailable);
  return { deletePods: [...replaceNow, ...candidates.slice(0, room)], createOnNodes: [] };
}

function surgeRollout({ ds, hash, nodePods, nowMs }: RolloutInput, maxSurge: number): RolloutPlan {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let surging = 0;
  const deletePods: Obj[] = [];
  const createNow: string[] = [];
  const candidates: string[] = [];
  for (const [node, pods] of nodePods) {
    const found = split(pods, hash);
    if (!found?.old) continue;
    const { fresh, old } = found;
    if (!fresh) {
      (isPodAvailable(old, minReady, nowMs) ? candidates : createNow).push(node);
    } else if (isPodAvailable(fresh, minReady, nowMs)) {
      deletePods.push(old);
    } else {
      surging++;
    }
  }
  const room = Math.max(0, maxSurge - surging);
  return { deletePods, createOnNodes: [...createNow, ...candidates.slice(0, room)] };
}
