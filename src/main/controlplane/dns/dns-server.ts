// The cluster DNS server: the same Responder behind UDP and TCP on one address. It binds the first
// address that works from a list (10.96.0.10:53 when the host lets it have that address, else a free
// loopback port) and says which one it got.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../client';
import type { Responder } from './responder';

export interface BindAddress {
  ip: string;
  /** 0 = any free port (the same one for UDP and TCP) */
  port: number;
}

export interface DnsServer {
  ip: string;
  port: number;
  stop(): Promise<void>;
}

/** the largest UDP payload; the Responder cuts replies down to what the query allows */
const UDP_MAX = 65_507;
/** a TCP client that sends nothing for this long is dropped, so idle connections cannot pile up */
const TCP_IDLE_MS = 10_000;

export async function startDnsServer(responder: Responder, binds: BindAddress[], logger: Logger): Promise<DnsServer> {
  const errors: string[] = [];
  for (const bind of binds) {
    try {
      return await bindBoth(responder, bind, logger);
    } catch (err) {
      errors.push(`${bind.ip}:${bind.port}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  throw new Error(`cluster DNS could not listen on any address (${errors.join('; ')})`);
}

async function bindBoth(responder: Responder, bind: BindAddress, logger: Logger): Promise<DnsServer> {
  // With port 0 the free UDP port may be taken for TCP; try a few.
  for (let attempt = 0; ; attempt++) {
    const udp = await listenUdp(responder, bind, logger);
    const port = udp.address().port;
    try {
      const tcp = await listenTcp(responder, { ip: bind.ip, port }, logger);
      return { ip: bind.ip, port, stop: () => stopBoth(udp, tcp) };
    } catch (err) {
      udp.close();
      if (bind.port !== 0 || attempt >= 4) throw err;
    }
  }
}

function listenUdp(responder: Responder, bind: BindAddress, logger: Logger): Promise<UdpSocket> {
  const socket = createSocket('udp4');
  socket.on('message', (msg, from) => {
    void responder.respond(msg, UDP_MAX).then((reply) => reply && socket.send(reply, from.port, from.address));
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address: bind.ip, port: bind.port, exclusive: true }, () => {
      socket.off('error', reject);
      socket.on('error', (err) => logger.warn('dns: UDP socket error', err));
      resolve(socket);
    });
  });
}

function listenTcp(responder: Responder, bind: BindAddress, logger: Logger): Promise<Server & { open: Set<Socket> }> {
  const open = new Set<Socket>();
  const server = Object.assign(createServer((socket) => serveTcp(responder, socket, open)), { open });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: bind.ip, port: bind.port, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (err) => logger.warn('dns: TCP listener error', err));
      resolve(server);
    });
  });
}

/** RFC 1035 4.2.2: each message is preceded by its two-byte length; a connection may carry several */
function serveTcp(responder: Responder, socket: Socket, open: Set<Socket>): void {
  open.add(socket);
  socket.setTimeout(TCP_IDLE_MS, () => socket.destroy());
  socket.on('close', () => open.delete(socket));
  socket.on('error', () => undefined);
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
      const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
      buffered = buffered.subarray(2 + message.length);
      void responder.respond(message).then((reply) => {
        if (!reply || socket.destroyed) return;
        const length = Buffer.alloc(2);
        length.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([length, reply]));
      });
    }
  });
}

async function stopBoth(udp: UdpSocket, tcp: Server & { open: Set<Socket> }): Promise<void> {
  for (const s of tcp.open) s.destroy();
  await Promise.all([new Promise<void>((r) => udp.close(() => r())), new Promise<void>((r) => tcp.close(() => r()))]);
}
