// The kernel side of a node's netns sandboxes, through `ip`: the bridge, and per pod a named netns
// with a veth pair. Pods come and go in rounds (rounds.ts): one `ip -batch` for the host side of every
// pod in a round, one `sh` that configures each pod's eth0 from inside its namespace (nsenter + ip, in
// parallel), and one `ip -batch -force` to remove a round's pods.
import { writeFile } from 'node:fs/promises';
import type { Tools } from './detect';
import type { Cidr, NodeNames } from './names';
import { Rounds } from './rounds';
import type { Run } from './run';

interface PodLink {
  uid: string;
  ip: string;
}

// Arguments: IP NSENTER PREFIX GATEWAY then NETNS ADDRESS pairs (checked by the caller: names we made,
// dotted quads); prints "ok NETNS" for each pod done. One fork per pod, all in parallel.
const INSIDE_SCRIPT = `ip=$1; nse=$2; prefix=$3; gw=$4; shift 4; jobs=
while [ "$#" -gt 1 ]; do
  "$nse" --net="/run/netns/$1" "$ip" -batch - >/dev/null <<EOF &
link set lo up
addr add $2/$prefix dev eth0
link set eth0 up
route add default via $gw
EOF
  jobs="$jobs $!:$1"; shift 2
done
for j in $jobs; do wait "\${j%%:*}" && echo "ok \${j#*:}"; done
`;

export class PodLinks {
  private readonly adds = new Rounds<PodLink>((pods) => this.addRound(pods));
  private readonly removals = new Rounds<string>((uids) => this.removeRound(uids));
  private bridgeReady?: Promise<void>;

  constructor(
    private readonly run: Run,
    private readonly tools: Tools,
    private readonly names: NodeNames,
    private readonly cidr: Cidr,
  ) {}

  /** the node's bridge with the gateway address; made once, again after removeBridge() */
  ensureBridge(): Promise<void> {
    this.bridgeReady ??= this.makeBridge().catch((error) => {
      this.bridgeReady = undefined;
      throw error;
    });
    return this.bridgeReady;
  }

  /** makes the pod's netns, veth pair and eth0 with `ip`/prefix and the default route */
  add(uid: string, ip: string): Promise<void> {
    return this.adds.add({ uid, ip });
  }

  /** deletes the host end (which takes eth0 with it even while a process holds the namespace) and the netns */
  remove(uid: string): Promise<void> {
    return this.removals.add(uid);
  }

  /** the IPv4 address of eth0 in the pod's netns, if it has one */
  async address(uid: string): Promise<string | undefined> {
    const out = await this.ip(['-n', this.names.netns(uid), '-4', '-o', 'addr', 'show', 'dev', 'eth0']).catch(() => '');
    return /inet (\d+\.\d+\.\d+\.\d+)\//.exec(out)?.[1];
  }

  /** puts the host end back on the bridge (the bridge may have been made again since) */
  async reattach(uid: string): Promise<void> {
    await this.ip(['link', 'set', this.names.veth(uid), 'master', this.names.bridge, 'up']);
  }

  async namespaces(): Promise<string[]> {
    const out = await this.ip(['netns', 'list']).catch(() => '');
    return out.split('\n').map((l) => l.split(' ')[0]).filter((n) => n.startsWith(this.names.netnsPrefix));
  }

  async removeBridge(): Promise<void> {
    this.bridgeReady = undefined;
    await this.ip(['link', 'del', this.names.bridge]).catch(() => undefined);
  }

  private ip(args: string[], input?: string): Promise<string> {
    return this.run(this.tools.ip, args, input);
  }

  private async makeBridge(): Promise<void> {
    const { bridge } = this.names;
    const exists = await this.ip(['-o', 'link', 'show', 'dev', bridge]).then(() => true, () => false);
    if (!exists) await this.ip(['link', 'add', bridge, 'type', 'bridge']);
    await this.ip(['-batch', '-'], `addr replace ${this.cidr.gateway}/${this.cidr.prefix} dev ${bridge}\nlink set ${bridge} up\n`);
    // Pods of another node (its own bridge) are reached through the host: forward what arrives on
    // this bridge only, leaving the host's global ip_forward as the user set it.
    await writeFile(`/proc/sys/net/ipv4/conf/${bridge}/forwarding`, '1');
  }

