// PodTopologySpread: spread matching pods over zones, hosts or any node label.
import type { Plugin } from '../framework/types';
import { spreadFilter, spreadPreFilter } from './topology-spread/filter';
import { spreadNormalize, spreadPreScore, spreadScore } from './topology-spread/score';

export const podTopologySpread: Plugin = {
  name: 'PodTopologySpread',
  preFilter: spreadPreFilter,
  filter: spreadFilter,
  preScore: spreadPreScore,
  score: spreadScore,
  normalizeScore: spreadNormalize,
};
