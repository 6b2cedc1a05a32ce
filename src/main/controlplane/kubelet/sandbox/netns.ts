// Per-pod network namespaces on Linux, as the bridge CNI plugin lays them out: one bridge per node
// holding the pod CIDR's gateway, and per pod a named netns with a veth pair (host end on the bridge,
// eth0 inside with the pod IP, default route via the gateway). Processes enter it with nsenter, then
// get their own mount and UTS namespaces from unshare and the fixed ENTER_SCRIPT (mounts, cwd, hostname).
import { existsSync } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import type { Logger } from '../../client';
import type { Tools } from './detect';
import { ENTER_SCRIPT } from './enter-script';
import { etcDir, removeEtcFiles, writeEtcFiles } from './etc-files';
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
  hostname: string;
  /** absent for hostNetwork pods */
  netns?: string;
}

const netnsPath = (name: string): string => `/run/netns/${name}`;

export class NetnsSandboxes implements PodSandboxes {
  readonly kind = 'netns' as const;
  readonly reason: string;
  private readonly names: NodeNames;
  private readonly cidr: Cidr;
  private readonly pods = new Map<string, Known>();
  private readonly creating = new Map<string, Promise<{ ip: string }>>();
  private bridge?: Promise<void>;

  constructor(private readonly o: NetnsOptions) {
    this.reason = o.reason;
    this.names = nodeNames(o.nodeName);
    this.cidr = parseCidr(o.podCIDR);
  }

