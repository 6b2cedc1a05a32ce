// The store's sentinel errors, recognised by name so this layer works with any Store implementation.
import type { KeyValue } from '../../store/types';

type StoreErrorName = 'KeyExistsError' | 'KeyNotFoundError' | 'RevisionMismatchError' | 'CompactedError' | 'FutureRevisionError';

export const isStoreError = (err: unknown, name: StoreErrorName): boolean =>
  err instanceof Error && (err.name === name || err.constructor?.name === name);

/** the kv a RevisionMismatchError carries, if the store gave one */
export const currentOf = (err: unknown): KeyValue | undefined => (err as { current?: KeyValue } | undefined)?.current;
