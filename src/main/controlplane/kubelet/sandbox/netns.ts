// Per-pod network namespaces on Linux, as the bridge CNI plugin lays them out: one bridge per node
// holding the pod CIDR's gateway, and per pod a named netns with a veth pair (host end on the bridge,
// eth0 inside with the pod IP, default route via the gateway; links.ts). Processes enter it with
// nsenter, then get their own mount and UTS namespaces from unshare and the fixed ENTER_SCRIPT.
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../../client';
import { releaseNode } from './claim';
import type { Tools } from './detect';
import { ENTER_SCRIPT } from './enter-script';
import { etcDir, removeEtcFiles, writeEtcFiles } from './etc-files';
import { PodLinks } from './links';
import { mountTable } from './mount-table';
import { nodeNames, parseCidr, type Cidr, type NodeNames } from './names';
import type { Run } from './run';
import type { PodSandboxes, SandboxCommand, SandboxProcess, SandboxSpec } from './types';

export interface NetnsOptions {
  nodeName: string;
  podCIDR: string;
  /** hostNetwork pods' IP: the node's InternalIP */
  nodeIP: string;
  clusterDomain: string;
  tools: Tools;
  run: Run;
  logger: Logger;
  reason: string;
}

interface Known {
  podDir: string;
  ip: string;
  /** empty for hostNetwork pods: they keep the node's hostname */
  hostname: string;
  /** absent for hostNetwork pods */
  netns?: string;
}

const netnsPath = (name: string): string => `/run/netns/${name}`;
// Only files the host has can be covered by a bind mount; a host without /etc/hostname keeps none.
const ETC_FILES = ['resolv.conf', 'hosts', 'hostname'].filter((f) => existsSync(`/etc/${f}`));

export class NetnsSandboxes implements PodSandboxes {
  readonly kind = 'netns' as const;
  readonly reason: string;
  private readonly names: NodeNames;
  private readonly cidr: Cidr;
  private readonly links: PodLinks;
  private readonly pods = new Map<string, Known>();
  private readonly creating = new Map<string, Promise<{ ip: string }>>();
  private readonly written = new Set<string>();

  constructor(private readonly o: NetnsOptions) {
    this.reason = o.reason;
    this.names = nodeNames(o.nodeName);
    this.cidr = parseCidr(o.podCIDR);
    this.links = new PodLinks(o.run, o.tools, this.names, this.cidr);
  }

  create(spec: SandboxSpec): Promise<{ ip: string }> {
    // The UID names the netns and goes into `ip -batch` lines: only a UUID's characters may pass.
    if (!/^[A-Za-z0-9-]{1,200}$/.test(spec.uid)) return Promise.reject(new Error(`pod ${spec.namespace}/${spec.name}: uid "${spec.uid}" is not a UUID`));
    const known = this.pods.get(spec.uid);
    if (known && (!known.netns || existsSync(netnsPath(known.netns)))) return Promise.resolve({ ip: known.ip });
    // The runtime may sync a pod twice at once: both calls get the one sandbox.
    let pending = this.creating.get(spec.uid);
    if (!pending) {
      pending = this.createOnce(spec).finally(() => this.creating.delete(spec.uid));
      this.creating.set(spec.uid, pending);
    }
    return pending;
  }

  command(uid: string, proc: SandboxProcess): SandboxCommand {
    const pod = this.pods.get(uid);
    if (!pod) throw new Error(`pod ${uid} has no sandbox on this node: create it before starting a process`);
    if (!proc.argv.length) throw new Error(`pod ${uid}: nothing to run (empty command)`);
    const { unshare, nsenter, sh, mount } = this.o.tools;
    const etc = ETC_FILES.map((f): [string, string] => [join(etcDir(pod.podDir), f), `/etc/${f}`]);
    const table = mountTable(etc, proc.mounts);
    const enter = [sh, '-c', ENTER_SCRIPT, 'wheelhouse-enter', mount, pod.hostname, proc.workingDir ?? '', this.fstabFile(pod.podDir, table.fstab), ...table.points, '--', ...proc.argv];
    if (!pod.netns) return { file: unshare, args: ['--mount', '--propagation', 'private', ...enter] };
    return { file: nsenter, args: [`--net=${netnsPath(pod.netns)}`, unshare, '--mount', '--uts', '--propagation', 'private', ...enter] };
  }

