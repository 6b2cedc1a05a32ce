// Sentinel errors of the store. The API server maps them to HTTP codes:
// KeyExists → 409 AlreadyExists, KeyNotFound → 404, RevisionMismatch → 409 Conflict,
// Compacted → 410 Gone, FutureRevision → 504/"too large resource version".
import type { KeyValue } from './types';

export class KeyExistsError extends Error {
  override readonly name = 'KeyExistsError';
  constructor(readonly key: string) {
    super(`key already exists: ${key}`);
  }
}

export class KeyNotFoundError extends Error {
  override readonly name = 'KeyNotFoundError';
  constructor(readonly key: string) {
    super(`key not found: ${key}`);
  }
}

/** The compare-and-swap lost: `current` is the kv as it is now, so the caller can retry from it. */
export class RevisionMismatchError extends Error {
  override readonly name = 'RevisionMismatchError';
  constructor(
    readonly key: string,
    readonly expectedModRevision: number,
    readonly current: KeyValue,
  ) {
    super(`revision mismatch on ${key}: expected ${expectedModRevision}, current ${current.modRevision}`);
  }
}

export class CompactedError extends Error {
  override readonly name = 'CompactedError';
  constructor(
    readonly requestedRevision: number,
    readonly compactRevision: number,
  ) {
    super(`required revision ${requestedRevision} has been compacted (compacted up to ${compactRevision})`);
  }
}

export class FutureRevisionError extends Error {
  override readonly name = 'FutureRevisionError';
  constructor(
    readonly requestedRevision: number,
    readonly currentRevision: number,
  ) {
    super(`required revision ${requestedRevision} is a future revision (current ${currentRevision})`);
  }
}

/** The disk refused a write or an fsync: the store stops accepting writes rather than guess what is on disk. */
export class StoreFailedError extends Error {
  override readonly name = 'StoreFailedError';
  constructor(override readonly cause: unknown) {
    super(`store failed and no longer accepts writes: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
