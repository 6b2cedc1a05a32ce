// The bridge methods of log streams (logs.stream, logs.streamWorkload).
import type { BridgeRouter } from '../../engine/bridge/router';
import type { KubeConfigSource } from '../cache/kube-http';
import { KubeHttp } from '../cache/kube-http';
import { LogsService, type LogsServiceOptions } from './logs-service';

export function registerLogs(router: BridgeRouter, deps: { kubeconfigs: KubeConfigSource; options?: LogsServiceOptions }): LogsService {
  const logs = new LogsService(new KubeHttp(deps.kubeconfigs), deps.options);
  router.stream('logs.stream', (p, sink) => logs.stream(p, sink));
  router.stream('logs.streamWorkload', (p, sink) => logs.streamWorkload(p, sink));
  return logs;
}
