// The `process` runtime of the local node: every container is a host process started through the
// pod's sandbox (../../sandbox), with its environment (../../env), volumes, CRI logs, restart backoff
// and graceful termination. Process exits reach the agent through onDidChange, so it re-syncs at once.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import type { ApiClient, Clock, Logger } from '../../../client';
import { containerEnv } from '../../env';
import type { PodSandboxes, SandboxMount } from '../../sandbox/types';
import type { ContainerLogFiles, ContainerStreams, ExecOptions, ExecSession, PodRef } from '../../server/types';
import type { ContainerProcess, ProcessTable } from '../../stats/types';
import type { NodeEnv, PodRuntime, RuntimeResult } from '../types';
import { SimulatedRuntime } from '../simulated/runtime';
import { RestartBackoff } from './backoff';
import { detectCgroups, type CgroupMode } from './cgroups';
import { execOnce, runHook, type HookTarget } from './hooks';
import type { ExitInfo, ProcessInstance } from './instance';
import { podDns } from './pod-dns';
import { syncContainers, type SyncDeps } from './pod-sync';
import { adoptStatuses, runtimePod, type ContainerRecord, type Health, type PodRecord } from './record';
import { stopContainer, stopPod, type StopDeps } from './stop';
import { attachTo, containerProcesses, execIn, logFilesOf, portForwardTo } from './streams';
import { terminatedState } from './terminated';

type Obj = Record<string, any>;

const isMirror = (pod: Obj): boolean => !!pod.metadata?.annotations?.['kubernetes.io/config.mirror'];

export const PROCESS_RUNTIME_VERSION = 'wheelhouse-process://1.0';

/** the probes part (../../probes ProbeManager): verdicts per running container instance */
export interface ContainerProbes {
  track(pod: Obj, container: Obj, containerID: string, startedAtMs: number, target: HookTarget): void;
  untrack(uid: string, container?: string): void;
  status(uid: string, container: string): Health & { livenessFailed?: string; killGracePeriodSeconds?: number };
  close(): void;
}

/** the volumes part (../../volumes PodVolumes): real files under the pod's folder */
export interface PodVolumeHooks {
  setUp(pod: Obj, podDir: string): Promise<void>;
  mountsFor(pod: Obj, container: Obj, podDir: string, env?: Record<string, string>): SandboxMount[];
  refresh(pod: Obj, podDir: string): Promise<void>;
  tearDown(podDir: string): Promise<void>;
}

export interface ProcessRuntimeOptions {
  /** the node's client (system:node:<name>), for configmaps, secrets and services in the environment */
  client: ApiClient;
  sandboxes: PodSandboxes | Promise<PodSandboxes>;
  clock: Clock;
  logger: Logger;
  /** pods live under <dataDir>/pods/<uid>; default a temporary folder removed on close */
  dataDir?: string;
  volumes?: PodVolumeHooks;
  /** makes the probe manager; it calls onChange(uid) when a verdict changes */
  probes?(onChange: (uid: string) => void): ContainerProbes;
  /** kubelet's events about a pod (hooks, sandbox failures); container starts are found from status */
  event?(pod: Obj, type: 'Normal' | 'Warning', reason: string, message: string): void;
  cgroups?: CgroupMode;
}

