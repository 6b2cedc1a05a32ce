// A client-node KubeConfig for one context, ready for the other services. Paths are already
// absolute (see kubeconfig/resolve-paths). Exec plugins get the login shell's PATH, since
// client-node spawns them with whatever PATH it is given.
import { KubeConfig } from '@kubernetes/client-node';
import type { ContextEntry, KubeCluster, KubeUser } from '../kubeconfig/types';

export class ContextNotUsable extends Error {}

export function buildKubeConfig(entry: ContextEntry, shellPath: string): KubeConfig {
  const { cluster, user } = entry;
  if (!cluster) throw new ContextNotUsable(`context "${entry.name}" refers to cluster "${entry.clusterName}", which no kubeconfig defines`);
  if (!cluster.server) throw new ContextNotUsable(`cluster "${entry.clusterName}" has no server address`);
  if (!user && entry.userName) throw new ContextNotUsable(`context "${entry.name}" refers to user "${entry.userName}", which no kubeconfig defines`);
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [toCluster(entry.clusterName, cluster)],
    users: [toUser(entry.userName || 'anonymous', user ?? {}, shellPath, cluster)],
    contexts: [{ name: entry.name, cluster: entry.clusterName, user: entry.userName || 'anonymous', namespace: entry.context.namespace }],
    currentContext: entry.name,
  });
  return kc;
}

function toCluster(name: string, c: KubeCluster) {
  return {
    name,
    server: c.server!,
    caData: c['certificate-authority-data'],
    caFile: c['certificate-authority'],
    skipTLSVerify: c['insecure-skip-tls-verify'] === true,
    tlsServerName: c['tls-server-name'],
    proxyUrl: c['proxy-url'],
  };
}

function toUser(name: string, u: KubeUser, shellPath: string, cluster: KubeCluster) {
  let authProvider = u['auth-provider'];
  // client-node reads a tokenFile only through its file authenticator, which re-reads it every
  // minute as client-go does (projected service-account tokens rotate)
  if (!u.token && u.tokenFile && !authProvider) authProvider = { name: 'tokenFile', config: { tokenFile: u.tokenFile } };
  return {
    name,
    certData: u['client-certificate-data'],
    certFile: u['client-certificate'],
    keyData: u['client-key-data'],
    keyFile: u['client-key'],
    token: u.token,
    username: u.username,
    password: u.password,
    impersonateUser: u.as,
    authProvider,
    exec: u.exec ? withExecEnv(u.exec, shellPath, cluster) : undefined,
  };
}

// client-go hands plugins KUBERNETES_EXEC_INFO; some (aws eks get-token) pick their answer's
// apiVersion from it. The login shell's PATH lets the plugin and whatever it calls be found.
function withExecEnv(exec: NonNullable<KubeUser['exec']>, shellPath: string, cluster: KubeCluster) {
  const env = [...(exec.env ?? [])];
  if (!env.some((e) => e.name === 'PATH')) env.push({ name: 'PATH', value: shellPath });
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo === true) {
    spec.cluster = {
      server: cluster.server,
      'certificate-authority-data': cluster['certificate-authority-data'],
      'insecure-skip-tls-verify': cluster['insecure-skip-tls-verify'],
      'tls-server-name': cluster['tls-server-name'],
      'proxy-url': cluster['proxy-url'],
    };
  }
  const info = { apiVersion: exec.apiVersion ?? 'client.authentication.k8s.io/v1', kind: 'ExecCredential', spec };
  if (!env.some((e) => e.name === 'KUBERNETES_EXEC_INFO')) env.push({ name: 'KUBERNETES_EXEC_INFO', value: JSON.stringify(info) });
  return { ...exec, env };
}
