// SPDY/3.1 (kubectl 1.27–1.30 exec/attach/port-forward, and kubectl 1.31+ port-forward tunnelled in a
// WebSocket) is served by ../streaming/spdy once it exists; until then such clients get a clear 400.
import type { WebSocket } from 'ws';
import type { ConnectPort, ExecQuery, StartExec, UpgradeRequest } from '../streaming/types';
import { rejectUpgrade } from './respond';

export const SPDY_AVAILABLE = false;

export const serveSpdyExec = (u: UpgradeRequest, _query: ExecQuery, _start: StartExec): void => rejectUpgrade(u.socket, 400, 'SPDY not supported yet');

export const serveSpdyPortForward = (u: UpgradeRequest, _connect: ConnectPort): void => rejectUpgrade(u.socket, 400, 'SPDY not supported yet');

export const serveTunneledPortForward = (ws: WebSocket, _connect: ConnectPort): void => ws.close(1011, 'SPDY not supported yet');
