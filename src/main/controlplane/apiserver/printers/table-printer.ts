// The TablePrinter the API server uses for as=Table: a built-in printer per kind, CRD printer columns
// for custom resources, and NAME + CREATED AT (upstream's default table convertor) for anything else.
import type { ResourceInfo } from '../resources/types';
import { hpaPrinter } from './autoscaling';
import { cronJobPrinter, jobPrinter } from './batch';
import { bindingPrinter, createdAtPrinter, leasePrinter, podDisruptionBudgetPrinter } from './cluster';
import type { KindPrinter, Obj } from './columns';
import { configMapPrinter, limitRangePrinter, namespacePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core';
import { customColumns, DEFAULT_CUSTOM_COLUMNS, type AdditionalPrinterColumn } from './custom';
import { eventPrinter } from './event';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './network';
import { nodePrinter } from './node';
import { podPrinter } from './pod';
import { priorityClassPrinter } from './scheduling';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage';
import type { TableColumnDefinition, TablePrinter } from './types';
import { controllerRevisionPrinter, daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workloads';

const BUILTIN: Record<string, KindPrinter> = {
  '/Pod': podPrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/ConfigMap': configMapPrinter,
  '/Secret': secretPrinter,
  '/Node': nodePrinter,
  '/Event': eventPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/PersistentVolume': persistentVolumePrinter,
  '/PersistentVolumeClaim': persistentVolumeClaimPrinter,
  '/ResourceQuota': resourceQuotaPrinter,
  '/LimitRange': limitRangePrinter,
  '/Namespace': namespacePrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/StatefulSet': statefulSetPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  'apps/ControllerRevision': controllerRevisionPrinter,
  'batch/Job': jobPrinter,
  'batch/CronJob': cronJobPrinter,
  'autoscaling/HorizontalPodAutoscaler': hpaPrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'networking.k8s.io/IngressClass': ingressClassPrinter,
  'networking.k8s.io/NetworkPolicy': networkPolicyPrinter,
  'discovery.k8s.io/EndpointSlice': endpointSlicePrinter,
  'policy/PodDisruptionBudget': podDisruptionBudgetPrinter,
  'rbac.authorization.k8s.io/Role': createdAtPrinter,
  'rbac.authorization.k8s.io/ClusterRole': createdAtPrinter,
  'rbac.authorization.k8s.io/RoleBinding': bindingPrinter,
  'rbac.authorization.k8s.io/ClusterRoleBinding': bindingPrinter,
  'storage.k8s.io/StorageClass': storageClassPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
  'scheduling.k8s.io/PriorityClass': priorityClassPrinter,
  'events.k8s.io/Event': eventPrinter,
  'apiextensions.k8s.io/CustomResourceDefinition': createdAtPrinter,
};

/** Looks up a custom resource's additionalPrinterColumns (served by the CRD controller); undefined when it has none. */
export type CustomColumnsLookup = (resource: ResourceInfo) => AdditionalPrinterColumn[] | undefined;

export class KindTablePrinter implements TablePrinter {
  // Custom printers are rebuilt only when the CRD's column list object changes.
  private readonly customCache = new WeakMap<AdditionalPrinterColumn[], KindPrinter>();

  constructor(private readonly customColumnsFor: CustomColumnsLookup = () => undefined) {}

  columns(resource: ResourceInfo): TableColumnDefinition[] {
    return this.printerFor(resource).columns;
  }

  cells(resource: ResourceInfo, obj: Obj, now: Date): unknown[] {
    return this.printerFor(resource).cells(obj, now);
  }

  private printerFor(resource: ResourceInfo): KindPrinter {
    if (!resource.custom) {
      const builtin = BUILTIN[`${resource.group}/${resource.kind}`];
      if (builtin) return builtin;
    }
    if (!resource.custom) return createdAtPrinter;
    const declared = this.customColumnsFor(resource);
    const columns = declared && declared.length > 0 ? declared : DEFAULT_CUSTOM_COLUMNS;
    let printer = this.customCache.get(columns);
    if (!printer) {
      printer = customColumns(columns);
      this.customCache.set(columns, printer);
    }
    return printer;
  }
}
