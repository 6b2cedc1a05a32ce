// The service network, as kubeadm's defaults: --service-cluster-ip-range=10.96.0.0/12 (the first
// address is the `kubernetes` Service's) and --service-node-port-range=30000-32767.
export const SERVICE_CIDR = '10.96.0.0/12';
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };

export interface Cidr {
  base: number;
  size: number;
  text: string;
}

export const ipToInt = (ip: string): number | undefined => {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
};

export const intToIp = (n: number): string => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');

export const parseCidr = (text: string): Cidr => {
  const [ip, bits] = text.split('/');
  const size = 2 ** (32 - Number(bits));
  const base = Math.floor(ipToInt(ip)! / size) * size;
  return { base, size, text };
};

/** offset of an address inside the range, excluding the network and broadcast addresses */
export const offsetIn = (cidr: Cidr, ip: string): number | undefined => {
  const n = ipToInt(ip);
  if (n === undefined) return undefined;
  const off = n - cidr.base;
  return off >= 1 && off < cidr.size - 1 ? off : undefined;
};
