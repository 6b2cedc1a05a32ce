// Opens terminals for the bridge: pod shells over exec, the built-in cluster's node shell and the
// local terminal over node-pty. It only starts sessions; register-terminals.ts ties a session to a
// bridge stream.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { TerminalOpened, TerminalTarget } from '../../../shared/bridge/methods-terminals';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { ContextEntry } from '../kubeconfig/types';
import { exportContextKubeconfig } from './kubeconfig-export';
import { startPty, terminalEnv, userShell } from './local-pty';
import { startPodShell } from './pod-shell';
import type { TerminalSession } from './session';

export interface TerminalServiceDeps {
  contexts: { get(clusterId: string): ContextEntry | undefined };
  connections: { kubeConfigFor(clusterId: string): Promise<KubeConfig> };
  /** the engine's config folder; local terminals' kubeconfigs go to terminals/ in it */
  configDir: string;
  env: NodeJS.ProcessEnv;
  home?: string;
}

/** label of the built-in cluster's simulated nodes: they are not this machine */
const SIMULATED_LABEL = 'wheelhouse.dev/simulated';

export class TerminalService {
  constructor(private readonly deps: TerminalServiceDeps) {}

  async open(target: TerminalTarget, cols: number, rows: number): Promise<{ session: TerminalSession; opened: TerminalOpened }> {
    if (target.kind === 'pod') return this.openPod(target, cols, rows);
    if (target.kind === 'node') return this.openNode(target, cols, rows);
    if (target.kind === 'local') return this.openLocal(target, cols, rows);
    throw new BridgeFailure('Invalid', `unknown terminal kind "${(target as { kind?: unknown }).kind}": use pod, node or local`);
  }

  /** where a cluster's kubeconfig for local terminals is written */
  kubeconfigDir(): string {
    return join(this.deps.configDir, 'terminals');
  }

  private async openPod(t: Extract<TerminalTarget, { kind: 'pod' }>, cols: number, rows: number) {
    if (!t.namespace || !t.pod) throw new BridgeFailure('Invalid', 'a pod shell needs the namespace and the pod name');
    const kc = await this.deps.connections.kubeConfigFor(t.clusterId);
    try {
      const session = await startPodShell(kc, t, cols, rows);
      return { session, opened: { title: `${t.pod}${t.container ? `/${t.container}` : ''}`, command: session.command } };
    } catch (err) {
      throw new BridgeFailure('Internal', (err as Error).message);
    }
  }

  private async openNode(t: Extract<TerminalTarget, { kind: 'node' }>, cols: number, rows: number) {
    const entry = this.entry(t.clusterId);
    if (!entry.builtIn) {
      throw new BridgeFailure('Invalid', `a node shell is only offered for the built-in cluster's local node; node ${t.node} of ${entry.name} is another machine (use a pod shell, or ssh to it)`);
    }
    const kc = await this.deps.connections.kubeConfigFor(t.clusterId);
    const node = await kc.makeApiClient(CoreV1Api).readNode({ name: t.node }).catch((err: { code?: number }) => {
      throw new BridgeFailure(err.code === 404 ? 'NotFound' : 'Internal', `node ${t.node} of the built-in cluster: ${err.code === 404 ? 'not found' : String(err)}`);
    });
    if (node.metadata?.labels?.[SIMULATED_LABEL] === 'true') throw new BridgeFailure('Invalid', `node ${t.node} is simulated: there is no machine to open a shell on`);
    const shell = userShell(this.deps.env);
    const session = startPty({ file: shell, args: ['-l'], cwd: this.home(), env: terminalEnv(this.deps.env, {}), cols, rows });
    return { session, opened: { title: `node ${t.node}`, command: session.command } };
  }

  private openLocal(t: Extract<TerminalTarget, { kind: 'local' }>, cols: number, rows: number) {
    const entry = this.entry(t.clusterId);
    const kubeconfigPath = exportContextKubeconfig(entry, this.kubeconfigDir());
    const shell = userShell(this.deps.env);
    const session = startPty({ file: shell, args: ['-l'], cwd: this.home(), env: terminalEnv(this.deps.env, { KUBECONFIG: kubeconfigPath }), cols, rows });
    return { session, opened: { title: `local · ${entry.builtIn ? 'Local cluster' : entry.name}`, command: session.command, kubeconfigPath } };
  }

  private entry(clusterId: string): ContextEntry {
    const entry = this.deps.contexts.get(clusterId);
    if (!entry) throw new BridgeFailure('NotFound', `no kubeconfig defines the cluster "${clusterId}"`);
    return entry;
  }

  private home(): string {
    return this.deps.home ?? homedir();
  }
}
