// A container's environment: env, envFrom, every valueFrom kind and the Service variables. See ../README.md.
export { containerEnv } from './container-env';
export type { ContainerEnvDeps } from './container-env';
export { EnvError } from './errors';
export { expand, mappingFor } from './expand';
export type { Mapping } from './expand';
