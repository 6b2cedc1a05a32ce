// Names outside the cluster go to the host's own resolvers, as CoreDNS's `forward . /etc/resolv.conf`.
// Each upstream gets a short timeout, then the next; when none answers the caller replies SERVFAIL.
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';

const TIMEOUT_MS = 2000;

/** the nameserver lines of a resolv.conf, minus `exclude` (our own address: forwarding there would loop) */
export function upstreamsFrom(resolvConf: string, exclude: string[] = []): string[] {
  return resolvConf
    .split('\n')
    .map((line) => /^\s*nameserver\s+(\S+)/.exec(line)?.[1])
    .filter((ip): ip is string => !!ip && !exclude.includes(ip));
}

export function hostUpstreams(exclude: string[] = [], path = '/etc/resolv.conf'): string[] {
  try {
    return upstreamsFrom(readFileSync(path, 'utf8'), exclude);
  } catch {
    return [];
  }
}

export class Forwarder {
  constructor(
    readonly upstreams: string[],
    private readonly timeoutMs = TIMEOUT_MS,
  ) {}

  /** the first upstream's reply to the raw query, or undefined when none answered in time */
  async forward(query: Buffer): Promise<Buffer | undefined> {
    for (const upstream of this.upstreams) {
      const reply = await this.ask(upstream, query);
      if (reply) return reply;
    }
    return undefined;
  }

  /** upstream: an address (port 53), or "a.b.c.d:port" */
  private ask(upstream: string, query: Buffer): Promise<Buffer | undefined> {
    const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):(\d+)$/.exec(upstream);
    const [host, port] = withPort ? [withPort[1], Number(withPort[2])] : [upstream, 53];
    return new Promise((resolve) => {
      const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
      const done = (reply?: Buffer): void => {
        clearTimeout(timer);
        socket.close();
        resolve(reply);
      };
      const timer = setTimeout(() => done(), this.timeoutMs);
      socket.on('error', () => done());
      // Same id as the query: only a reply to this query is taken.
      socket.on('message', (msg) => msg.length >= 2 && msg.readUInt16BE(0) === query.readUInt16BE(0) && done(msg));
      socket.send(query, port, host);
    });
  }
}