  create(spec: SandboxSpec): Promise<{ ip: string }> {
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

  private async createOnce(spec: SandboxSpec): Promise<{ ip: string }> {
    if (spec.hostNetwork) {
      await writeEtcFiles(spec, this.o.nodeIP, this.o.clusterDomain, osHostname());
      this.pods.set(spec.uid, { podDir: spec.podDir, ip: this.o.nodeIP, hostname: '' });
      return { ip: this.o.nodeIP };
    }
    await this.ensureBridge();
    const netns = this.names.netns(spec.uid);
    const ip = (existsSync(netnsPath(netns)) && (await this.reuse(spec.uid, netns))) || (await this.make(spec, netns));
    await writeEtcFiles(spec, ip, this.o.clusterDomain, osHostname());
    this.pods.set(spec.uid, { podDir: spec.podDir, ip, hostname: spec.hostname, netns });
    return { ip };
  }

  command(uid: string, proc: SandboxProcess): SandboxCommand {
    const pod = this.pods.get(uid);
    if (!pod) throw new Error(`pod ${uid} has no sandbox on this node: create it before starting a process`);
    if (!proc.argv.length) throw new Error(`pod ${uid}: nothing to run (empty command)`);
    const { unshare, nsenter, sh, mount } = this.o.tools;
    const mounts = [...proc.mounts].sort((a, b) => a.containerPath.length - b.containerPath.length);
    const triples = mounts.flatMap((m) => [m.hostPath, m.containerPath, m.readOnly ? 'ro' : 'rw']);
    const enter = [sh, '-c', ENTER_SCRIPT, 'wheelhouse-enter', mount, pod.hostname, proc.workingDir ?? '', etcDir(pod.podDir), ...triples, '--', ...proc.argv];
    if (!pod.netns) return { file: unshare, args: ['--mount', '--propagation', 'private', ...enter] };
    return { file: nsenter, args: [`--net=${netnsPath(pod.netns)}`, unshare, '--mount', '--uts', '--propagation', 'private', ...enter] };
  }

  async destroy(uid: string): Promise<void> {
    const pod = this.pods.get(uid);
    this.pods.delete(uid);
    const netns = this.names.netns(uid);
    // Deleting the host end takes eth0 with it even while a process still holds the namespace.
    await this.o.run(this.o.tools.ip, ['link', 'del', this.names.veth(uid)]).catch(() => undefined);
    if (existsSync(netnsPath(netns))) await this.o.run(this.o.tools.ip, ['netns', 'del', netns]);
    if (pod) await removeEtcFiles(pod.podDir);
  }

  async prune(keep: Iterable<string>): Promise<string[]> {
    const wanted = new Set(keep);
    const stale = (await this.ourNamespaces()).map((n) => n.slice(this.names.netnsPrefix.length)).filter((uid) => !wanted.has(uid) && !this.pods.has(uid));
    for (const uid of stale) await this.destroy(uid).catch((e) => this.o.logger.warn(`sandbox: cannot remove the leftover sandbox of pod ${uid}`, e));
    return stale;
  }

  async close(): Promise<void> {
    const left = await this.ourNamespaces();
    if (left.length) return this.o.logger.warn(`sandbox: bridge ${this.names.bridge} kept: ${left.length} pod sandbox(es) of node ${this.o.nodeName} remain`);
    this.bridge = undefined;
    await this.o.run(this.o.tools.ip, ['link', 'del', this.names.bridge]).catch(() => undefined);
  }

  private ensureBridge(): Promise<void> {
    this.bridge ??= this.makeBridge().catch((error) => {
      this.bridge = undefined;
      throw new Error(`cannot set up the pod network bridge ${this.names.bridge} for ${this.o.podCIDR}: ${(error as Error).message}`);
    });
    return this.bridge;
  }

  private async makeBridge(): Promise<void> {
    const { ip } = this.o.tools;
    const { bridge } = this.names;
    const exists = await this.o.run(ip, ['-o', 'link', 'show', 'dev', bridge]).then(() => true, () => false);
    if (!exists) await this.o.run(ip, ['link', 'add', bridge, 'type', 'bridge']);
    await this.o.run(ip, ['-batch', '-'], `addr replace ${this.cidr.gateway}/${this.cidr.prefix} dev ${bridge}\nlink set ${bridge} up\n`);
  }

  /** a namespace from before a restart: keep it when its eth0 still has an address */
  private async reuse(uid: string, netns: string): Promise<string | undefined> {
    const { ip } = this.o.tools;
    const out = await this.o.run(ip, ['-n', netns, '-4', '-o', 'addr', 'show', 'dev', 'eth0']).catch(() => '');
    const found = /inet (\d+\.\d+\.\d+\.\d+)\//.exec(out)?.[1];
    if (!found || !this.cidr.contains(found)) {
      await this.destroy(uid);
      return undefined;
    }
    // The bridge may be new (close() ran, or it was deleted by hand): put the host end back on it.
    await this.o.run(ip, ['link', 'set', this.names.veth(uid), 'master', this.names.bridge, 'up']).catch(() => undefined);
    return found;
  }

  private async make(spec: SandboxSpec, netns: string): Promise<string> {
    if (!this.cidr.contains(spec.ip) || spec.ip === this.cidr.gateway) throw new Error(`pod IP ${spec.ip} of pod ${spec.namespace}/${spec.name} is not usable in the node's pod CIDR ${this.o.podCIDR}`);
    const { ip } = this.o.tools;
    const veth = this.names.veth(spec.uid);
    await this.o.run(ip, ['link', 'del', veth]).catch(() => undefined);
    try {
      await this.o.run(ip, ['-batch', '-'], `netns add ${netns}\nlink add ${veth} type veth peer name eth0 netns ${netns}\nlink set ${veth} master ${this.names.bridge} up\n`);
      const inside = ['link set lo up', `addr add ${spec.ip}/${this.cidr.prefix} dev eth0`, 'link set eth0 up', `route add default via ${this.cidr.gateway}`];
      await this.o.run(ip, ['-n', netns, '-batch', '-'], `${inside.join('\n')}\n`);
    } catch (error) {
      await this.destroy(spec.uid).catch(() => undefined);
      throw new Error(`cannot create the network namespace of pod ${spec.namespace}/${spec.name}: ${(error as Error).message}`);
    }
    return spec.ip;
  }

  private async ourNamespaces(): Promise<string[]> {
    const out = await this.o.run(this.o.tools.ip, ['netns', 'list']).catch(() => '');
    return out.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(this.names.netnsPrefix));
  }
}
