// The files kubelet manages for a pod, written under <podDir>/etc: resolv.conf from the DNS settings the
// runtime worked out, hosts like kubelet's managed hosts file (pod IP, hostname and the subdomain FQDN,
// then spec.hostAliases), and hostname. In a netns sandbox they are bind-mounted over /etc/…
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SandboxSpec } from './types';

export const etcDir = (podDir: string): string => join(podDir, 'etc');

export function resolvConf(dns: SandboxSpec['dns']): string {
  const lines: string[] = [];
  if (dns.searches.length) lines.push(`search ${dns.searches.join(' ')}`);
  for (const ns of dns.nameservers) lines.push(`nameserver ${ns}`);
  if (dns.options.length) lines.push(`options ${dns.options.join(' ')}`);
  return lines.map((l) => `${l}\n`).join('');
}

const HEADER = '# Kubernetes-managed hosts file.\n';
const LOCAL = [
  '127.0.0.1\tlocalhost',
  '::1\tlocalhost ip6-localhost ip6-loopback',
  'fe00::0\tip6-localnet',
  'fe00::0\tip6-mcastprefix',
  'fe00::1\tip6-allnodes',
  'fe00::2\tip6-allrouters',
];

/** kubelet's managedHostsFileContent: the pod's own line is "<ip>\t<host>.<sub>.<ns>.svc.<domain>\t<host>" */
export function hostsFile(spec: SandboxSpec, ip: string, clusterDomain: string): string {
  const own = spec.subdomain
    ? `${ip}\t${spec.hostname}.${spec.subdomain}.${spec.namespace}.svc.${clusterDomain}\t${spec.hostname}`
    : `${ip}\t${spec.hostname}`;
  const aliases = (spec.hostAliases ?? []).filter((a) => a.ip && a.hostnames.length);
  const tail = aliases.length ? ['', '# Entries added by HostAliases.', ...aliases.map((a) => `${a.ip}\t${a.hostnames.join('\t')}`)] : [];
  return HEADER + [...LOCAL, own, ...tail].map((l) => `${l}\n`).join('');
}

/** hostNetwork pods: kubelet copies the node's /etc/hosts (plus hostAliases) under the same header */
async function hostNetworkHosts(spec: SandboxSpec): Promise<string> {
  const node = await readFile('/etc/hosts', 'utf8').catch(() => `${LOCAL.join('\n')}\n`);
  const aliases = (spec.hostAliases ?? []).map((a) => `${a.ip}\t${a.hostnames.join('\t')}\n`).join('');
  return HEADER + node + (aliases ? `\n# Entries added by HostAliases.\n${aliases}` : '');
}

export async function writeEtcFiles(spec: SandboxSpec, ip: string, clusterDomain: string, nodeHostname: string): Promise<void> {
  const dir = etcDir(spec.podDir);
  await mkdir(dir, { recursive: true });
  const hosts = spec.hostNetwork ? await hostNetworkHosts(spec) : hostsFile(spec, ip, clusterDomain);
  await Promise.all([
    writeFile(join(dir, 'resolv.conf'), resolvConf(spec.dns)),
    writeFile(join(dir, 'hosts'), hosts),
    writeFile(join(dir, 'hostname'), `${spec.hostNetwork ? nodeHostname : spec.hostname}\n`),
  ]);
}

export const removeEtcFiles = (podDir: string): Promise<void> => rm(etcDir(podDir), { recursive: true, force: true });
