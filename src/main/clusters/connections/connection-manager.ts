// One connection per cluster the app uses: disconnected → connecting → online | unauthorized |
// forbidden | offline. While a cluster is in use it is health-checked, and an offline cluster is
// retried with backoff (1 s → 30 s). Each return to online bumps the cluster's epoch and fires
// onDidComeOnline, so watches can resume. Other services get a KubeConfig through kubeConfigFor.
import type { KubeConfig } from '@kubernetes/client-node';
import type { ConnectionState } from '../../../shared/bridge/types';
import { BridgeFailure } from '../../engine/bridge/errors';
import { Emitter, type Disposable, type Logger } from '../logger';
import type { ContextEntry } from '../kubeconfig/types';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import { buildKubeConfig, ContextNotUsable } from './build-kubeconfig';
import type { Clock } from './clock';
import type { LoginShellEnvProvider } from './login-shell-env';
import { probeCluster, type ProbeResult } from './probe';

/** what the manager needs from the kubeconfig side (KubeconfigSource implements it) */
export interface ContextLookup {
  get(id: string): ContextEntry | undefined;
  onDidChange(listener: () => void): Disposable;
}

export interface ConnectionStatus {
  clusterId: string;
  state: ConnectionState;
  message?: string;
  /** how many times the cluster has come online; a watch started in an older epoch must resume */
  epoch: number;
}

export interface ConnectionManagerDeps {
  source: ContextLookup;
  clock: Clock;
  shellEnv: LoginShellEnvProvider;
  logger: Logger;
  backoff?: BackoffOptions;
  /** how often an online cluster in use is re-checked (default 30 s) */
  healthCheckMs?: number;
}

interface Conn {
  status: ConnectionStatus;
  entryKey: string;
  kc?: KubeConfig;
  /** something uses the cluster: keep it connected */
  wanted: boolean;
  failures: number;
  timer?: unknown;
  inflight?: Promise<void>;
}

const CODES: Partial<Record<ConnectionState, string>> = { unauthorized: 'Unauthorized', offline: 'Offline', disconnected: 'Offline' };

export class ConnectionManager {
  private readonly conns = new Map<string, Conn>();
  private readonly changed = new Emitter<ConnectionStatus>();
  private readonly online = new Emitter<ConnectionStatus>();
  private readonly sourceSub: Disposable;
  readonly onDidChange = this.changed.event;
  readonly onDidComeOnline = this.online.event;

  constructor(private readonly deps: ConnectionManagerDeps) {
    this.sourceSub = deps.source.onDidChange(() => this.onContextsChanged());
  }

  status(clusterId: string): ConnectionStatus {
    return this.conns.get(clusterId)?.status ?? { clusterId, state: 'disconnected', epoch: 0 };
  }

  /** connects now (even during a backoff wait) and keeps the cluster connected until disconnect() */
  async connect(clusterId: string): Promise<ConnectionStatus> {
    const conn = this.conn(clusterId);
    conn.wanted = true;
    this.cancelTimer(conn);
    await this.attempt(clusterId, conn, true);
    return conn.status;
  }

  disconnect(clusterId: string): void {
    const conn = this.conns.get(clusterId);
    if (!conn) return;
    conn.wanted = false;
    this.cancelTimer(conn);
    conn.kc = undefined;
    this.setStatus(conn, { state: 'disconnected', message: undefined });
  }

  /** the cluster's KubeConfig, connecting first if needed; throws a BridgeFailure when it cannot be used */
  async kubeConfigFor(clusterId: string): Promise<KubeConfig> {
    const conn = this.conn(clusterId);
    conn.wanted = true;
    const waiting = conn.status.state === 'offline' && conn.timer !== undefined;
    if (!waiting && !['online', 'forbidden'].includes(conn.status.state)) await this.attempt(clusterId, conn, true);
    const { state, message } = conn.status;
    if ((state === 'online' || state === 'forbidden') && conn.kc) return conn.kc;
    throw new BridgeFailure(CODES[state] ?? 'Offline', `${clusterId}: ${message ?? state}`);
  }

  /** another service saw the cluster fail (a watch dropped): re-check it now */
  reportError(clusterId: string): void {
    const conn = this.conns.get(clusterId);
    if (!conn || conn.inflight || conn.status.state !== 'online') return;
    this.cancelTimer(conn);
    void this.attempt(clusterId, conn, false);
  }

