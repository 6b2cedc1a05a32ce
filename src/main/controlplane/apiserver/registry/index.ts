export { RestStorage } from './rest-storage';
export type { Clock, RestStorageDeps } from './context';
export { watchEventJSON, jsonOf, listJSON } from './json';
export { parseLabelSelector, matchesLabels, formatLabelSelector } from './labels';
export type { LabelSelector, Requirement } from './labels';
