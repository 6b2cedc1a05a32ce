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
    users: [toUser(entry.userName || 'anonymous', user ?? {}, shellPath)],
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

function toUser(name: string, u: KubeUser, shellPath: string) {
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
    exec: u.exec ? withPath(u.exec, shellPath) : undefined,
  };
}

function withPath(exec: NonNullable<KubeUser['exec']>, shellPath: string) {
  const env = exec.env ?? [];
  if (env.some((e) => e.name === 'PATH')) return exec;
  return { ...exec, env: [...env, { name: 'PATH', value: shellPath }] };
}
