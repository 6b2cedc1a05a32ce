// tcpSocket probes: success when a connection opens within the timeout, as upstream's DoTCPProbe.
import { connect } from 'node:net';
import type { ProbeOutcome } from './types';
import { dialError, hostPort } from './words';

export function tcpProbe(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  const address = hostPort(host, port);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (outcome: ProbeOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done({ result: 'failure', message: `dial tcp ${address}: i/o timeout` }), timeoutMs);
    socket.once('connect', () => done({ result: 'success' }));
    socket.once('error', (err) => done({ result: 'failure', message: dialError(address, err) }));
  });
}
