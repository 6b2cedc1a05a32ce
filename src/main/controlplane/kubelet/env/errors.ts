// Why a container's environment could not be made. The runtime shows it as the container's
// Waiting reason/message and in a Failed event, as kubelet does ("Error: configmap "app" not found").
export class EnvError extends Error {
  readonly reason = 'CreateContainerConfigError';
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}
