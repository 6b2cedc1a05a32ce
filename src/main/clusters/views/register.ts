// The bridge methods of views, objects, manifests, actions and access, over one KubeConfigSource.
import type { BridgeRouter } from '../../engine/bridge/router';
import { AccessService } from '../access/access-service';
import { triggerCronJob } from '../actions/cronjob-trigger';
import { NodeActions } from '../actions/nodes';
import { RolloutActions } from '../actions/rollout';
import { WorkloadActions } from '../actions/workload-actions';
import { KubeHttp, type KubeConfigSource } from '../cache/kube-http';
import { CacheRegistry, type CacheRegistryOptions } from '../cache/registry';
import { ManifestService } from '../manifests/manifest-service';
import { SchemaService } from '../manifests/schema';
import { KindResolver } from '../objects/kinds';
import { ObjectService } from '../objects/object-service';
import { RelatedService } from '../objects/related';
import { ViewService } from './view-service';
import type { Schedule } from './view';

export interface ResourcesDeps {
  /** the connection layer (ConnectionManager) */
  kubeconfigs: KubeConfigSource;
  caches?: CacheRegistryOptions;
  schedule?: Schedule;
  now?: () => Date;
}

export interface RegisteredResources {
  caches: CacheRegistry;
  dispose(): void;
}

export function registerResources(router: BridgeRouter, deps: ResourcesDeps): RegisteredResources {
  const http = new KubeHttp(deps.kubeconfigs);
  const now = deps.now ?? (() => new Date());
  const caches = new CacheRegistry(http, deps.kubeconfigs, deps.caches);
  const views = new ViewService(caches, deps.schedule);
  const kinds = new KindResolver(http, () => now().getTime());
  const objects = new ObjectService(http);
  const related = new RelatedService(http, kinds);
  const manifests = new ManifestService(http, kinds);
  const schemas = new SchemaService(http);
  const workloads = new WorkloadActions(http, now);
  const nodes = new NodeActions(http);
  const rollouts = new RolloutActions(http);
  const access = new AccessService(http, () => now().getTime());

  router.stream('view.subscribe', async (spec, sink, conn) => views.subscribe(spec, sink, conn));
  router.handle('view.update', async (p, conn) => views.update(conn, p.subscriptionId, p.spec));

  router.handle('object.get', (p) => objects.get(p.clusterId, p.ref, p.reveal));
  router.handle('object.yaml', (p) => objects.yaml(p.clusterId, p.ref, p.reveal));
  router.handle('object.events', (p) => objects.events(p.clusterId, p.ref));
  router.handle('object.related', (p) => related.related(p.clusterId, p.ref));

  router.handle('manifest.diff', (p) => manifests.diff(p.clusterId, p.yaml, p.namespace));
  router.handle('manifest.dryRun', (p) => manifests.apply(p.clusterId, p.yaml, { namespace: p.namespace, dryRun: true }));
  router.handle('manifest.apply', (p) => manifests.apply(p.clusterId, p.yaml, { namespace: p.namespace, dryRun: false, force: p.force }));
  router.handle('schema.forKind', (p) => schemas.forKind(p.clusterId, p.apiVersion, p.kind));

  router.handle('action.delete', (p) => workloads.delete(p.clusterId, p.ref, p.propagation, p.gracePeriodSeconds));
  router.handle('action.scale', (p) => workloads.scale(p.clusterId, p.ref, p.replicas));
  router.handle('action.restart', (p) => workloads.restart(p.clusterId, p.ref));
  router.handle('action.suspend', (p) => workloads.suspend(p.clusterId, p.ref, p.suspend));
  router.handle('action.rollback', (p) => rollouts.rollback(p.clusterId, p.ref, p.revision));
  router.handle('action.revisions', async (p) => (await rollouts.revisions(p.clusterId, p.ref)).map(({ template: _t, ...r }) => r));
  router.handle('action.cordon', (p) => nodes.cordon(p.clusterId, p.node, p.unschedulable));
  router.handle('action.drain', (p) => nodes.drain(p.clusterId, p.node, p));
  router.handle('action.trigger', (p) => triggerCronJob(http, p.clusterId, p.ref));

  router.handle('access.check', (p) => access.check(p.clusterId, p.checks));

  return { caches, dispose: () => caches.dispose() };
}
