// Port-forward over a WebSocket (client-node's PortForward; upstream kubelet's websocket.go): for
// the i-th port of ?ports=, channel 2i carries data both ways and 2i+1 errors to the client. The
// first frame on each of them is the port, 2 bytes little-endian, so the client can tell them apart.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { ConnectPort } from '../types';
import { decodeFrame, sendFrame } from './channels';

const portBytes = (port: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port);
  return b;
};

export const serveWebSocketPortForward = (ws: WebSocket, protocol: string, ports: number[], podUid: string, connect: ConnectPort): void => {
  const sockets: Array<Socket | undefined> = [];
  // what the client sent before its port's connection was up
  const pending: Buffer[][] = ports.map(() => []);
  ports.forEach((port, i) => {
    sendFrame(ws, protocol, 2 * i, portBytes(port));
    sendFrame(ws, protocol, 2 * i + 1, portBytes(port));
    const fail = (err: Error): void => {
      sendFrame(ws, protocol, 2 * i + 1, Buffer.from(`error forwarding port ${port} to pod ${podUid}, uid : ${err.message}`), () => ws.close(1000));
    };
    connect(port).then((socket) => {
      if (ws.readyState !== ws.OPEN) return void socket.destroy();
      sockets[i] = socket;
      for (const b of pending[i].splice(0)) socket.write(b);
      socket.on('data', (chunk: Buffer) => {
        sendFrame(ws, protocol, 2 * i, chunk, () => {
          if (socket.isPaused() && ws.bufferedAmount < 1 << 20) socket.resume();
        });
        if (ws.bufferedAmount >= 1 << 20) socket.pause();
      });
      socket.on('error', fail);
      socket.on('end', () => ws.close(1000));
    }, fail);
  });
  ws.on('message', (msg: Buffer, isBinary: boolean) => {
    const frame = decodeFrame(protocol, msg, isBinary);
    if (!frame || frame.channel % 2 !== 0 || frame.data.length === 0) return;
    const i = frame.channel / 2;
    if (i >= ports.length) return;
    if (sockets[i]) sockets[i]!.write(frame.data);
    else pending[i].push(Buffer.from(frame.data));
  });
  const closeAll = (): void => sockets.forEach((s) => s?.destroy());
  ws.on('close', closeAll);
  ws.on('error', closeAll);
};
