// Hands out pod IPs from a node's pod CIDR (an IPv4 /24 or wider), as the CNI's host-local IPAM does:
// the next free address after the last one given, so a deleted pod's IP is not reused at once.
export class PodIPs {
  private readonly base: number;
  private readonly size: number;
  private readonly byUid = new Map<string, number>();
  private readonly used = new Set<number>();
  private cursor = 1;

  constructor(cidr: string) {
    const [ip, bits] = cidr.split('/');
    this.base = ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
    this.size = 2 ** (32 - Number(bits ?? 24));
  }

  allocate(uid: string): string {
    const known = this.byUid.get(uid);
    if (known !== undefined) return toText(this.base + known);
    // .0 is the network, .1 the gateway (cni0), the last one broadcast.
    for (let tries = 0; tries < this.size; tries++) {
      this.cursor = this.cursor + 1 >= this.size - 1 ? 2 : this.cursor + 1;
      if (!this.used.has(this.cursor)) {
        this.used.add(this.cursor);
        this.byUid.set(uid, this.cursor);
        return toText(this.base + this.cursor);
      }
    }
    throw new Error('no free pod IP in the node\'s pod CIDR');
  }

  /** takes an address a pod already holds (from before a restart) */
  reserve(uid: string, ip: string): void {
    const n = ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0) - this.base;
    if (n <= 0 || n >= this.size || this.used.has(n)) return;
    this.used.add(n);
    this.byUid.set(uid, n);
  }

  release(uid: string): void {
    const offset = this.byUid.get(uid);
    if (offset === undefined) return;
    this.byUid.delete(uid);
    this.used.delete(offset);
  }
}

const toText = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** node i's pod CIDR: 10.244.0.0/16 split in /24s, continuing into 10.245… past 256 nodes */
export const podCIDRFor = (i: number): string => `10.${244 + Math.floor(i / 256)}.${i % 256}.0/24`;
