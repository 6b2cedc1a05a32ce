// One local TCP connection carried to a pod's port through the API server's pods/portforward
// (client-node's PortForward: one WebSocket per connection, data on channel 0, errors on 1).
import { PortForward, type KubeConfig } from '@kubernetes/client-node';
import type { Socket } from 'node:net';
import { Writable } from 'node:stream';

export interface DialTarget {
  namespace: string;
  pod: string;
  port: number;
}

/** connects socket to the target; resolves once the tunnel is up, rejects if it cannot be opened;
 *  onError hears what the far side reports later ("connection refused" inside the pod) */
export type Dial = (target: DialTarget, socket: Socket, onError: (message: string) => void) => Promise<void>;

export function portForwardDial(kc: KubeConfig): Dial {
  return async (target, socket, onError) => {
    const errors = new Writable({
      write(chunk: Buffer, _enc, done) {
        onError(chunk.toString().trim());
        done();
      },
    });
    const ws = await new PortForward(kc, true).portForward(target.namespace, target.pod, [target.port], socket, errors, socket);
    const conn = ws as unknown as { close(): void; on(e: string, l: (...a: unknown[]) => void): void };
    conn.on('close', () => socket.end());
    conn.on('error', () => socket.destroy());
    socket.on('close', () => conn.close());
    socket.on('error', () => conn.close());
  };
}
