// A colour hint per row, read from the printed cells the way a person reads kubectl get.
import type { ViewColumn } from '../../../shared/bridge/types';

export type Health = 'ok' | 'warning' | 'error';
type Cells = (string | number | boolean | null)[];

const cell = (columns: ViewColumn[], cells: Cells, name: string): string | undefined => {
  const i = columns.findIndex((c) => c.name.toLowerCase() === name);
  return i >= 0 && cells[i] !== null && cells[i] !== undefined ? String(cells[i]) : undefined;
};

const POD_OK = new Set(['Running', 'Completed', 'Succeeded']);
const POD_WARNING = /^(Pending|ContainerCreating|PodInitializing|Terminating|Init:\d+\/\d+|NotReady|Unknown|SchedulingGated)$/;

const pod = (status: string | undefined): Health | undefined => {
  if (!status) return undefined;
  if (POD_OK.has(status)) return 'ok';
  if (POD_WARNING.test(status)) return 'warning';
  // CrashLoopBackOff, Error, ImagePullBackOff, ErrImagePull, OOMKilled, Evicted, Init:Error…
  return 'error';
};

const node = (status: string | undefined): Health | undefined => {
  if (!status) return undefined;
  if (/NotReady|Unknown/.test(status)) return 'error';
  if (status.includes('SchedulingDisabled')) return 'warning';
  return 'ok';
};

const ready = (value: string | undefined): Health | undefined => {
  const m = /^(\d+)\/(\d+)$/.exec(value ?? '');
  if (!m) return undefined;
  return Number(m[1]) < Number(m[2]) ? 'warning' : 'ok';
};

export const healthOf = (plural: string, columns: ViewColumn[], cells: Cells): Health | undefined => {
  switch (plural) {
    case 'pods':
      return pod(cell(columns, cells, 'status'));
    case 'nodes':
      return node(cell(columns, cells, 'status'));
    case 'events': {
      const type = cell(columns, cells, 'type');
      return type === 'Warning' ? 'warning' : type === 'Normal' ? 'ok' : undefined;
    }
    case 'deployments':
    case 'statefulsets':
    case 'replicasets':
      return ready(cell(columns, cells, 'ready'));
    default:
      return undefined;
  }
};
