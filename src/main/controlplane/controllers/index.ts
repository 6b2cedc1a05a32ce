// Every controller the controller manager runs, in the order upstream's kube-controller-manager
// starts them. Each engineer adds their factories on their own line(s) below.
import type { ControllerFactory } from './types';
import { deploymentController } from './deployment-controller';
import { replicaSetController } from './replicaset-controller';
import { cronJobController } from './cronjob';
import { garbageCollector } from './garbage-collector';
import { hpaController } from './hpa';
import { disruptionController } from './disruption';
import { jobController } from './job';
import { namespaceController } from './namespace';
import { resourceQuotaController } from './resourcequota';
import { serviceAccountController } from './serviceaccount';
import { ttlAfterFinishedController } from './job-ttl-after-finished';
import { statefulSetController } from './statefulset';
import { daemonSetController } from './daemonset';
import { persistentVolumeBinderController } from './pv-binder';
import { localPathStorageClassController } from './pv-storage-classes';
import { endpointsController } from './endpoints';
import { endpointSliceController } from './endpointslice';
import { nodeLifecycleController } from './node-lifecycle';

export const CONTROLLERS: ControllerFactory[] = [
  // workloads: deployment, replicaset
  deploymentController,
  replicaSetController,
  // workloads: statefulset, daemonset, persistentvolume-binder
  statefulSetController,
  daemonSetController,
  localPathStorageClassController,
  persistentVolumeBinderController,
  // batch and lifecycle: job, cronjob, garbage-collector, namespace, serviceaccount, resourcequota, horizontalpodautoscaling
  jobController,
  ttlAfterFinishedController,
  cronJobController,
  garbageCollector,
  namespaceController,
  serviceAccountController,
  resourceQuotaController,
  hpaController,
  disruptionController,
  // network and nodes: endpoints, endpointslice, node-lifecycle
  endpointsController,
  endpointSliceController,
  nodeLifecycleController,
];

export type { Controller, ControllerContext, ControllerFactory } from './types';
export { ControllerManager } from './manager';
