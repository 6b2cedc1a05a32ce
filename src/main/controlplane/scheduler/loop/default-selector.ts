// What PodTopologySpread's system defaults spread by: upstream's DefaultSelector, the selectors of the
// Services, ReplicationControllers, ReplicaSets and StatefulSets that select the pod, ANDed together.
import type { SharedInformerFactory } from '../../client/informer-factory';
import type { Obj } from '../../client/api-client';
import type { Labels, LabelSelector, Pod } from '../api';
import { compileLabelSelector, type LabelPredicate } from '../selectors';

type Compile = (o: Obj) => LabelPredicate | null;

/** Listers hand out frozen shared objects, so a compiled selector can be kept per object. */
function cached(compile: Compile): Compile {
  const memo = new WeakMap<Obj, LabelPredicate | null>();
  return (o) => {
    if (!memo.has(o)) memo.set(o, compile(o));
    return memo.get(o)!;
  };
}

const fromMap = (m: Labels | undefined): LabelPredicate | null => (m && Object.keys(m).length ? compileLabelSelector({ matchLabels: m }) : null);
const fromSelector = (s: LabelSelector | undefined): LabelPredicate | null => (s ? compileLabelSelector(s) : null);

/** served(apiVersion, kind): only kinds the API server serves get an informer, or its sync would never end. */
export function defaultSpreadSelector(
  informers: SharedInformerFactory,
  served: (apiVersion: string, kind: string) => boolean,
  kinds = DEFAULT_KINDS,
): (pod: Pod) => LabelPredicate | null {
  const sources = kinds.filter(([apiVersion, kind]) => served(apiVersion, kind)).map(([apiVersion, kind, compile]) => ({ lister: informers.informerFor(apiVersion, kind).lister, compile: cached(compile) }));
  return (pod) => {
    const labels = pod.metadata.labels ?? {};
    const ns = pod.metadata.namespace ?? 'default';
    const selecting: LabelPredicate[] = [];
    for (const { lister, compile } of sources) {
      for (const o of lister.namespace(ns).list()) {
        const p = compile(o);
        if (p && p(labels)) selecting.push(p);
      }
    }
    if (selecting.length === 0) return null;
    return (l) => selecting.every((p) => p(l));
  };
}

export const DEFAULT_KINDS: [string, string, Compile][] = [
  ['v1', 'Service', (o) => fromMap(o.spec?.selector)],
  ['v1', 'ReplicationController', (o) => fromMap(o.spec?.selector)],
  ['apps/v1', 'ReplicaSet', (o) => fromSelector(o.spec?.selector)],
  ['apps/v1', 'StatefulSet', (o) => fromSelector(o.spec?.selector)],
];
