// Which runtime each node of the built-in cluster gets: simulated nodes share the simulated runtime
// (the pool's default); local nodes run host processes unless the user asked for
// `--local-runtime simulated` (big fake clusters, machines where processes must not run).
import type { ApiClient, Clock, Logger, Obj } from '../client';
import { EventRecorder } from '../client';
import type { NodeConfig } from './node-config';
import { ProbeManager } from './probes';
import { ProcessRuntime } from './runtimes/process';
import { SimulatedRuntime } from './runtimes/simulated/runtime';
import type { PodRuntime } from './runtimes/types';
import { createPodSandboxes } from './sandbox';
import { PodVolumes } from './volumes';

export type LocalRuntimeKind = 'process' | 'simulated';
export const LOCAL_RUNTIMES: readonly LocalRuntimeKind[] = ['process', 'simulated'];

export interface LocalRuntimeOptions {
  kind: LocalRuntimeKind;
  /** pods' folders go under <dataDir>/pods; undefined: a temporary folder per node, removed on stop */
  dataDir?: string;
  /** the node's own client (system:node:<name>) */
  clientFor(nodeName: string): ApiClient;
  clock: Clock;
  logger: Logger;
  /** pods share the host network even where per-pod namespaces would work (tests, benches) */
  hostNetwork?: boolean;
}

/** the pool's runtimeFor: a ProcessRuntime per local node, one shared SimulatedRuntime for the others */
export function localRuntimeFor(o: LocalRuntimeOptions): (config: NodeConfig) => PodRuntime {
  let simulated: SimulatedRuntime | undefined;
  return (config) => {
    if (config.simulated || o.kind === 'simulated') return (simulated ??= new SimulatedRuntime({ clock: o.clock }));
    const client = o.clientFor(config.name);
    const recorder = new EventRecorder({ client, component: 'kubelet', host: config.name, clock: o.clock, logger: o.logger });
    const { clock, logger } = o;
    const event = (pod: Obj, type: 'Normal' | 'Warning', reason: string, message: string): void => recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, type, reason, message);
    return new ProcessRuntime({
      client,
      sandboxes: createPodSandboxes({ nodeName: config.name, podCIDR: config.podCIDR, logger, nodeIP: config.internalIP, prefer: o.hostNetwork ? 'host' : undefined }),
      volumes: new PodVolumes({ client, clock, logger }),
      probes: (onChange) => new ProbeManager({ clock, logger, onChange, record: event }),
      clock,
      logger,
      dataDir: o.dataDir,
      event,
    });
  };
}
