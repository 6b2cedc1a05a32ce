// The local node's process runtime. See ../../README.md "Process runtime".
export { ProcessRuntime, PROCESS_RUNTIME_VERSION } from './runtime';
export type { ProcessRuntimeOptions, ContainerProbes, PodVolumeHooks } from './runtime';
export { CLUSTER_DNS_IP, CLUSTER_DOMAIN, podDns } from './pod-dns';
export { detectCgroups } from './cgroups';
