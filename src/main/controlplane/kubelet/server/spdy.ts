// SPDY/3.1 (kubectl 1.27–1.30 exec/attach/port-forward, and kubectl 1.31+ port-forward tunnelled in a
// WebSocket) is served by ../streaming/spdy; the dispatcher reaches it through here.
export { acceptTunneledPortForward, closeTunneledPortForwards, serveSpdyExec, serveSpdyPortForward, serveTunneledPortForward } from '../streaming/spdy';
