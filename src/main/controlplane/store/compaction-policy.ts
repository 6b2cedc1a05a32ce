// Automatic compaction, like kube-apiserver's periodic compactor: the composition root calls
// the returned tick on a timer; each tick notes the current revision with the time and compacts
// away what is older than both limits, so a watcher that fell behind by less than `retainMs`
// or by fewer than `retainRevisions` revisions can still resume.
import type { Store } from './types';

export interface Clock {
  now(): number;
}

export interface CompactionPolicyOptions {
  clock: Clock;
  /** keep history at least this long (default 5 minutes) */
  retainMs?: number;
  /** keep at least this many revisions of history (default 1000) */
  retainRevisions?: number;
}

interface Sample {
  time: number;
  revision: number;
}

/** The revision to compact to, or undefined when nothing is old enough yet. Pure. */
export function compactionTarget(samples: readonly Sample[], now: number, current: number, retainMs: number, retainRevisions: number): number | undefined {
  let byTime: number | undefined;
  for (const s of samples) if (s.time <= now - retainMs) byTime = s.revision;
  if (byTime === undefined) return undefined;
  const target = Math.min(byTime, current - retainRevisions);
  return target > 0 ? target : undefined;
}

/** Returns a tick: call it periodically (e.g. every minute); it returns the revision it compacted to, if any. */
export function createCompactionPolicy(store: Store, options: CompactionPolicyOptions): () => number | undefined {
  const retainMs = options.retainMs ?? 5 * 60_000;
  const retainRevisions = options.retainRevisions ?? 1000;
  let samples: Sample[] = [];
  return () => {
    const now = options.clock.now();
    const current = store.revision;
    samples.push({ time: now, revision: current });
    const target = compactionTarget(samples, now, current, retainMs, retainRevisions);
    // Samples older than the newest one past the time limit can never matter again.
    const cut = samples.findLastIndex((s) => s.time <= now - retainMs);
    if (cut > 0) samples = samples.slice(cut);
    if (target === undefined || target <= store.compactRevision) return undefined;
    store.compact(target);
    return target;
  };
}
