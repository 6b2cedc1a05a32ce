// Static binding (upstream's findMatchingVolume): the smallest Available volume of the claim's class
// that is big enough, offers every access mode asked for, has the same volume mode, matches the
// claim's selector and, when the consumer's node is known, is reachable from that node. A volume
// pre-bound to this claim (claimRef) wins.
import { quantityValueOr } from '../../../shared/k8s/quantity';
import type { Obj } from '../client';
import { nodeMatches } from './daemonset-placement';
import { labelSelectorMatches } from './util/selector-match';

const capacityOf = (pv: Obj): number => quantityValueOr(pv.spec?.capacity?.storage, 0);

const preboundTo = (pv: Obj, claim: Obj): boolean => {
  const ref = pv.spec?.claimRef;
  return Boolean(ref && ref.name === claim.metadata.name && ref.namespace === claim.metadata.namespace && (!ref.uid || ref.uid === claim.metadata.uid));
};

/** the volume's node affinity against a node, read as a pod's required node affinity */
export const volumeReachableFrom = (pv: Obj, node: Obj | undefined): boolean =>
  !node || !pv.spec?.nodeAffinity?.required || nodeMatches({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pv.spec.nodeAffinity.required } } }, node);

function fits(pv: Obj, claim: Obj, className: string, node: Obj | undefined): boolean {
  if (pv.metadata.deletionTimestamp) return false;
  if (pv.spec?.claimRef && !preboundTo(pv, claim)) return false;
  if ((pv.spec?.storageClassName ?? '') !== className) return false;
  if ((pv.spec?.volumeMode ?? 'Filesystem') !== (claim.spec?.volumeMode ?? 'Filesystem')) return false;
  const modes: string[] = pv.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m: string) => modes.includes(m))) return false;
  if (capacityOf(pv) < quantityValueOr(claim.spec?.resources?.requests?.storage, 0)) return false;
  if (claim.spec?.selector && !labelSelectorMatches(claim.spec.selector, pv.metadata.labels)) return false;
  return volumeReachableFrom(pv, node);
}

export function findMatchingVolume(volumes: Obj[], claim: Obj, className: string, node?: Obj): Obj | undefined {
  const candidates = volumes.filter((pv) => fits(pv, claim, className, node));
  const prebound = candidates.find((pv) => preboundTo(pv, claim));
  if (prebound) return prebound;
  return candidates.sort((a, b) => capacityOf(a) - capacityOf(b))[0];
}
