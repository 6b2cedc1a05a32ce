// InterPodAffinity: pods that want (or refuse) to share a topology domain with other pods.
import type { Plugin } from '../framework/types';
import { affinityFilter, affinityPreFilter } from './inter-pod-affinity/filter';
import { affinityNormalize, affinityPreScore, affinityScore } from './inter-pod-affinity/score';

export const interPodAffinity: Plugin = {
  name: 'InterPodAffinity',
  preFilter: affinityPreFilter,
  filter: affinityFilter,
  preScore: affinityPreScore,
  score: affinityScore,
  normalizeScore: affinityNormalize,
};