export class ProcessRuntime implements PodRuntime, ContainerStreams, ProcessTable {
  readonly version = PROCESS_RUNTIME_VERSION;
  readonly pods = new Map<string, PodRecord>();
  /** open exec sessions per pod uid, ended with their pod */
  private readonly execs = new Map<string, Set<ExecSession>>();
  private readonly listeners = new Set<(uid: string) => void>();
  private readonly backoff = new RestartBackoff();
  private readonly root: string;
  private readonly ownsRoot: boolean;
  private readonly cgroupMode: CgroupMode;
  private sandboxes?: PodSandboxes;
  private readonly probes?: ContainerProbes;
  /** mirror pods stand for the control plane, which runs in this very process: they are only simulated */
  private readonly mirrors: SimulatedRuntime;
  private readonly cleanups = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly o: ProcessRuntimeOptions) {
    this.ownsRoot = !o.dataDir;
    this.root = o.dataDir ?? mkdtempSync(join(tmpdir(), 'wheelhouse-pods-'));
    this.cgroupMode = o.cgroups ?? detectCgroups().mode;
    this.probes = o.probes?.((uid) => this.probeChanged(uid));
    this.mirrors = new SimulatedRuntime({ clock: o.clock });
  }

  onDidChange(listener: (uid: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async syncPod(pod: Obj, env: NodeEnv): Promise<RuntimeResult> {
    if (isMirror(pod)) return this.mirrors.syncPod(pod, env);
    const rec = await this.podRecord(pod, env);
    if (!rec.sandbox || this.closed) return { pod: this.runtimePod(rec, pod), requeueAfterMs: 5000 };
    const mounted = await this.mountVolumes(rec, pod);
    if (!mounted) return { pod: this.runtimePod(rec, pod), requeueAfterMs: 5000 };
    const requeueAfterMs = await syncContainers(rec, pod, this.syncDeps);
    return { pod: this.runtimePod(rec, pod), requeueAfterMs };
  }

  /** volumes are set up once (FailedMount until they can be), then refreshed on later syncs */
  private async mountVolumes(rec: PodRecord, pod: Obj): Promise<boolean> {
    if (!this.o.volumes) return true;
    try {
      if (rec.volumesReady) await this.o.volumes.refresh(pod, rec.podDir);
      else await this.o.volumes.setUp(pod, rec.podDir);
      rec.volumesReady = true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (rec.mountError !== message) this.o.event?.(pod, 'Warning', 'FailedMount', message);
      rec.mountError = message;
    }
    return !!rec.volumesReady;
  }

  async killPod(pod: Obj, gracePeriodMs: number, env: NodeEnv): Promise<RuntimeResult> {
    if (isMirror(pod)) return this.mirrors.killPod(pod, gracePeriodMs, env);
    const rec = this.pods.get(pod.metadata.uid);
    if (!rec) return { pod: { uid: pod.metadata.uid, initContainers: [], containers: [] } };
    rec.pod = pod;
    rec.terminating ??= stopPod(rec, pod, gracePeriodMs, this.stopDeps).catch((err) => this.o.logger.warn(`pod ${rec.namespace}/${rec.name}: stopping failed`, err));
    const result = this.runtimePod(rec, pod);
    const running = [...result.initContainers, ...result.containers].some((c) => c.state.running);
    return { pod: result, requeueAfterMs: running ? 1000 : undefined };
  }

  removePod(uid: string, env: NodeEnv): void {
    this.mirrors.removePod(uid, env);
    for (const session of this.execs.get(uid) ?? []) session.kill();
    this.execs.delete(uid);
    const rec = this.pods.get(uid);
    if (!rec) return;
    this.pods.delete(uid);
    this.backoff.forget(`${uid}/`);
    this.probes?.untrack(uid);
    // A sync still under way must not start anything more.
    rec.terminating ??= Promise.resolve();
    if (!rec.hostNetwork) env.releasePodIP(uid);
    const done = this.cleanUp(rec).finally(() => this.cleanups.delete(done));
    this.cleanups.add(done);
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.pods.values()];
    await Promise.all(all.map((rec) => stopPod(rec, rec.pod, 2000, this.stopDeps).catch(() => undefined)));
    await Promise.all(this.cleanups);
    await this.mirrors.close();
    this.probes?.close();
    await Promise.all(all.map((rec) => this.sandboxes?.destroy(rec.uid).catch(() => undefined)));
    await this.sandboxes?.close().catch(() => undefined);
    if (this.ownsRoot) rmSync(this.root, { recursive: true, force: true });
  }

  async exec(pod: PodRef, container: string, argv: string[], opts: ExecOptions): Promise<ExecSession> {
    const session = await execIn(this.streamDeps, pod, container, argv, opts);
    // exec'd processes belong to the pod: they end with it, as in a container runtime
    const open = this.execs.get(pod.uid) ?? new Set<ExecSession>();
    this.execs.set(pod.uid, open.add(session));
    void session.exited.finally(() => open.delete(session));
    return session;
  }

  attach(pod: PodRef, container: string, opts: ExecOptions): Promise<ExecSession> {
    return attachTo(this.streamDeps, pod, container, opts);
  }

  portForward(pod: PodRef, port: number): Promise<Socket> {
    return portForwardTo(this.streamDeps, pod, port);
  }

  logFiles(pod: PodRef, container: string, previous: boolean): ContainerLogFiles {
    return logFilesOf(this.streamDeps, pod, container, previous);
  }

  containerProcesses(): ContainerProcess[] {
    return containerProcesses(this.pods.values());
  }

  /** removes sandboxes a crashed run left for pods this node no longer has */
  async pruneLeftovers(keep: Set<string>): Promise<void> {
    this.sandboxes ??= await this.o.sandboxes;
    await this.sandboxes.prune(keep);
  }

  /** kills a running container so restartPolicy restarts it (a failed liveness probe) */
  restartContainer(uid: string, name: string, graceMs: number): void {
    const rec = this.pods.get(uid);
    const r = rec?.containers.get(name);
    const c = [...(rec?.pod.spec?.initContainers ?? []), ...(rec?.pod.spec?.containers ?? [])].find((x: Obj) => x.name === name);
    if (rec && r && c) void stopContainer(rec, r, c, graceMs, this.stopDeps);
  }

  private runtimePod(rec: PodRecord, pod: Obj) {
    return runtimePod(rec, pod, (r) => this.health(rec, r));
  }

  private health(rec: PodRecord, r: ContainerRecord): Health {
    if (!this.probes) return { started: true, ready: true };
    const { started, ready } = this.probes.status(rec.uid, r.name);
    // A sidecar's readiness does not gate the pod's: upstream counts only its startup.
    return { started, ready: r.sidecar ? started : ready };
  }

  /** a probe verdict changed: restart a container that failed liveness, and let the agent re-sync */
  private probeChanged(uid: string): void {
    const rec = this.pods.get(uid);
    if (!rec) return;
    for (const r of rec.containers.values()) {
      const h = r.instance?.running && !r.stopping ? this.probes!.status(uid, r.name) : undefined;
      if (!h?.livenessFailed) continue;
      this.o.event?.(rec.pod, 'Normal', 'Killing', h.livenessFailed);
      const grace = h.killGracePeriodSeconds ?? rec.pod.spec?.terminationGracePeriodSeconds ?? 30;
      this.restartContainer(uid, r.name, grace * 1000);
    }
    for (const l of this.listeners) l(uid);
  }

  private async podRecord(pod: Obj, env: NodeEnv): Promise<PodRecord> {
    const uid: string = pod.metadata.uid;
    let rec = this.pods.get(uid);
    if (!rec) {
      const podDir = join(this.root, 'pods', uid);
      rec = { uid, namespace: pod.metadata.namespace, name: pod.metadata.name, podDir, hostNetwork: !!pod.spec?.hostNetwork, pod, containers: new Map() };
      adoptStatuses(rec, pod);
      this.pods.set(uid, rec);
    }
    rec.pod = pod;
    if (!rec.sandbox) await (rec.creating ??= this.createSandbox(rec, pod, env).finally(() => (rec!.creating = undefined)));
    return rec;
  }

  private async createSandbox(rec: PodRecord, pod: Obj, env: NodeEnv): Promise<void> {
    try {
      mkdirSync(rec.podDir, { recursive: true });
      this.sandboxes ??= await this.o.sandboxes;
      const known: string | undefined = pod.status?.podIP;
      let ip = env.hostIP;
      if (!rec.hostNetwork) {
        if (known && env.reservePodIP) env.reservePodIP(rec.uid, known);
        ip = known && env.reservePodIP ? known : env.allocatePodIP(rec.uid);
      }
      const spec = pod.spec ?? {};
      const created = await this.sandboxes.create({ uid: rec.uid, namespace: rec.namespace, name: rec.name, hostname: spec.hostname ?? rec.name, subdomain: spec.subdomain, hostNetwork: rec.hostNetwork, podDir: rec.podDir, ip, dns: podDns(pod), hostAliases: spec.hostAliases });
      rec.sandbox = { ready: true, ip: created.ip, createdAtMs: this.o.clock.now() };
    } catch (err) {
      this.o.logger.warn(`pod ${rec.namespace}/${rec.name}: creating its sandbox failed`, err);
      this.o.event?.(pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private async cleanUp(rec: PodRecord): Promise<void> {
    await rec.creating;
    await Promise.all([...rec.containers.values()].map((r) => r.starting));
    for (const r of rec.containers.values()) r.instance?.signal('SIGKILL');
    await Promise.all([...rec.containers.values()].map((r) => r.instance?.exited));
    for (const r of rec.containers.values()) r.cgroup?.remove();
    await this.sandboxes?.destroy(rec.uid).catch((err) => this.o.logger.warn(`pod ${rec.uid}: removing its sandbox failed`, err));
    await this.o.volumes?.tearDown(rec.podDir).catch((err) => this.o.logger.warn(`pod ${rec.uid}: removing its volumes failed`, err));
    rmSync(rec.podDir, { recursive: true, force: true });
  }

  private onExit(rec: PodRecord, r: ContainerRecord, instance: ProcessInstance, exit: ExitInfo): void {
    if (r.instance !== instance) return;
    r.exited = terminatedState(rec, r, exit, this.o.clock.now());
    r.instance = undefined;
    r.cgroup?.remove();
    r.cgroup = undefined;
    this.probes?.untrack(rec.uid, r.name);
    for (const l of this.listeners) l(rec.uid);
  }

  private hookTarget(rec: PodRecord, c: Obj): HookTarget {
    const exec = async (argv: string[], timeoutMs: number) => {
      const env = await this.envFor(rec.pod, c, rec);
      return execOnce(this.sandboxes!.command(rec.uid, { argv, mounts: await this.mounts(rec, c, env), workingDir: c.workingDir }), env, timeoutMs);
    };
    return { podIP: rec.sandbox?.ip ?? '127.0.0.1', exec };
  }

  private envFor(pod: Obj, c: Obj, rec: PodRecord): Promise<Record<string, string>> {
    return containerEnv(pod, c, { client: this.o.client, podIP: rec.sandbox?.ip ?? '', hostIP: pod.status?.hostIP ?? '', warn: (reason, message) => this.o.event?.(pod, 'Warning', reason, message) });
  }

  private async mounts(rec: PodRecord, c: Obj, env?: Record<string, string>): Promise<SandboxMount[]> {
    return this.o.volumes?.mountsFor(rec.pod, c, rec.podDir, env) ?? [];
  }

  private readonly stopDeps: StopDeps = {
    hookTarget: (rec, c) => this.hookTarget(rec, c),
    event: (rec, type, reason, message) => this.o.event?.(rec.pod, type, reason, message),
  };

  private get syncDeps(): SyncDeps {
    return {
      sandboxes: this.sandboxes!,
      envFor: (pod, c, rec) => this.envFor(pod, c, rec),
      mountsFor: (pod, c, env) => this.mounts(this.pods.get(pod.metadata.uid)!, c, env),
      cgroupMode: this.cgroupMode,
      now: () => this.o.clock.now(),
      onExit: (rec, r, inst, exit) => this.onExit(rec, r, inst, exit),
      backoff: this.backoff,
      health: (rec, r) => this.health(rec, r),
      afterStart: (rec, r, c) => this.afterStart(rec, r, c),
      stop: (rec, r, c, graceMs) => stopContainer(rec, r, c, graceMs, this.stopDeps),
    };
  }

  private async afterStart(rec: PodRecord, r: ContainerRecord, c: Obj): Promise<void> {
    this.probes?.track(rec.pod, c, r.containerID!, r.startedAtMs!, this.hookTarget(rec, c));
    const failed = await runHook(c.lifecycle?.postStart, this.hookTarget(rec, c), (rec.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000);
    if (!failed) return;
    this.o.event?.(rec.pod, 'Warning', 'FailedPostStartHook', `PostStartHookError: ${failed}`);
    r.instance?.signal('SIGKILL');
  }

  private get streamDeps() {
    return { pods: this.pods, sandboxes: () => this.sandboxes, envFor: (pod: Obj, c: Obj, rec: PodRecord) => this.envFor(pod, c, rec), mounts: (rec: PodRecord, c: Obj, env?: Record<string, string>) => this.mounts(rec, c, env), logDirFor: (rec: PodRecord, name: string) => join(rec.podDir, 'logs', name), root: this.root };
  }
}
