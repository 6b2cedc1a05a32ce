// Entry points for REST storage: the field manager, and the no-op-write guard to run after the strategy.
export { createFieldManager, StructuredFieldManager, beforeFirstApplyManager } from './fieldmanager';
export { ignoreManagedFieldsTimestamps } from './timestamps';
export type { ApplyRequest, FieldManager, ManagedFieldsEntry, UpdateRequest } from './types';
