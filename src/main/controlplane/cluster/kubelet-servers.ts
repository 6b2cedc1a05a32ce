// One kubelet server per local node whose runtime serves streams (logs, exec, attach,
// port-forward). Each listens on 127.0.0.1 at a free port before its node registers, so the Node
// reports that port in status.daemonEndpoints.kubeletEndpoint.Port, where the API server finds it.
// Only the API server holds the token the servers accept.
import type { ApiClient, Logger } from '../client';
import type { NodeConfig, PodRuntime } from '../kubelet';
import { KubeletServer } from '../kubelet/server/server';
import type { ContainerStreams } from '../kubelet/server/types';

type RuntimeFor = (config: NodeConfig) => PodRuntime;

const servesStreams = (r: PodRuntime | undefined): r is PodRuntime & ContainerStreams =>
  !!r && typeof (r as Partial<ContainerStreams>).exec === 'function' && typeof (r as Partial<ContainerStreams>).logFiles === 'function';

export interface KubeletServersOptions {
  token: string;
  /** the node's own client (system:node:<name>), to look pods up */
  clientFor(nodeName: string): ApiClient;
  logger: Logger;
}

export class KubeletServers {
  private readonly runtimes = new Map<string, ContainerStreams>();
  private readonly servers: KubeletServer[] = [];

  constructor(private readonly o: KubeletServersOptions) {}

  /** wraps the pool's runtimeFor, remembering which local nodes have a runtime that serves streams */
  track(runtimeFor: RuntimeFor | undefined): RuntimeFor | undefined {
    if (!runtimeFor) return undefined;
    return (config) => {
      const runtime = runtimeFor(config);
      if (!config.simulated && servesStreams(runtime)) this.runtimes.set(config.name, runtime);
      return runtime;
    };
  }

  /** starts the servers; each config gets its kubeletPort before the node registers */
  async start(configs: NodeConfig[]): Promise<void> {
    await Promise.all(
      configs.map(async (config) => {
        const streams = this.runtimes.get(config.name);
        if (!streams) return;
        const client = this.o.clientFor(config.name);
        const server = new KubeletServer({
          nodeName: config.name,
          token: this.o.token,
          streams,
          logger: this.o.logger,
          getPod: (namespace, name) => client.get('v1', 'Pod', namespace, name).catch(() => undefined),
        });
        this.servers.push(server);
        config.kubeletPort = await server.listen();
      }),
    );
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.splice(0).map((s) => s.close()));
  }
}
