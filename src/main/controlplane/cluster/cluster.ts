// Composition root of one built-in cluster: store → API server parts → HTTPS on 127.0.0.1 →
// admin kubeconfig. Everything the parts need is passed in here; nothing else wires them.
import { join } from 'node:path';
import { openStore, createCompactionPolicy, type Store } from '../store';
import { loadOrCreatePki } from '../pki/load';
import { acquireLock } from './lock';
import { listenHttps, LOOPBACK } from './listen';
import { adminKubeconfig, writeKubeconfig } from './kubeconfig';
import { buildApiServer, type ApiServer } from './apiserver';
import { withBackupEndpoint } from './backup-endpoint';

export interface ClusterOptions {
  /** folder for the store, PKI and kubeconfig; undefined = in memory (tests) */
  dataDir?: string;
  port?: number;
  /** where to write the admin kubeconfig; default <dataDir>/kubeconfig.yaml */
  kubeconfigPath?: string;
  clock?: () => Date;
  log?: (line: string) => void;
}

export interface RunningCluster {
  url: string;
  port: number;
  /** the admin kubeconfig's text */
  kubeconfig: string;
  kubeconfigPath?: string;
  token: string;
  caPem: string;
  store: Store;
  api: ApiServer;
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
    const api = await buildApiServer({ store, token: pki.adminToken, clock, log });
    const { server, port } = await listenHttps(pki, withBackupEndpoint(store, pki.adminToken, api.handler), options.port ?? 0, dataDir);
    const url = `https://${LOOPBACK}:${port}`;
    const kubeconfig = adminKubeconfig(url, pki.ca.certPem, pki.adminToken);
    const kubeconfigPath = options.kubeconfigPath ?? (dataDir ? join(dataDir, 'kubeconfig.yaml') : undefined);
    if (kubeconfigPath) writeKubeconfig(kubeconfigPath, kubeconfig);
    const compact = createCompactionPolicy(store, { clock: { now: () => clock().getTime() } });
    const compaction = setInterval(compact, 60_000);
    compaction.unref();
    const openStoreRef = store;
    return {
      url,
      port,
      kubeconfig,
      kubeconfigPath,
      token: pki.adminToken,
      caPem: pki.ca.certPem,
      store,
      api,
      stop: async () => {
        clearInterval(compaction);
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
