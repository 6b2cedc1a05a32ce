// One UDP "listener" in front of a Service port, as kube-proxy's userspace mode did it: each client
// address gets its own socket towards one backend (the flow), replies go back from the Service's
// address, and a flow idle for a while is dropped. Datagrams for a Service with no backend are dropped.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { Logger } from '../client';
import type { Balancer } from './balancer';
import { type Frontend, type Listener, frontendKey } from './frontend';

/** like conntrack's UDP timeout: a flow without traffic for this long is forgotten */
const FLOW_IDLE_MS = 30_000;

interface Flow {
  socket: Socket;
  timer?: ReturnType<typeof setTimeout>;
  /** datagrams that arrived before the flow's socket was connected */
  pending?: Buffer[];
}

export function listenUdp(frontend: Frontend, balancer: Balancer, logger: Logger): Promise<Listener> {
  const server = createSocket({ type: 'udp4', reuseAddr: false });
  const flows = new Map<string, Flow>();
  const drop = (key: string): void => {
    const flow = flows.get(key);
    if (!flow) return;
    flows.delete(key);
    clearTimeout(flow.timer);
    flow.socket.close();
  };
  const touch = (key: string, flow: Flow): void => {
    clearTimeout(flow.timer);
    flow.timer = setTimeout(() => drop(key), FLOW_IDLE_MS);
    flow.timer.unref();
  };
  const open = (from: RemoteInfo): Flow | undefined => {
    const backend = balancer.order(from.address)[0];
    if (!backend) return undefined;
    balancer.used(from.address, backend);
    const socket = createSocket('udp4');
    const flow: Flow = { socket, pending: [] };
    socket.connect(backend.port, backend.ip, () => {
      for (const msg of flow.pending ?? []) socket.send(msg);
      flow.pending = undefined;
    });
    socket.on('message', (reply) => server.send(reply, from.port, from.address));
    socket.on('error', () => drop(`${from.address}:${from.port}`));
    return flow;
  };
  server.on('message', (msg, from) => {
    const key = `${from.address}:${from.port}`;
    let flow = flows.get(key);
    if (!flow) {
      flow = open(from);
      if (!flow) return;
      flows.set(key, flow);
    }
    touch(key, flow);
    // send() before connect() completes throws; queue behind it.
    if (flow.pending) flow.pending.push(msg);
    else flow.socket.send(msg);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.bind({ address: frontend.ip, port: frontend.port, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (err) => logger.warn(`proxy ${frontendKey(frontend)}: listener error`, err));
      resolve({
        close: async () => {
          for (const key of [...flows.keys()]) drop(key);
          await new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}
