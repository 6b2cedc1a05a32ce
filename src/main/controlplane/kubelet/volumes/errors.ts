// Why a pod's volumes could not be set up. The runtime keeps the pod's containers Waiting
// (ContainerCreating) and records a FailedMount Warning with this message, as kubelet does.
export class VolumeError extends Error {
  constructor(
    readonly reason: 'FailedMount',
    message: string,
  ) {
    super(message);
    this.name = 'VolumeError';
  }
}

/** kubelet's wording: MountVolume.SetUp failed for volume "cfg" : configmap "app" not found */
export const setUpFailed = (volume: string, why: string): VolumeError => new VolumeError('FailedMount', `MountVolume.SetUp failed for volume "${volume}" : ${why}`);

/** a problem inside one volume's source; the caller wraps it with the volume's name */
export class SourceError extends Error {}
