// Log streams (logs view): single container, previous, and merged across a workload's pods.
// Merged into BridgeMethods in methods.ts; one file per area so each can grow on its own.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LogsMethods {}