  private async addRound(pods: PodLink[]): Promise<(Error | undefined)[]> {
    const hostSideOk = await this.ip(['-batch', '-'], pods.map((p) => this.hostSide(p)).join('')).then(() => true, () => false);
    // A line failed (a leftover veth of the same name?) and ip stopped there: redo each pod on its own.
    const failed = new Map<string, Error>();
    if (!hostSideOk) {
      await Promise.all(pods.map(async (p) => {
        await this.removeRound([p.uid]);
        await this.ip(['-batch', '-'], this.hostSide(p)).catch((e: Error) => failed.set(p.uid, e));
      }));
    }
    const todo = pods.filter((p) => !failed.has(p.uid));
    const args = [this.tools.ip, this.tools.nsenter, String(this.cidr.prefix), this.cidr.gateway, ...todo.flatMap((p) => [this.names.netns(p.uid), p.ip])];
    const out = todo.length ? await this.run(this.tools.sh, ['-c', INSIDE_SCRIPT, 'wheelhouse-links', ...args]).catch(() => '') : '';
    const ok = new Set(out.split('\n').filter((l) => l.startsWith('ok ')).map((l) => l.slice(3)));
    // A pod whose eth0 was not configured: try once alone, so its error says what went wrong.
    return Promise.all(pods.map(async (p) => failed.get(p.uid) ?? (ok.has(this.names.netns(p.uid)) ? undefined : this.insideAlone(p))));
  }

  private async insideAlone(p: PodLink): Promise<Error | undefined> {
    const lines = ['link set lo up', `addr add ${p.ip}/${this.cidr.prefix} dev eth0`, 'link set eth0 up', `route add default via ${this.cidr.gateway}`];
    return this.ip(['-n', this.names.netns(p.uid), '-batch', '-'], `${lines.join('\n')}\n`).then(() => undefined, (e: Error) => e);
  }

  private hostSide(p: PodLink): string {
    const netns = this.names.netns(p.uid);
    const veth = this.names.veth(p.uid);
    return `netns add ${netns}\nlink add ${veth} type veth peer name eth0 netns ${netns}\nlink set ${veth} master ${this.names.bridge} up\n`;
  }

  private async removeRound(uids: string[]): Promise<(Error | undefined)[]> {
    // -force goes on past lines that fail because a netns is already gone. A netns no process holds takes
    // its veth pair with it within moments, for all pods of the round at once, whereas `link del` waits
    // for the kernel per link (about 25 ms each); only pairs still there afterwards are deleted one by one.
    await this.ip(['-force', '-batch', '-'], uids.map((uid) => `netns del ${this.names.netns(uid)}\n`).join('')).catch(() => undefined);
    let left = await this.vethsLeft(uids);
    if (left.length) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = await this.vethsLeft(left);
    }
    if (left.length) await this.ip(['-force', '-batch', '-'], left.map((uid) => `link del ${this.names.veth(uid)}\n`).join('')).catch(() => undefined);
    const netnsLeft = new Set(await this.namespaces());
    return uids.map((uid) => (netnsLeft.has(this.names.netns(uid)) ? new Error(`cannot remove network namespace ${this.names.netns(uid)}`) : undefined));
  }

  /** the pods among `uids` whose host-side veth still exists */
  private async vethsLeft(uids: string[]): Promise<string[]> {
    const out = await this.ip(['-o', 'link', 'show', 'type', 'veth']).catch(() => '');
    const present = new Set(out.split('\n').map((l) => /^\d+:\s*([^:@\s]+)/.exec(l)?.[1]));
    return uids.filter((uid) => present.has(this.names.veth(uid)));
  }
}
