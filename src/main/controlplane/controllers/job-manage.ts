// Creates and deletes a Job's pods towards the wanted number of active ones (upstream's manageJob).
import type { ApiClient, EventRecorder, Obj } from '../client';
import type { PodExpectations } from './job-expectations';
import { indexOf, isIndexed, isReady, newJobPod, parseIndexes } from './job-pods';

export interface ManageDeps {
  client: ApiClient;
  recorder: EventRecorder;
  expectations: PodExpectations;
  /** pods this controller deleted: their end is not a failure of the Job */
  deletedByController: Set<string>;
}

/** how many pods should be running now */
export function wantedActive(job: Obj, status: Obj, active: number): number {
  const parallelism = job.spec.parallelism ?? 1;
  const completions = job.spec.completions;
  const succeeded = status.succeeded ?? 0;
  if (completions === undefined || completions === null) return succeeded > 0 ? Math.min(active, parallelism) : parallelism;
  const remaining = isIndexed(job) ? completions - parseIndexes(status.completedIndexes).size : completions - succeeded;
  return Math.max(0, Math.min(parallelism, remaining));
}

export async function manageJob(deps: ManageDeps, key: string, job: Obj, status: Obj, active: Obj[]): Promise<void> {
  const want = wantedActive(job, status, active.length);
  if (active.length > want) return deletePods(deps, key, job, pickExcess(active, active.length - want));
  if (active.length < want) await createPods(deps, key, job, indexesToCreate(job, status, active, want - active.length));
}

/** NonIndexed: n undefined entries; Indexed: the lowest indexes neither completed nor running */
function indexesToCreate(job: Obj, status: Obj, active: Obj[], n: number): (number | undefined)[] {
  if (!isIndexed(job)) return Array.from({ length: n }, () => undefined);
  const taken = new Set([...parseIndexes(status.completedIndexes), ...active.map(indexOf).filter((i) => i !== undefined)]);
  const out: number[] = [];
  for (let i = 0; i < job.spec.completions && out.length < n; i++) if (!taken.has(i)) out.push(i);
  return out;
}

async function createPods(deps: ManageDeps, key: string, job: Obj, indexes: (number | undefined)[]): Promise<void> {
  if (indexes.length === 0) return;
  deps.expectations.expect(key, indexes.length, []);
  const results = await Promise.allSettled(indexes.map((i) => deps.client.create(newJobPod(job, i))));
  let failure: unknown;
  for (const r of results) {
    if (r.status === 'fulfilled') {
      deps.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${r.value.metadata.name}`);
    } else {
      deps.expectations.creationObserved(key);
      failure ??= r.reason;
      deps.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${(r.reason as Error).message}`);
    }
  }
  if (failure) throw failure;
}

/** not-ready and newest go first, as upstream's ActivePods ordering */
function pickExcess(active: Obj[], n: number): Obj[] {
  const rank = (p: Obj) => (isReady(p) ? 1 : 0);
  return [...active].sort((a, b) => rank(a) - rank(b) || String(b.metadata.creationTimestamp).localeCompare(String(a.metadata.creationTimestamp))).slice(0, n);
}

export async function deletePods(deps: ManageDeps, key: string, job: Obj, pods: Obj[]): Promise<void> {
  if (pods.length === 0) return;
  deps.expectations.expect(key, 0, pods.map((p) => p.metadata.uid));
  const results = await Promise.allSettled(pods.map((p) => deps.client.delete('v1', 'Pod', p.metadata.namespace, p.metadata.name)));
  let failure: unknown;
  results.forEach((r, i) => {
    const pod = pods[i];
    if (r.status === 'fulfilled') deps.deletedByController.add(pod.metadata.uid);
    if (r.status === 'fulfilled') return deps.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    deps.expectations.deletionObserved(key, pod.metadata.uid);
    if ((r.reason as { code?: number }).code !== 404) failure ??= r.reason;
  });
  if (failure) throw failure;
}
