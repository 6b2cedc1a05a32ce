// Composition root of one built-in cluster: store → API server parts → HTTPS on 127.0.0.1 →
// admin kubeconfig. Everything the parts need is passed in here; nothing else wires them.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore, createCompactionPolicy, type Store } from '../store';
import { loadOrCreatePki } from '../pki/load';
import { loadOrCreateServiceAccountKey } from '../pki/service-account';
import { ensureKubernetesService } from '../apiserver/bootstrap/kubernetes-service';
import { acquireLock } from './lock';
import { listenHttps, LOOPBACK } from './listen';
import { adminKubeconfig, writeKubeconfig } from './kubeconfig';
import { buildApiServer, type ApiServer } from './apiserver';
import { withBackupEndpoint } from './backup-endpoint';
import { startComponents, type RunningComponents } from './components';
import { withComponentStatuses } from './component-status';
import { planNodes, type LocalRuntimeKind, type NodeConfig } from '../kubelet';

export interface ClusterOptions {
  /** folder for the store, PKI and kubeconfig; undefined = in memory (tests) */
  dataDir?: string;
  port?: number;
  /** where to write the admin kubeconfig; default <dataDir>/kubeconfig.yaml */
  kubeconfigPath?: string;
  clock?: () => Date;
  log?: (line: string) => void;
  /** the node agents to run; default one local node named after the machine. [] runs none */
  nodes?: NodeConfig[];
  /** local nodes run containers as host processes (default) or simulate them */
  localRuntime?: LocalRuntimeKind;
  /** run the controller manager, scheduler and node agents (default true) */
  components?: boolean;
}

const defaultNodes = (): NodeConfig[] => planNodes({ nodes: 1, simulatedNodes: 0, cpu: '4', memory: '8Gi', pods: 110, zones: [], labels: {}, taints: [] });

export interface RunningCluster {
  url: string;
  port: number;
  /** the admin kubeconfig's text */
  kubeconfig: string;
  kubeconfigPath?: string;
  token: string;
  /** what the API server presents to this cluster's kubelet servers (tests that run their own kubelet server need it) */
  kubeletToken: string;
  caPem: string;
  store: Store;
  api: ApiServer;
  /** controller manager, scheduler and node agents; undefined when started without them */
  components?: RunningComponents;
  /** the scheduler's last decision about a pod (why it is where it is, or still pending) */
  explain: RunningComponents['explain'];
  stop(): Promise<void>;
}

export async function startCluster(options: ClusterOptions = {}): Promise<RunningCluster> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const { dataDir } = options;
  const release = dataDir ? acquireLock(dataDir) : () => undefined;
  let store: Store | undefined;
  try {
    const pki = await loadOrCreatePki(dataDir, clock());
    store = dataDir ? openStore({ dataDir }) : openStore({ inMemory: true });
    // per launch: only this process's API server can reach its kubelets
    const kubeletToken = randomBytes(32).toString('base64url');
    // Filled in once the components start, after the server listens.
    const started: { components?: RunningComponents } = {};
    const api = await buildApiServer({ store, token: pki.adminToken, serviceAccountKey: loadOrCreateServiceAccountKey(dataDir), clock, log, kubeletToken, metrics: () => started.components?.usage });
    const down = (): string | undefined => (started.components ? undefined : 'not running');
    const health = { check: () => ({ scheduler: down(), 'controller-manager': down(), 'etcd-0': undefined }) };
    const handler = withComponentStatuses(pki.adminToken, health, withBackupEndpoint(store, pki.adminToken, api.handler));
    const { server, port, endUpgraded } = await listenHttps(pki, handler, options.port ?? 0, dataDir, api.upgrade);
    await ensureKubernetesService(api.storage, api.resources, LOOPBACK, port);
    const url = `https://${LOOPBACK}:${port}`;
    const kubeconfig = adminKubeconfig(url, pki.ca.certPem, pki.adminToken);
    const kubeconfigPath = options.kubeconfigPath ?? (dataDir ? join(dataDir, 'kubeconfig.yaml') : undefined);
    if (kubeconfigPath) writeKubeconfig(kubeconfigPath, kubeconfig);
    const compact = createCompactionPolicy(store, { clock: { now: () => clock().getTime() } });
    const compaction = setInterval(compact, 60_000);
    compaction.unref();
    const openStoreRef = store;
    const componentLogger = { warn: (message: string, err?: unknown) => log(`wheelhouse: ${message}${err instanceof Error ? `: ${err.message}` : err === undefined ? '' : `: ${String(err)}`}`) };
    const components = (started.components =
      options.components === false
        ? undefined
        : startComponents({ handlers: api.storage, resources: api.resources, nodes: options.nodes ?? defaultNodes(), logger: componentLogger, dataDir, kubeletToken, localRuntime: options.localRuntime }));
    return {
      url,
      port,
      kubeconfig,
      kubeconfigPath,
      token: pki.adminToken,
      kubeletToken,
      caPem: pki.ca.certPem,
      store,
      api,
      components,
      explain: (namespace, name) => components?.explain(namespace, name),
      stop: async () => {
        await components?.stop();
        clearInterval(compaction);
        endUpgraded();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await api.stop();
        openStoreRef.close();
        release();
      },
    };
  } catch (err) {
    store?.close();
    release();
    throw err;
  }
}
