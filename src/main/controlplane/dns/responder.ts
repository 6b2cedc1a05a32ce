// One DNS message in, one out: cluster names from the records, everything else through the
// forwarder. Never throws: a message that does not parse gets FORMERR, a failed forward SERVFAIL.
import * as dnsPacket from 'dns-packet';
import type { Answer as DnsAnswer, DecodedPacket, Packet } from 'dns-packet';
import type { ClusterRecords, Answer } from './records';
import type { Forwarder } from './forwarder';
import { TTL } from './records';

const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4 } as const;
type RcodeName = keyof typeof RCODE;

/** the smallest UDP reply size every resolver accepts (RFC 1035); EDNS can raise it */
export const UDP_LIMIT = 512;

export class Responder {
  constructor(
    private readonly records: ClusterRecords,
    private readonly forwarder: Forwarder,
  ) {}

  /** the reply; `maxSize` (UDP: 512, or more if the query's EDNS allows) bounds it, and a bigger one goes out truncated so the client retries over TCP */
  async respond(message: Buffer, maxSize = Infinity): Promise<Buffer | undefined> {
    let query: DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return message.length >= 2 ? headerOnly(message.readUInt16BE(0), 'FORMERR') : undefined;
    }
    const limit = maxSize === Infinity ? Infinity : Math.max(UDP_LIMIT, Math.min(maxSize, ednsSize(query) ?? 0));
    const question = query.questions?.[0];
    if (query.type !== 'query' || !question) return this.encode(reply(query, 'FORMERR'), limit);
    const opcode = (query as { opcode?: string }).opcode;
    if (opcode && opcode !== 'QUERY') return this.encode(reply(query, 'NOTIMP'), limit);
    const found = this.records.lookup(question.name, question.type);
    if (!found) {
      const forwarded = await this.forwarder.forward(message);
      return forwarded ?? this.encode(reply(query, 'SERVFAIL'), limit);
    }
    // Before the caches hold the cluster, an NXDOMAIN would be cached by clients as a lie.
    if (!this.records.synced()) return this.encode(reply(query, 'SERVFAIL'), limit);
    return this.encode(this.answerPacket(query, found), limit);
  }

  private answerPacket(query: DecodedPacket, found: Answer): Packet {
    const packet = reply(query, found.rcode, dnsPacket.AUTHORITATIVE_ANSWER);
    packet.answers = found.answers as DnsAnswer[];
    packet.additionals = (found.additionals ?? []) as DnsAnswer[];
    if (found.answers.length === 0) packet.authorities = [this.soa()];
    return packet;
  }

  private soa(): DnsAnswer {
    const zone = this.records.zone;
    // The SOA CoreDNS's kubernetes plugin gives; its minimum is the negative-caching TTL.
    return { type: 'SOA', name: zone, ttl: TTL, data: { mname: `ns.dns.${zone}`, rname: `hostmaster.${zone}`, serial: Math.floor(Date.now() / 1000), refresh: 7200, retry: 1800, expire: 86400, minimum: TTL } };
  }

  private encode(packet: Packet, limit: number): Buffer {
    const full = dnsPacket.encode(packet);
    if (full.length <= limit) return full;
    return dnsPacket.encode({ ...packet, flags: (packet.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [], additionals: [] });
  }
}

const reply = (query: DecodedPacket, rcode: RcodeName, extraFlags = 0): Packet => ({
  type: 'response',
  id: query.id,
  flags: ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | dnsPacket.RECURSION_AVAILABLE | extraFlags | RCODE[rcode],
  questions: query.questions,
  answers: [],
});

/** the UDP payload size a query's EDNS OPT record offers */
const ednsSize = (packet: Packet): number | undefined => (packet.additionals ?? []).find((a) => a.type === 'OPT')?.udpPayloadSize;

/** a reply carrying only a header, for a message that does not parse */
const headerOnly = (id: number, rcode: RcodeName): Buffer => {
  const buf = Buffer.alloc(12);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(0x8000 | dnsPacket.RECURSION_AVAILABLE | RCODE[rcode], 2);
  return buf;
};
