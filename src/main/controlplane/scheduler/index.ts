// The scheduler's public face: the loop for the composition root, explain() for the engine and UI,
// and the pure core for tools that simulate placements.
export { Scheduler } from './loop/scheduler';
export type { SchedulerOptions } from './loop/scheduler';
export { runWithLeaderElection } from './loop/leader';
export type { LeaderOptions, LeadingScheduler } from './loop/leader';
export type { Explanation, NodeExplanation, PluginScore } from './explain/record';
export { Explanations } from './explain/explanations';
export { Cycle } from './framework/cycle';
export type { CycleResult } from './framework/cycle';
export { defaultProfile, DEFAULT_SCHEDULER_NAME } from './default-profile';
export type { Plugin, Profile, Status } from './framework/types';
export { Snapshot } from './snapshot/snapshot';
export { newPodInfo } from './snapshot/pod-info';
