// The engine's log streams. One container: kubectl logs with reconnects. A workload: every pod its
// selector matches, polled so pods that appear later join, each line tagged with its source and the
// whole merged in timestamp order (LogBatcher holds lines briefly so sources can catch up).
import type { LogBatch, LogLine, LogOptions, LogSource, LogStreamParams, WorkloadLogParams } from '../../../shared/bridge/methods-logs';
import type { StreamSink } from '../../engine/bridge/router';
import { BridgeFailure, toBridgeError } from '../../engine/bridge/errors';
import type { KubeHttp } from '../cache/kube-http';
import { LogBatcher, type BatcherClock } from './batcher';
import { ContainerLogStream, type ContainerStreamOptions } from './container-stream';
import { workloadPods } from './workload';

export interface LogsServiceOptions extends ContainerStreamOptions {
  /** how often a followed workload looks for new pods */
  pollMs?: number;
  /** how long merged lines wait for the other pods */
  holdMs?: number;
  clock?: BatcherClock;
  /** at most this many containers per workload stream, like kubectl's --max-log-requests */
  maxSources?: number;
}

const podPath = (ns: string, pod?: string): string => `/api/v1/namespaces/${encodeURIComponent(ns)}/pods${pod ? `/${encodeURIComponent(pod)}` : ''}`;

interface PodSpecLike {
  containers?: { name: string }[];
  initContainers?: { name: string }[];
  ephemeralContainers?: { name: string }[];
}

/** the container kubectl would pick: the default-container annotation, else the first */
export function defaultContainer(pod: { metadata?: { annotations?: Record<string, string> }; spec?: PodSpecLike }): string | undefined {
  return pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'] ?? pod.spec?.containers?.[0]?.name;
}

function containersOf(pod: any): NonNullable<LogBatch['containers']> {
  const restarts = new Map<string, number>(([...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])] as { name: string; restartCount?: number }[]).map((s) => [s.name, s.restartCount ?? 0]));
  const spec: PodSpecLike = pod.spec ?? {};
  return [...(spec.initContainers ?? []).map((c) => ({ name: c.name, init: true })), ...(spec.containers ?? []).map((c) => ({ name: c.name })), ...(spec.ephemeralContainers ?? []).map((c) => ({ name: c.name }))].map((c) => ({
    ...c,
    restarts: restarts.get(c.name) ?? 0,
  }));
}

const optionsOf = (p: LogOptions): LogOptions => ({ follow: p.follow, previous: p.previous, timestamps: p.timestamps, sinceSeconds: p.sinceSeconds, sinceTime: p.sinceTime, tailLines: p.tailLines, limitBytes: p.limitBytes });

export class LogsService {
  constructor(
    private readonly http: KubeHttp,
    private readonly options: LogsServiceOptions = {},
  ) {}

  async stream(p: LogStreamParams, sink: StreamSink<LogBatch>): Promise<LogBatch> {
    const pod = await this.http.json(p.clusterId, { path: podPath(p.namespace, p.pod) });
    const containers = containersOf(pod);
    const container = p.container || defaultContainer(pod);
    if (!container || !containers.some((c) => c.name === container)) throw new BridgeFailure('BadRequest', `container ${container ?? '""'} is not valid for pod ${p.pod}`);
    const batcher = new LogBatcher((b) => sink.send(b), { clock: this.options.clock });
    const abort = new AbortController();
    void sink.closed.then(() => abort.abort());
    const stream = new ContainerLogStream(this.http, { clusterId: p.clusterId, namespace: p.namespace, pod: p.pod, container }, optionsOf(p), (line) => batcher.push(line), this.options);
    stream.run(abort.signal).then(
      () => (batcher.close(), sink.end()),
      (err) => {
        // the view shows the error above the lines; one place is enough
        batcher.close();
        sink.end(toBridgeError(err));
      },
    );
    return { lines: [], sources: [{ pod: p.pod, container }], containers, container };
  }

