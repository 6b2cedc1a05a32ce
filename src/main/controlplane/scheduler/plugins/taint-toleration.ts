// TaintToleration: NoSchedule/NoExecute taints must be tolerated; untolerated PreferNoSchedule
// taints lower the score (fewer is better, hence the reversed normalization).
import type { Taint, Toleration } from '../api';
import type { Plugin } from '../framework/types';
import { unresolvable } from '../framework/status';
import { defaultNormalizeScore } from '../framework/normalize';
import { toleratedBy } from './tolerations';

const NAME = 'TaintToleration';

export const untoleratedTaintReason = (t: Taint): string => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

export const taintToleration: Plugin = {
  name: NAME,
  filter(state, node) {
    const tolerations = state.pod.pod.spec.tolerations ?? [];
    for (const taint of node.node?.spec?.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (!toleratedBy(tolerations, taint)) return unresolvable(untoleratedTaintReason(taint));
    }
    return null;
  },
  preScore(state) {
    const prefer = (state.pod.pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    state.data.set(NAME, prefer);
    return null;
  },
  score(state, node) {
    const prefer = state.data.get(NAME) as Toleration[];
    let n = 0;
    for (const taint of node.node?.spec?.taints ?? []) {
      if (taint.effect === 'PreferNoSchedule' && !toleratedBy(prefer, taint)) n++;
    }
    return n;
  },
  normalizeScore(_state, scores) {
    defaultNormalizeScore(scores, true);
  },
};
