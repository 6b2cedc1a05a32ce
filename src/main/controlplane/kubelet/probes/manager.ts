// The probes of every running container on the local node. The runtime tracks each container
// instance when it starts and asks status() when it reports; onChange says when to ask again.
import type { Clock, Logger, Obj } from '../../client';
import type { ContainerHealth, ProbeKind, ProbeOutcome, ProbeTarget } from './types';
import { ProbeWorker } from './worker';

export interface ProbeManagerOptions {
  clock: Clock;
  logger: Logger;
  onChange(podUid: string): void;
  record(pod: Obj, type: 'Warning', reason: 'Unhealthy', message: string): void;
}

const KINDS: [ProbeKind, string][] = [
  ['startup', 'startupProbe'],
  ['liveness', 'livenessProbe'],
  ['readiness', 'readinessProbe'],
];
const TITLE: Record<ProbeKind, string> = { startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness' };

interface Tracked {
  pod: Obj;
  containerID: string;
  health: ContainerHealth;
  workers: ProbeWorker[];
}

export class ProbeManager {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly o: ProbeManagerOptions) {}

  /** one running container instance; idempotent per (podUid, container name, containerID) */
  track(pod: Obj, container: Obj, containerID: string, startedAtMs: number, target: ProbeTarget): void {
    const uid: string = pod.metadata.uid;
    const key = `${uid}/${container.name}`;
    const existing = this.tracked.get(key);
    if (existing?.containerID === containerID) {
      // the newest pod object: a deletionTimestamp pauses liveness and startup probes
      existing.pod = pod;
      return;
    }
    this.stop(key);
    const hasStartup = !!container.startupProbe;
    const health: ContainerHealth = { started: !hasStartup, ready: !hasStartup && !container.readinessProbe };
    const t: Tracked = { pod, containerID, health, workers: [] };
    this.tracked.set(key, t);
    for (const [kind, field] of KINDS) {
      const probe = container[field];
      if (!probe) continue;
      const worker = new ProbeWorker(kind, probe, container, target, {
        clock: this.o.clock,
        // Upstream stops liveness and startup probes of a pod being deleted: it is going away anyway.
        mayRun: (k) => (k === 'readiness' ? t.health.started : !t.pod.metadata?.deletionTimestamp && (k === 'startup' || t.health.started)),
        failed: (k, outcome) => this.failed(t, k, outcome),
        verdict: (k, success) => this.verdict(t, container, k, success, probe),
      });
      t.workers.push(worker);
      worker.start(startedAtMs);
    }
  }

  untrack(podUid: string, containerName?: string): void {
    for (const key of [...this.tracked.keys()]) {
      if (containerName === undefined ? key.startsWith(`${podUid}/`) : key === `${podUid}/${containerName}`) this.stop(key);
    }
  }

  status(podUid: string, containerName: string): ContainerHealth {
    const t = this.tracked.get(`${podUid}/${containerName}`);
    return t ? { ...t.health } : { started: false, ready: false };
  }

  /** resolves once no probe is running (tests use it to let real round trips finish under a fake clock) */
  async settled(): Promise<void> {
    const running = [...this.tracked.values()].flatMap((t) => t.workers.map((w) => w.inFlight)).filter((p) => p !== undefined);
    await Promise.all(running);
  }

  close(): void {
    for (const key of [...this.tracked.keys()]) this.stop(key);
  }

  private stop(key: string): void {
    const t = this.tracked.get(key);
    if (!t) return;
    for (const w of t.workers) w.stop();
    this.tracked.delete(key);
  }

  private failed(t: Tracked, kind: ProbeKind, outcome: ProbeOutcome): void {
    this.o.record(t.pod, 'Warning', 'Unhealthy', `${TITLE[kind]} probe failed: ${outcome.message ?? ''}`);
  }

  private verdict(t: Tracked, container: Obj, kind: ProbeKind, success: boolean, probe: Obj): void {
    const h = t.health;
    const before = JSON.stringify(h);
    if (kind === 'startup' && success) {
      h.started = true;
      if (!container.readinessProbe) h.ready = true;
    } else if (kind === 'readiness') {
      h.ready = success;
    } else if (!success) {
      h.livenessFailed = `Container ${container.name} failed ${kind} probe, will be restarted`;
      if (typeof probe.terminationGracePeriodSeconds === 'number') h.killGracePeriodSeconds = probe.terminationGracePeriodSeconds;
    }
    if (JSON.stringify(h) !== before) this.o.onChange(t.pod.metadata.uid);
  }
}
