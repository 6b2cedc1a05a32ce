// The kubelet's streaming protocols see only this: an upgraded connection, and how to start the
// process or reach the port behind it. The server (../server) resolves pod and container, then
// hands the connection to the protocol the client asked for:
//   Upgrade: websocket, v5/v4.channel.k8s.io     → websocket/ (exec, attach; kubectl 1.30+, client-node)
//   Upgrade: websocket, SPDY/3.1+portforward.k8s.io → spdy/ over a WebSocket tunnel (kubectl 1.31+ port-forward)
//   Upgrade: websocket, portforward.k8s.io / v4.channel.k8s.io on /portForward → websocket/ (client-node PortForward)
//   Upgrade: SPDY/3.1                            → spdy/ (exec, attach and port-forward of kubectl 1.27–1.30)
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { ExecOptions, ExecSession } from '../server/types';

export interface UpgradeRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
}

/** starts the exec (or attach) once the protocol knows which streams the client opened */
export type StartExec = (opts: ExecOptions) => Promise<ExecSession>;

/** a connection to the pod's port */
export type ConnectPort = (port: number) => Promise<Socket>;

/** the exec options a request's query asks for (?stdin=1&stdout=1&stderr=1&tty=1&command=…) */
export interface ExecQuery {
  command: string[];
  options: ExecOptions;
}
