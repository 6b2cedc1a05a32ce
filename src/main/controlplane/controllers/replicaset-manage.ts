// Brings a ReplicaSet's pod count to spec.replicas, as upstream's manageReplicas: at most 500 changes
// per sync, creates in slow-start batches (1, 2, 4, …, stopping at the first failing batch, so a
// quota refusal costs one request rather than hundreds), deletes the cheapest pods first.
import { controllerReference, type KubeObject } from '../../../shared/k8s/objects';
import { StatusError } from '../../../shared/k8s/status';
import type { ApiClient, EventRecorder, Obj } from '../client';
import type { Expectations } from './util/expectations';
import { podsToDelete } from './util/pod-ranking';

const BURST_REPLICAS = 500;

export interface ManageDeps {
  client: ApiClient;
  recorder: EventRecorder;
  expectations: Expectations;
}

/**
 * Throws the first create/delete error after doing what it could. `related` gives the pods of the
 * ReplicaSet's siblings (same owner), asked for only when deleting: pods doubled up on a node with
 * them go first.
 */
export async function manageReplicas(deps: ManageDeps, rs: Obj, key: string, pods: Obj[], related: () => Obj[]): Promise<void> {
  const diff = pods.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) await createPods(deps, rs, key, Math.min(-diff, BURST_REPLICAS));
  else if (diff > 0) await deletePods(deps, rs, key, podsToDelete(pods, related(), Math.min(diff, BURST_REPLICAS)));
}

async function createPods(deps: ManageDeps, rs: Obj, key: string, count: number): Promise<void> {
  deps.expectations.expectCreations(key, count);
  let created = 0;
  let firstError: unknown;
  for (let batch = 1; created < count && !firstError; batch *= 2) {
    const size = Math.min(batch, count - created);
    const results = await Promise.allSettled(Array.from({ length: size }, () => createPod(deps, rs)));
    for (const r of results) {
      if (r.status === 'fulfilled') created++;
      else firstError ??= r.reason;
    }
  }
  // Pods never created will never be observed.
  if (created < count) deps.expectations.creationObserved(key, count - created);
  if (firstError) throw firstError;
}

async function createPod(deps: ManageDeps, rs: Obj): Promise<void> {
  const template = rs.spec?.template ?? {};
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
      ...(template.metadata?.finalizers ? { finalizers: [...template.metadata.finalizers] } : {}),
      ownerReferences: [controllerReference(rs as KubeObject)],
    },
    spec: structuredClone(template.spec ?? {}),
  };
  try {
    const created = await deps.client.create(pod);
    deps.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  } catch (err) {
    deps.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${(err as Error).message}`);
    throw err;
  }
}

async function deletePods(deps: ManageDeps, rs: Obj, key: string, victims: Obj[]): Promise<void> {
  deps.expectations.expectDeletions(key, victims.map((p) => p.metadata.uid));
  let firstError: unknown;
  await Promise.all(
    victims.map(async (pod) => {
      try {
        await deps.client.delete('v1', 'Pod', pod.metadata.namespace, pod.metadata.name, { preconditions: { uid: pod.metadata.uid } });
        deps.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      } catch (err) {
        deps.expectations.deletionObserved(key, pod.metadata.uid);
        if (err instanceof StatusError && err.code === 404) return;
        deps.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${(err as Error).message}`);
        firstError ??= err;
      }
    }),
  );
  if (firstError) throw firstError;
}
