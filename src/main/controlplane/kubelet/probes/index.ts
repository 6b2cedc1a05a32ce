// Liveness, readiness and startup probes of the local node's containers. See ../README.md.
export { runProbe, resolvePort } from './run-probe';
export { ProbeManager } from './manager';
export type { ProbeManagerOptions } from './manager';
export { timingsOf } from './worker';
export type { ProbeTimings } from './worker';
export type { ContainerHealth, ProbeKind, ProbeOutcome, ProbeTarget } from './types';
