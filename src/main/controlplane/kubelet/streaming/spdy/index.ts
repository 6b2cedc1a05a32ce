// SPDY/3.1 streams of the kubelet: exec and attach for kubectl 1.27–1.29, port-forward for
// kubectl ≤1.30, and port-forward tunnelled in a WebSocket for kubectl 1.31+.
export { serveSpdyExec, EXEC_PROTOCOLS, STREAM_CREATION_TIMEOUT_MS, type SpdyExecOptions } from './exec';
export { serveSpdyPortForward, serveTunneledPortForward, PORT_FORWARD_PROTOCOLS, type SpdyPortForwardOptions } from './port-forward';
export { acceptTunneledPortForward, closeTunneledPortForwards, isTunneledPortForward, TUNNELED_PORT_FORWARD_PROTOCOL } from './tunnel';
