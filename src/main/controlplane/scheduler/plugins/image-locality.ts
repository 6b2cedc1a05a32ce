// ImageLocality: prefer nodes that already hold the pod's images, weighted by image size and by how
// widely the image is spread (so one node with every image does not attract everything).
import type { Plugin } from '../framework/types';
import { MAX_NODE_SCORE } from '../framework/types';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityScore(sum: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sum, MIN_THRESHOLD), max);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
}

export const imageLocality: Plugin = {
  name: 'ImageLocality',
  score(state, node) {
    const total = state.snapshot.nodes().length;
    let sum = 0;
    for (const image of state.pod.images) {
      const size = node.images.get(image);
      if (size === undefined) continue;
      sum += Math.trunc(size * (state.snapshot.nodesWithImage(image) / total));
    }
    return imageLocalityScore(sum, state.pod.images.length);
  },
};