  async streamWorkload(p: WorkloadLogParams, sink: StreamSink<LogBatch>): Promise<LogBatch> {
    const { selector, containers } = await workloadPods(this.http, p.clusterId, p.namespace, p.kind, p.name);
    const hold = this.options.holdMs ?? 150;
    // the pods' tails arrive one request each: hold them together long enough to interleave them
    const batcher = new LogBatcher((b) => sink.send(b), { holdMs: Math.max(hold, 1000), clock: this.options.clock });
    setTimeout(() => batcher.setHold(hold), 1000).unref();
    const abort = new AbortController();
    void sink.closed.then(() => abort.abort());
    const run = new WorkloadRun(this, p, selector, batcher, abort.signal);
    // the first list is part of the answer, so a bad selector or a forbidden list fails the request
    await run.poll(true);
    run.loop().then(
      () => (batcher.close(), sink.end()),
      (err) => (batcher.close(), sink.end(toBridgeError(err))),
    );
    return { lines: [], containers };
  }

  /** @internal for WorkloadRun */
  openContainer(p: WorkloadLogParams, pod: string, container: string, options: LogOptions, emit: (l: LogLine) => void, signal: AbortSignal): Promise<void> {
    return new ContainerLogStream(this.http, { clusterId: p.clusterId, namespace: p.namespace, pod, container }, options, emit, this.options).run(signal);
  }

  /** @internal */
  listPods(p: WorkloadLogParams, selector: string): Promise<any[]> {
    return this.http.json(p.clusterId, { path: podPath(p.namespace), query: { labelSelector: selector } }).then((l) => l?.items ?? []);
  }

  get settings(): LogsServiceOptions {
    return this.options;
  }
}

/** one workload stream: which pods have joined, and the container streams still running */
class WorkloadRun {
  private readonly joined = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private sources = 0;
  private capped = false;

  constructor(
    private readonly service: LogsService,
    private readonly p: WorkloadLogParams,
    private readonly selector: string,
    private readonly batcher: LogBatcher,
    private readonly signal: AbortSignal,
  ) {}

  async poll(first: boolean): Promise<void> {
    const pods = (await this.service.listPods(this.p, this.selector)).sort((a, b) => String(a.metadata?.creationTimestamp).localeCompare(String(b.metadata?.creationTimestamp)) || String(a.metadata?.name).localeCompare(String(b.metadata?.name)));
    for (const pod of pods) {
      const uid = pod.metadata?.uid ?? pod.metadata?.name;
      if (this.joined.has(uid) || pod.metadata?.deletionTimestamp) continue;
      this.joined.add(uid);
      for (const c of containersOf(pod)) if (this.p.container ? c.name === this.p.container : !c.init) this.start(pod.metadata.name, c.name, first);
    }
  }

  async loop(): Promise<void> {
    const pollMs = this.service.settings.pollMs ?? 2000;
    while (this.p.follow && !this.p.previous && !this.signal.aborted) {
      await new Promise((r) => setTimeout(r, pollMs));
      if (!this.signal.aborted) await this.poll(false).catch(() => undefined); // a failed list is retried next round
    }
    await Promise.all(this.running);
  }

  private start(pod: string, container: string, first: boolean): void {
    const max = this.service.settings.maxSources ?? 100;
    if (this.sources >= max) {
      if (!this.capped) this.batcher.push({ text: `showing the first ${max} containers; ${pod} and later pods are not followed`, marker: 'info' });
      this.capped = true;
      return;
    }
    const src = this.sources++;
    const source: LogSource = { pod, container };
    this.batcher.addSource(source);
    if (!first) this.batcher.push({ text: `${pod}/${container} joined`, marker: 'joined', src });
    // a pod that appears later is new: all of its log belongs to the view, whatever tail/since said
    const options = first ? optionsOf(this.p) : { ...optionsOf(this.p), tailLines: undefined, sinceSeconds: undefined, sinceTime: undefined };
    const emit = (line: LogLine) => this.batcher.push({ ...line, src });
    const done = this.service
      .openContainer(this.p, pod, container, options, emit, this.signal)
      .catch((err) => emit({ text: `${pod}/${container}: ${toBridgeError(err).message}`, marker: 'error' }))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }
}