  dispose(): void {
    this.sourceSub.dispose();
    for (const conn of this.conns.values()) this.cancelTimer(conn);
    this.conns.clear();
  }

  private conn(clusterId: string): Conn {
    let conn = this.conns.get(clusterId);
    if (!conn) {
      conn = { status: { clusterId, state: 'disconnected', epoch: 0 }, entryKey: entryKey(this.deps.source.get(clusterId)), wanted: false, failures: 0 };
      this.conns.set(clusterId, conn);
    }
    return conn;
  }

  private attempt(clusterId: string, conn: Conn, visible: boolean): Promise<void> {
    conn.inflight ??= this.run(clusterId, conn, visible).finally(() => (conn.inflight = undefined));
    return conn.inflight;
  }

  private async run(clusterId: string, conn: Conn, visible: boolean): Promise<void> {
    const entry = this.deps.source.get(clusterId);
    if (!entry) return this.setStatus(conn, { state: 'disconnected', message: `no kubeconfig defines the cluster "${clusterId}" any more` });
    if (visible && conn.status.state !== 'online') this.setStatus(conn, { state: 'connecting', message: undefined });
    const { PATH } = await this.deps.shellEnv();
    let result: ProbeResult;
    try {
      conn.kc ??= buildKubeConfig(entry, PATH);
      result = await probeCluster(conn.kc, entry, PATH);
    } catch (err) {
      if (!(err instanceof ContextNotUsable)) this.deps.logger.warn(`connecting to ${clusterId} failed`, err);
      result = { state: 'offline', message: notUsableMessage(entry, err) };
    }
    if (this.conns.get(clusterId) !== conn) return; // forgotten meanwhile
    this.settle(clusterId, conn, result);
  }

  private settle(clusterId: string, conn: Conn, result: ProbeResult): void {
    const cameOnline = result.state === 'online' && conn.status.state !== 'online';
    if (result.state === 'online' || result.state === 'forbidden') conn.failures = 0;
    else conn.kc = undefined; // fresh credentials next time (an exec plugin may now succeed)
    this.setStatus(conn, { state: result.state, message: result.message, epoch: conn.status.epoch + (cameOnline ? 1 : 0) });
    if (cameOnline) this.online.fire(conn.status);
    if (!conn.wanted) return;
    if (result.state === 'offline') {
      conn.failures += 1;
      this.schedule(clusterId, conn, backoffDelay(conn.failures, this.deps.backoff ?? defaultBackoff));
    } else if (result.state === 'online' || result.state === 'forbidden') {
      this.schedule(clusterId, conn, this.deps.healthCheckMs ?? 30_000);
    }
  }

  private schedule(clusterId: string, conn: Conn, ms: number): void {
    this.cancelTimer(conn);
    conn.timer = this.deps.clock.setTimeout(() => {
      conn.timer = undefined;
      void this.attempt(clusterId, conn, false);
    }, ms);
  }

  private cancelTimer(conn: Conn): void {
    if (conn.timer !== undefined) this.deps.clock.clearTimeout(conn.timer);
    conn.timer = undefined;
  }

  private setStatus(conn: Conn, next: Partial<ConnectionStatus>): void {
    const prev = conn.status;
    conn.status = { ...prev, ...next };
    if (prev.state !== conn.status.state || prev.message !== conn.status.message || prev.epoch !== conn.status.epoch) this.changed.fire(conn.status);
  }

  private onContextsChanged(): void {
    for (const [clusterId, conn] of this.conns) {
      const key = entryKey(this.deps.source.get(clusterId));
      if (key === conn.entryKey) continue;
      // the context's file changed (new server, new token): start over with the new settings
      conn.entryKey = key;
      conn.kc = undefined;
      conn.failures = 0;
      this.cancelTimer(conn);
      if (conn.wanted) void this.attempt(clusterId, conn, true);
    }
  }
}

const entryKey = (entry: ContextEntry | undefined): string => JSON.stringify(entry ?? null);

function notUsableMessage(entry: ContextEntry, err: unknown): string {
  if (entry.builtIn && !entry.cluster) return 'the built-in cluster is not running';
  return err instanceof Error ? err.message : String(err);
}
