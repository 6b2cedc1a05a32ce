// deploy.watch: a workload's rollout as the user watches it after Deploy — replicas Ready, each
// pod's phase, and, for a pod that is stuck, why (explain-pod.ts) with the crashed container's last
// log lines. Watches tell it when to read again; a poll once a second is the safety net.
import type { RolloutPod, RolloutState } from '../../../shared/bridge/methods-deploy';
import type { KubeHttp } from '../cache/kube-http';
import { crashedContainer, explainPod } from './explain-pod';

type Obj = Record<string, any>;

const PATHS: Record<RolloutState['kind'], string> = {
  Deployment: '/apis/apps/v1/namespaces/{ns}/deployments/{name}',
  StatefulSet: '/apis/apps/v1/namespaces/{ns}/statefulsets/{name}',
  DaemonSet: '/apis/apps/v1/namespaces/{ns}/daemonsets/{name}',
  CronJob: '/apis/batch/v1/namespaces/{ns}/cronjobs/{name}',
};

const POLL_MS = 1000;
const NUDGE_MS = 50;
const TAIL_LINES = 10;

export const selectorText = (sel: Obj | undefined): string =>
  [
    ...Object.entries(sel?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`),
    ...(sel?.matchExpressions ?? []).map((e: Obj) =>
      e.operator === 'Exists' ? e.key : e.operator === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`,
    ),
  ].join(',');

export interface RolloutTarget {
  clusterId: string;
  kind: RolloutState['kind'];
  namespace: string;
  name: string;
}

export class RolloutWatch {
  constructor(private readonly http: KubeHttp) {}

  /** the rollout now */
  async state(t: RolloutTarget): Promise<RolloutState> {
    const path = PATHS[t.kind].replace('{ns}', encodeURIComponent(t.namespace)).replace('{name}', encodeURIComponent(t.name));
    const workload = await this.http.json(t.clusterId, { path });
    const podSelector = t.kind === 'CronJob' ? { matchLabels: workload.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {} } : workload.spec?.selector;
    const list = await this.http.json(t.clusterId, { path: `/api/v1/namespaces/${encodeURIComponent(t.namespace)}/pods`, query: { labelSelector: selectorText(podSelector) } });
    const pods: RolloutPod[] = [];
    for (const pod of (list.items ?? []) as Obj[]) pods.push(await this.withLogTail(t, pod, explainPod(pod)));
    pods.sort((a, b) => a.name.localeCompare(b.name));
    return { ...t, ...progress(t.kind, workload, pods), pods };
  }

  /**
   * sends the state whenever it changes until `closed` resolves: read again as soon as a watch on
   * the namespace's pods or on the workload reports a change (coalesced over NUDGE_MS), and at
   * least every POLL_MS in case a watch is not served or dropped
   */
  async follow(t: RolloutTarget, send: (s: RolloutState) => void, closed: Promise<void>): Promise<void> {
    let open = true;
    let wake: (() => void) | undefined;
    const aborter = new AbortController();
    void closed.then(() => {
      open = false;
      aborter.abort();
      wake?.();
    });
    // a change seen while a read is under way makes the next read start at once
    let pending = false;
    const nudge = () => {
      pending = true;
      wake?.();
    };
    const ns = encodeURIComponent(t.namespace);
    const workloads = PATHS[t.kind].replace('{ns}', ns).replace('/{name}', '');
    for (const [path, query] of [[`/api/v1/namespaces/${ns}/pods`, {}], [workloads, { fieldSelector: `metadata.name=${t.name}` }]] as const) {
      void this.http.stream(t.clusterId, { path, query: { ...query, watch: 1, timeoutSeconds: 600 } }, nudge, aborter.signal).catch(() => undefined);
    }
    let last = '';
    while (open) {
      if (!pending) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, POLL_MS);
        });
      }
      wake = undefined;
      pending = false;
      await new Promise((r) => setTimeout(r, NUDGE_MS));
      if (!open) return;
      try {
        const s = await this.state(t);
        const text = JSON.stringify(s);
        if (text !== last) send(s);
        last = text;
      } catch {
        // a dropped connection: keep polling, the connection layer reconnects
      }
    }
  }

  private async withLogTail(t: RolloutTarget, pod: Obj, explained: RolloutPod): Promise<RolloutPod> {
    const container = crashedContainer(pod);
    if (!container) return explained;
    try {
      const { res } = await this.http.open(t.clusterId, {
        path: `/api/v1/namespaces/${encodeURIComponent(t.namespace)}/pods/${encodeURIComponent(pod.metadata.name)}/log`,
        query: { container, previous: true, tailLines: TAIL_LINES },
      });
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      if ((res.statusCode ?? 500) >= 300) return explained;
      const lines = Buffer.concat(chunks).toString('utf8').split('\n').filter((l) => l !== '');
      return { ...explained, logTail: lines.slice(-TAIL_LINES) };
    } catch {
      return explained;
    }
  }
}

function progress(kind: RolloutState['kind'], w: Obj, pods: RolloutPod[]): Pick<RolloutState, 'desired' | 'ready' | 'updated' | 'done' | 'summary'> {
  if (kind === 'CronJob') {
    const last = w.status?.lastSuccessfulTime;
    const summary = last ? `runs on "${w.spec.schedule}"; last run succeeded at ${last}` : `runs on "${w.spec.schedule}"; waiting for its first run`;
    return { desired: 0, ready: 0, updated: 0, done: Boolean(last), summary };
  }
  const desired = kind === 'DaemonSet' ? w.status?.desiredNumberScheduled ?? 0 : w.spec?.replicas ?? 1;
  const ready = kind === 'DaemonSet' ? w.status?.numberReady ?? 0 : w.status?.readyReplicas ?? 0;
  const updated = kind === 'DaemonSet' ? w.status?.updatedNumberScheduled ?? 0 : kind === 'StatefulSet' ? w.status?.updatedReplicas ?? w.status?.currentReplicas ?? 0 : w.status?.updatedReplicas ?? 0;
  const live = pods.filter((p) => p.phase !== 'Terminating').length;
  const done = ready >= desired && updated >= desired && live === desired && (w.status?.observedGeneration ?? 0) >= (w.metadata?.generation ?? 0);
  const stuck = pods.filter((p) => p.problem && !p.problem.startsWith('running, waiting')).length;
  const summary = done ? `${ready} of ${desired} Ready` : `${ready} of ${desired} Ready${stuck ? `; ${stuck} pod${stuck === 1 ? '' : 's'} need${stuck === 1 ? 's' : ''} attention` : ''}`;
  return { desired, ready, updated, done, summary };
}
