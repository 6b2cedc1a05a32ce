// apps/v1 printers: Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision.
import {
  ageColumn, col, containerCells, containersColumn, formatLabels, formatLabelSelector, imagesColumn, int, nameColumn, selectorColumn,
  selectorString, type KindPrinter, type Obj,
} from './columns';
import { since } from './duration';

const templateCells = (obj: Obj): string[] => {
  const [names, images] = containerCells(obj.spec?.template?.spec?.containers);
  return [names, images, formatLabelSelector(obj.spec?.selector)];
};

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Ready', 'string', 'Number of the pod with ready state'),
    col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    selectorColumn(),
  ],
  cells: (d, now) => [
    d.metadata?.name ?? '',
    `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
    int(d.status?.updatedReplicas),
    int(d.status?.availableReplicas),
    since(d.metadata?.creationTimestamp, now),
    // Deployments print the raw selector string, without FormatLabelSelector's "<none>".
    ...containerCells(d.spec?.template?.spec?.containers),
    selectorString(d.spec?.selector),
  ],
};

export const replicaSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Desired', 'integer', 'Replicas is the number of desired pods.'),
    col('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    col('Ready', 'integer', 'The number of ready replicas for this replica set.'),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    selectorColumn(),
  ],
  cells: (rs, now) => [
    rs.metadata?.name ?? '',
    int(rs.spec?.replicas),
    int(rs.status?.replicas),
    int(rs.status?.readyReplicas),
    since(rs.metadata?.creationTimestamp, now),
    ...templateCells(rs),
  ],
};

export const statefulSetPrinter: KindPrinter = {
  columns: [nameColumn(), col('Ready', 'string', 'Number of the pod with ready state'), ageColumn(), containersColumn(), imagesColumn()],
  cells: (s, now) => [
    s.metadata?.name ?? '',
    `${int(s.status?.readyReplicas)}/${int(s.spec?.replicas)}`,
    since(s.metadata?.creationTimestamp, now),
    ...containerCells(s.spec?.template?.spec?.containers),
  ],
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).'),
    col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    col('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    col('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    selectorColumn(),
  ],
  cells: (ds, now) => [
    ds.metadata?.name ?? '',
    int(ds.status?.desiredNumberScheduled),
    int(ds.status?.currentNumberScheduled),
    int(ds.status?.numberReady),
    int(ds.status?.updatedNumberScheduled),
    int(ds.status?.numberAvailable),
    formatLabels(ds.spec?.template?.spec?.nodeSelector),
    since(ds.metadata?.creationTimestamp, now),
    ...templateCells(ds),
  ],
};

/** upstream formatResourceName for an owner reference: "daemonset.apps/name" */
function controllerName(obj: Obj): string {
  const ref = (obj.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
  if (!ref) return '<none>';
  if (!ref.kind) return ref.name;
  const apiVersion: string = ref.apiVersion ?? '';
  const groupName = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return `${(groupName ? `${ref.kind}.${groupName}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    nameColumn(),
    col('Controller', 'string', 'Controller of the object'),
    col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    ageColumn(),
  ],
  cells: (cr, now) => [cr.metadata?.name ?? '', controllerName(cr), int(cr.revision), since(cr.metadata?.creationTimestamp, now)],
};
