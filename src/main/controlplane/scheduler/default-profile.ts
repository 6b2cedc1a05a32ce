// Upstream's default profile: the plugins in their order, with the v1 default score weights.
import type { Profile } from './framework/types';
import { nodeUnschedulable } from './plugins/node-unschedulable';
import { nodeName } from './plugins/node-name';
import { taintToleration } from './plugins/taint-toleration';
import { nodeAffinity } from './plugins/node-affinity';
import { nodePorts } from './plugins/node-ports';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import { podTopologySpread } from './plugins/pod-topology-spread';
import { interPodAffinity } from './plugins/inter-pod-affinity';
import { balancedAllocation } from './plugins/balanced-allocation';
import { imageLocality } from './plugins/image-locality';

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export function defaultProfile(overrides: Partial<Profile> = {}): Profile {
  return {
    schedulerName: DEFAULT_SCHEDULER_NAME,
    percentageOfNodesToScore: 0,
    plugins: [
      { plugin: nodeUnschedulable, weight: 0 },
      { plugin: nodeName, weight: 0 },
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      { plugin: nodePorts, weight: 0 },
      { plugin: nodeResourcesFit, weight: 1 },
      { plugin: podTopologySpread, weight: 2 },
      { plugin: interPodAffinity, weight: 2 },
      { plugin: balancedAllocation, weight: 1 },
      { plugin: imageLocality, weight: 1 },
    ],
    ...overrides,
  };
}
