// The bridge methods of click-to-deploy, the overview and the events view. Applying the
// manifests themselves goes through manifest.dryRun / manifest.apply (manifests/).
import type { BridgeRouter } from '../../engine/bridge/router';
import { KubeHttp, type KubeConfigSource } from '../cache/kube-http';
import { EventsService } from '../events/events-service';
import { OverviewService } from '../overview/overview-service';
import { RolloutWatch } from './rollout-watch';

export function registerDeploy(router: BridgeRouter, deps: { kubeconfigs: KubeConfigSource }): void {
  const http = new KubeHttp(deps.kubeconfigs);
  const rollouts = new RolloutWatch(http);
  const overview = new OverviewService(http);
  const events = new EventsService(http);
  router.stream('deploy.watch', async (p, sink) => {
    const first = await rollouts.state(p);
    void rollouts.follow(p, (s) => sink.send(s), sink.closed);
    return first;
  });
  router.handle('overview.get', (p) => overview.get(p.clusterId));
  router.stream('events.watch', (p, sink) => events.watch(p, sink));
}
