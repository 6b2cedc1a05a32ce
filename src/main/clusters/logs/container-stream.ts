// One container's log, as `kubectl logs [-f]` reads it, but it does not give up when the stream
// drops. A followed stream that ends while the pod still runs (network cut, apiserver restart,
// container restart) is opened again from the last timestamp seen; the lines already delivered are
// dropped (ResumePoint) and the view gets a "reconnected" marker instead.
import type { IncomingMessage } from 'node:http';
import type { LogLine, LogOptions } from '../../../shared/bridge/methods-logs';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { KubeHttp } from '../cache/kube-http';
import { LineSplitter, ResumePoint, resumeSinceTime, splitTimestamp } from './lines';

export interface ContainerRef {
  clusterId: string;
  namespace: string;
  pod: string;
  container: string;
}

export interface ContainerStreamOptions {
  /** waits between attempts; tests pass shorter ones */
  backoffMs?: { first: number; max: number };
}

// The kubelet's words for a container that has not started yet: wait for it rather than fail.
const WAITING = /waiting to start|ContainerCreating|PodInitializing|is not available|has not started/i;

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const wake = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', wake);
      resolve();
    };
    const t = setTimeout(wake, ms);
    signal.addEventListener('abort', wake, { once: true });
  });

const podPath = (r: ContainerRef): string => `/api/v1/namespaces/${encodeURIComponent(r.namespace)}/pods/${encodeURIComponent(r.pod)}`;

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return (JSON.parse(text) as { message?: string }).message ?? text;
  } catch {
    return text;
  }
}

export class ContainerLogStream {
  private readonly point = new ResumePoint();
  private readonly backoff: { first: number; max: number };
  /** the server has answered 200 once: later failures are drops to ride out */
  private opened = false;

  constructor(
    private readonly http: KubeHttp,
    private readonly ref: ContainerRef,
    private readonly options: LogOptions,
    private readonly emit: (line: LogLine) => void,
    opts: ContainerStreamOptions = {},
  ) {
    this.backoff = opts.backoffMs ?? { first: 250, max: 5000 };
  }

  /** resolves when the log is complete (not following, container finished, pod gone, aborted) */
  async run(signal: AbortSignal): Promise<void> {
    const follow = !!this.options.follow && !this.options.previous;
    let wait = this.backoff.first;
    let resumed = false;
    let waitingShown = false;
    while (!signal.aborted) {
      let delivered = 0;
      try {
        delivered = await this.attempt(signal, resumed);
      } catch (err) {
        if (signal.aborted) return;
        const message = (err as Error).message;
        // before the first answer a failure is the answer (kubectl logs fails too); after it, a drop
        if (!follow || !(err instanceof Retry) || (!this.opened && !WAITING.test(message))) throw err;
        if (WAITING.test(message) && !waitingShown) this.emit({ text: message, marker: 'waiting' });
        waitingShown = waitingShown || WAITING.test(message);
      }
      if (!follow || signal.aborted) return;
      const done = await this.finished(signal);
      if (done) return this.emit({ text: done, marker: 'ended' });
      wait = delivered ? this.backoff.first : Math.min(wait * 2, this.backoff.max);
      await sleep(wait, signal);
      resumed = resumed || delivered > 0 || this.point.timestamp !== undefined;
    }
  }

  /** one request; returns how many new lines it delivered */
  private async attempt(signal: AbortSignal, resumed: boolean): Promise<number> {
    const o = this.options;
    const since = resumed && this.point.timestamp ? { sinceTime: resumeSinceTime(this.point.timestamp) } : { sinceSeconds: o.sinceTime ? undefined : o.sinceSeconds, sinceTime: o.sinceTime, tailLines: o.tailLines };
    const query = { container: this.ref.container, follow: o.follow && !o.previous ? true : undefined, previous: o.previous || undefined, timestamps: true, limitBytes: o.limitBytes, ...since };
    let res: IncomingMessage;
    try {
      ({ res } = await this.http.open(this.ref.clusterId, { path: `${podPath(this.ref)}/log`, query, accept: '*/*' }, signal));
    } catch (err) {
      throw new Retry((err as Error).message);
    }
    const status = res.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      const message = await readBody(res).catch(() => `HTTP ${status}`);
      // 400 while the container is being created, 5xx while the server or the node is away
      if ((status === 400 && WAITING.test(message)) || status >= 500 || status === 429) throw new Retry(message);
      throw new BridgeFailure(status === 404 ? 'NotFound' : status === 403 ? 'Forbidden' : 'BadRequest', message, { code: status });
    }
    this.opened = true;
    if (resumed) this.point.startReplay();
    // the marker goes with the first line the drop would have lost: a container waiting in back-off
    // serves its last instance again and again, and that is not news
    return this.read(res, resumed);
  }

  private async read(res: IncomingMessage, resumed: boolean): Promise<number> {
    const splitter = new LineSplitter();
    let delivered = 0;
    const deliver = (raw: string) => {
      const line = splitTimestamp(raw);
      if (!this.point.isNew(line)) return;
      this.point.seen(line);
      if (resumed && !delivered) this.emit({ text: `reconnected to ${this.ref.pod}/${this.ref.container}`, marker: 'reconnected' });
      delivered++;
      this.emit(line.ts ? { text: line.text, ts: line.ts } : { text: line.text });
    };
    try {
      for await (const chunk of res) for (const raw of splitter.push(chunk as Buffer)) deliver(raw);
    } catch {
      // the connection dropped mid-stream: what arrived stays delivered, run() decides what next
    }
    for (const raw of splitter.end()) deliver(raw);
    return delivered;
  }

  /** why the followed log is over for good, or undefined when it may continue */
  private async finished(signal: AbortSignal): Promise<string | undefined> {
    if (signal.aborted) return undefined;
    try {
      const pod = await this.http.json(this.ref.clusterId, { path: podPath(this.ref) });
      const phase = pod?.status?.phase;
      if (pod?.metadata?.deletionTimestamp && isTerminated(pod, this.ref.container)) return `pod ${this.ref.pod} was deleted`;
      if (phase === 'Succeeded' || phase === 'Failed') return `${this.ref.pod}/${this.ref.container} finished (pod ${phase})`;
      return undefined;
    } catch (err) {
      if ((err as { code?: unknown }).code === 404) return `pod ${this.ref.pod} was deleted`;
      return undefined; // the server is away: keep trying
    }
  }
}

class Retry extends Error {}

function isTerminated(pod: any, container: string): boolean {
  const all = [...(pod?.status?.containerStatuses ?? []), ...(pod?.status?.initContainerStatuses ?? [])];
  const s = all.find((c: { name?: string }) => c?.name === container);
  return !s || !!s.state?.terminated;
}
