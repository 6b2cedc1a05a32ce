// Names of what a node's sandboxes put in the kernel, all derived from the node name and pod UID so
// that a restarted cluster finds them again and a crashed one's leftovers can be told apart.
// Interface names have at most 15 characters (IFNAMSIZ - 1); netns names are file names in /run/netns.
import { createHash } from 'node:crypto';

const hash = (text: string, chars: number): string => createHash('sha256').update(text).digest('hex').slice(0, chars);

export interface NodeNames {
  /** the node's bridge, holding the pod CIDR's gateway address: wh-<8 hex> */
  bridge: string;
  /** prefix of every netns of this node: wh-<8 hex>- */
  netnsPrefix: string;
  netns(uid: string): string;
  /** the host end of a pod's veth pair: wv<12 hex> */
  veth(uid: string): string;
}

export function nodeNames(nodeName: string): NodeNames {
  const node = hash(nodeName, 8);
  return {
    bridge: `wh-${node}`,
    netnsPrefix: `wh-${node}-`,
    netns: (uid) => `wh-${node}-${uid}`,
    veth: (uid) => `wv${hash(`${nodeName}/${uid}`, 12)}`,
  };
}

export interface Cidr {
  prefix: number;
  /** the first address: the gateway on the node's bridge, as cni0 has it */
  gateway: string;
  contains(ip: string): boolean;
}

const toNumber = (ip: string): number => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const toText = (n: number): string => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

export function parseCidr(cidr: string): Cidr {
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
  const prefix = Number(m?.[2]);
  if (!m || prefix > 30 || m[1].split('.').some((o) => Number(o) > 255)) throw new Error(`invalid pod CIDR "${cidr}": want an IPv4 network such as 10.244.0.0/24`);
  const size = 2 ** (32 - prefix);
  const base = toNumber(m[1]) - (toNumber(m[1]) % size);
  return { prefix, gateway: toText(base + 1), contains: (ip) => toNumber(ip) - base >= 0 && toNumber(ip) - base < size };
}
