// The disruption controller (upstream pkg/controller/disruption): keeps each PodDisruptionBudget's
// status (expected and healthy pods, allowed disruptions, the DisruptionAllowed condition) current,
// so `kubectl get pdb` and the app show what an eviction would be allowed to do. The eviction
// endpoint computes the same numbers itself when it decides, so a lagging status never lets too much go.
import type { ApiClient, Informer, Obj } from '../client';
import { timestamp, type Clock } from '../client';
import type { Controller, ControllerContext } from './types';
import { scaledValue } from './util/int-or-percent';
import { hasFinished, isPodReady, isTerminating } from './util/pod-health';

const key = (o: Obj): string => `${o.metadata.namespace}/${o.metadata.name}`;

export interface BudgetStatus {
  expectedPods: number;
  currentHealthy: number;
  desiredHealthy: number;
  disruptionsAllowed: number;
}

/** policy/v1: an empty selector selects every pod of the namespace, a missing one none */
export const selectedPods = (pdb: Obj, podsInNamespace: (selector: Obj) => Obj[]): Obj[] =>
  pdb.spec?.selector ? podsInNamespace(pdb.spec.selector).filter((p) => !hasFinished(p)) : [];

/** replicas of a pod's controller, undefined when it has none we know */
export type ScaleOf = (namespace: string, owner: Obj) => number | undefined;

/** upstream's getExpectedPodCount: an integer minAvailable counts pods, otherwise the controllers' replicas */
function expectedCount(pdb: Obj, pods: Obj[], scaleOf: ScaleOf): number {
  const spec = pdb.spec ?? {};
  if (spec.maxUnavailable === undefined && typeof (spec.minAvailable ?? 1) === 'number') return pods.length;
  const owners = new Map<string, number>();
  let bare = 0;
  for (const pod of pods) {
    const owner = (pod.metadata.ownerReferences ?? []).find((r: Obj) => r.controller === true);
    const replicas = owner ? scaleOf(pod.metadata.namespace, owner) : undefined;
    if (owner && replicas !== undefined) owners.set(owner.uid, replicas);
    else bare++;
  }
  return bare + [...owners.values()].reduce((a, b) => a + b, 0);
}

export function budgetStatus(pdb: Obj, pods: Obj[], scaleOf: ScaleOf = () => undefined): BudgetStatus {
  const expectedPods = expectedCount(pdb, pods, scaleOf);
  const currentHealthy = pods.filter((p) => !isTerminating(p) && isPodReady(p)).length;
  const spec = pdb.spec ?? {};
  const desiredHealthy =
    spec.maxUnavailable !== undefined && spec.maxUnavailable !== null
      ? Math.max(0, expectedPods - scaledValue(spec.maxUnavailable, expectedPods, true))
      : scaledValue(spec.minAvailable ?? 1, expectedPods, true);
  return { expectedPods, currentHealthy, desiredHealthy, disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy) };
}

export class DisruptionController implements Controller {
  readonly name = 'disruption';
  readonly component = 'controllermanager';
  private pdbs!: Informer;
  private pods!: Informer;
  private scalables = new Map<string, Informer>();
  private client!: ApiClient;
  private clock!: Clock;

  register(ctx: ControllerContext): void {
    this.client = ctx.client;
    this.clock = ctx.clock;
    this.pdbs = ctx.informers.informerFor('policy/v1', 'PodDisruptionBudget');
    this.pods = ctx.informers.informerFor('v1', 'Pod');
    for (const kind of ['ReplicaSet', 'StatefulSet']) this.scalables.set(kind, ctx.informers.informerFor('apps/v1', kind));
    const onPdb = (pdb: Obj) => ctx.queue.add(key(pdb));
    this.pdbs.addEventHandler({ onAdd: onPdb, onUpdate: (_o, n) => onPdb(n) });
    // a pod change can only matter to budgets of its own namespace
    const onPod = (pod: Obj) => {
      for (const pdb of this.pdbs.lister.namespace(pod.metadata.namespace).list()) ctx.queue.add(key(pdb));
    };
    this.pods.addEventHandler({ onAdd: onPod, onUpdate: (_o, n) => onPod(n), onDelete: onPod });
    // a scaled controller changes how many pods a maxUnavailable budget expects
    for (const informer of this.scalables.values()) informer.addEventHandler({ onUpdate: (_o, n) => onPod(n) });
  }

  async reconcile(k: string): Promise<void> {
    const pdb = this.pdbs.lister.get(k);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const pods = selectedPods(pdb, (selector) => this.pods.lister.namespace(pdb.metadata.namespace).list(selector));
    const next = this.statusOf(pdb, budgetStatus(pdb, pods, (ns, owner) => this.replicasOf(ns, owner)));
    if (JSON.stringify(next) === JSON.stringify(pdb.status ?? {})) return;
    const updated = structuredClone(pdb);
    updated.status = next;
    try {
      await this.client.updateStatus(updated);
    } catch (err) {
      // 404: deleted meanwhile; 409: a newer version is on its way to us and will be reconciled
      if (![404, 409].includes((err as { code?: number }).code ?? 0)) throw err;
    }
  }

  private replicasOf(namespace: string, owner: Obj): number | undefined {
    const found = this.scalables.get(owner.kind)?.lister.get(`${namespace}/${owner.name}`);
    return found && found.metadata.uid === owner.uid ? (found.spec?.replicas ?? 1) : undefined;
  }

  private statusOf(pdb: Obj, s: BudgetStatus): Obj {
    const allowed = s.disruptionsAllowed > 0;
    const old = (pdb.status?.conditions ?? []).find((c: Obj) => c.type === 'DisruptionAllowed');
    const status = allowed ? 'True' : 'False';
    const condition = {
      type: 'DisruptionAllowed',
      status,
      observedGeneration: pdb.metadata.generation,
      lastTransitionTime: old?.status === status ? old.lastTransitionTime : timestamp(this.clock.now()),
      reason: allowed ? 'SufficientPods' : 'InsufficientPods',
      message: '',
    };
    return {
      observedGeneration: pdb.metadata.generation,
      ...(pdb.status?.disruptedPods ? { disruptedPods: pdb.status.disruptedPods } : {}),
      disruptionsAllowed: s.disruptionsAllowed,
      currentHealthy: s.currentHealthy,
      desiredHealthy: s.desiredHealthy,
      expectedPods: s.expectedPods,
      conditions: [condition],
    };
  }
}

export const disruptionController = (): Controller => new DisruptionController();
