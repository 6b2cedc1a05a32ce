// Constructors for statuses, so plugins state reasons the way upstream words them.
import type { Status } from './types';

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });

export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });

export const skip: Status = { code: 'Skip', reasons: [] };

export const asError = (err: unknown): Status => ({ code: 'Error', reasons: [err instanceof Error ? err.message : String(err)] });
