// Node agents (kubelet) and their runtimes. See README.md.
export { NodeAgentPool } from './pool';
export type { NodeAgentPoolOptions } from './pool';
export { NodeAgent } from './node-agent';
export type { NodeConfig, NodeTaint } from './node-config';
export { SIMULATED_LABEL, KUBELET_VERSION } from './node-config';
export { planNodes, sanitizeNodeName } from './plan';
export type { NodePlan } from './plan';
export type { PodRuntime, RuntimePod, RuntimeContainer, NodeEnv } from './runtimes/types';
export { SimulatedRuntime, SIMULATED_RUNTIME_VERSION } from './runtimes/simulated/runtime';
export { ProcessRuntime, PROCESS_RUNTIME_VERSION } from './runtimes/process';
export { localRuntimeFor, LOCAL_RUNTIMES } from './local-runtime';
export type { LocalRuntimeKind } from './local-runtime';
