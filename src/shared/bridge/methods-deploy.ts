// Click-to-deploy, the cluster overview and the live events view.
// Merged into BridgeMethods in methods.ts; one file per area so each can grow on its own.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DeployMethods {}