  /** the table as a file under <podDir>/etc, named by its content so each is written once */
  private fstabFile(podDir: string, fstab: string): string {
    const file = join(etcDir(podDir), `fstab-${createHash('sha256').update(fstab).digest('hex').slice(0, 16)}`);
    if (!this.written.has(file)) {
      writeFileSync(file, fstab);
      this.written.add(file);
    }
    return file;
  }

  async destroy(uid: string): Promise<void> {
    const pod = this.pods.get(uid);
    this.pods.delete(uid);
    await this.links.remove(uid);
    if (!pod) return;
    for (const file of this.written) if (file.startsWith(etcDir(pod.podDir))) this.written.delete(file);
    await removeEtcFiles(pod.podDir);
  }

  async prune(keep: Iterable<string>): Promise<string[]> {
    const wanted = new Set(keep);
    const uids = (await this.links.namespaces()).map((n) => n.slice(this.names.netnsPrefix.length));
    const stale = uids.filter((uid) => /^[A-Za-z0-9-]+$/.test(uid)).filter((uid) => !wanted.has(uid) && !this.pods.has(uid) && !this.creating.has(uid));
    for (const uid of stale) await this.destroy(uid).catch((e) => this.o.logger.warn(`sandbox: cannot remove the leftover sandbox of pod ${uid}`, e));
    return stale;
  }

  async close(): Promise<void> {
    const left = await this.links.namespaces();
    if (left.length) return this.o.logger.warn(`sandbox: bridge ${this.names.bridge} kept: ${left.length} pod sandbox(es) of node ${this.o.nodeName} remain`);
    await this.links.removeBridge();
    await releaseNode(this.names);
  }

  private async createOnce(spec: SandboxSpec): Promise<{ ip: string }> {
    if (spec.hostNetwork) {
      await writeEtcFiles(spec, this.o.nodeIP, this.o.clusterDomain, osHostname());
      this.pods.set(spec.uid, { podDir: spec.podDir, ip: this.o.nodeIP, hostname: '' });
      return { ip: this.o.nodeIP };
    }
    await this.links.ensureBridge().catch((error) => {
      throw new Error(`cannot set up the pod network bridge ${this.names.bridge} for ${this.o.podCIDR}: ${(error as Error).message}`);
    });
    const netns = this.names.netns(spec.uid);
    const ip = (existsSync(netnsPath(netns)) && (await this.reuse(spec.uid))) || (await this.make(spec));
    await writeEtcFiles(spec, ip, this.o.clusterDomain, osHostname());
    this.pods.set(spec.uid, { podDir: spec.podDir, ip, hostname: spec.hostname, netns });
    return { ip };
  }

  /** a namespace from before a restart: keep it when its eth0 still has an address in the pod CIDR */
  private async reuse(uid: string): Promise<string | undefined> {
    const found = await this.links.address(uid);
    if (!found || !this.cidr.contains(found)) {
      await this.destroy(uid);
      return undefined;
    }
    await this.links.reattach(uid).catch((e) => this.o.logger.warn(`sandbox: pod ${uid} kept its namespace but not its bridge port`, e));
    return found;
  }

  private async make(spec: SandboxSpec): Promise<string> {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(spec.ip) || !this.cidr.contains(spec.ip) || spec.ip === this.cidr.gateway) throw new Error(`pod IP ${spec.ip} of pod ${spec.namespace}/${spec.name} is not usable in the node's pod CIDR ${this.o.podCIDR}`);
    try {
      await this.links.add(spec.uid, spec.ip);
    } catch (error) {
      await this.destroy(spec.uid).catch(() => undefined);
      throw new Error(`cannot create the network namespace of pod ${spec.namespace}/${spec.name}: ${(error as Error).message}`);
    }
    return spec.ip;
  }
}
