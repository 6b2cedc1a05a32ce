// Status conditions as upstream's Set/Get/RemoveCondition helpers: setting a condition with the same
// status and reason changes nothing; a new reason with the same status keeps lastTransitionTime.
import type { Obj } from '../../client';
import { timestamp } from '../../client';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
}

export const getCondition = (status: Obj | undefined, type: string): Condition | undefined =>
  (status?.conditions as Condition[] | undefined)?.find((c) => c.type === type);

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, nowMs: number, withUpdateTime = true): Condition {
  const at = timestamp(nowMs);
  return withUpdateTime ? { type, status, lastUpdateTime: at, lastTransitionTime: at, reason, message } : { type, status, lastTransitionTime: at, reason, message };
}

/** sets cond on status (mutating); returns false when nothing changed */
export function setCondition(status: Obj, cond: Condition): boolean {
  const current = getCondition(status, cond.type);
  if (current && current.status === cond.status && current.reason === cond.reason) return false;
  const next = { ...cond };
  if (current && current.status === cond.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...((status.conditions as Condition[] | undefined) ?? []).filter((c) => c.type !== cond.type), next];
  return true;
}

export function removeCondition(status: Obj, type: string): void {
  const rest = ((status.conditions as Condition[] | undefined) ?? []).filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}
