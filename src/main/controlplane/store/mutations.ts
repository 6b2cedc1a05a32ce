// What a create, update or delete writes: the log row, the watch event and the caller's result.
// Pure functions of the key's current state, so the checks and the revision are decided before
// anything touches SQLite.
import type { KeyValue, WatchEvent } from './types';
import type { LogRow } from './log-table';
import { KeyExistsError, KeyNotFoundError, RevisionMismatchError } from './errors';

export interface Mutation {
  row: LogRow;
  event: WatchEvent;
  /** what the write's promise resolves with */
  result: KeyValue;
  /** the key's live value after the write; undefined after a delete */
  next: KeyValue | undefined;
}

function checkCurrent(key: string, current: KeyValue | undefined, expected: number | undefined): KeyValue {
  if (!current) throw new KeyNotFoundError(key);
  if (expected !== undefined && expected !== current.modRevision) throw new RevisionMismatchError(key, expected, current);
  return current;
}

export function planCreate(key: string, value: string, current: KeyValue | undefined, rev: number): Mutation {
  if (current) throw new KeyExistsError(key);
  const kv = Object.freeze({ key, value, createRevision: rev, modRevision: rev, version: 1 });
  const row: LogRow = { id: rev, key, deleted: 0, create_revision: rev, prev_revision: 0, version: 1, value };
  return { row, event: Object.freeze({ type: 'PUT', kv }), result: kv, next: kv };
}

export function planUpdate(
  key: string,
  value: string,
  current: KeyValue | undefined,
  expected: number | undefined,
  rev: number,
): Mutation {
  const prev = checkCurrent(key, current, expected);
  const kv = Object.freeze({ key, value, createRevision: prev.createRevision, modRevision: rev, version: prev.version + 1 });
  const row: LogRow = {
    id: rev,
    key,
    deleted: 0,
    create_revision: kv.createRevision,
    prev_revision: prev.modRevision,
    version: kv.version,
    value,
  };
  return { row, event: Object.freeze({ type: 'PUT', kv, prevKv: prev }), result: kv, next: kv };
}

export function planDelete(key: string, current: KeyValue | undefined, expected: number | undefined, rev: number): Mutation {
  const prev = checkCurrent(key, current, expected);
  // The tombstone keeps the deleted value so the DELETE event survives compaction of older rows.
  const row: LogRow = {
    id: rev,
    key,
    deleted: 1,
    create_revision: prev.createRevision,
    prev_revision: prev.modRevision,
    version: prev.version,
    value: prev.value,
  };
  const kv = Object.freeze({ key, value: '', createRevision: 0, modRevision: rev, version: 0 });
  return { row, event: Object.freeze({ type: 'DELETE', kv, prevKv: prev }), result: prev, next: undefined };
}
