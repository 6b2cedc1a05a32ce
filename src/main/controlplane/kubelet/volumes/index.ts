// A pod's volumes as real files on the local node. See ../README.md ("Volumes, environment, probes").
export { PodVolumes } from './pod-volumes';
export type { PodVolumesOptions } from './pod-volumes';
export { VolumeError } from './errors';
export { writePayload } from './atomic-writer';
export type { Payload, FileProjection } from './atomic-writer';
export { volumeDir } from './mounts';
