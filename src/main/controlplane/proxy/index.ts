// The built-in cluster's service proxy. See README.md.
export { ServiceProxy } from './service-proxy';
export type { ServiceProxyOptions } from './service-proxy';
export { LoopbackAddresses, labelFor, whyNoLocalAddresses } from './loopback-addresses';
export type { LocalAddresses } from './loopback-addresses';
export { NODE_IP } from './service-ports';
