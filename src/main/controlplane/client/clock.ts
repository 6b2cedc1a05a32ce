// Time as a dependency: every component here takes a Clock so tests can drive time by hand.

export type TimerHandle = unknown;

export interface Clock {
  /** milliseconds since the epoch */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const t = setTimeout(callback, ms);
    // Background loops (resync, renewals, backoff) must never keep the process alive on their own.
    t.unref?.();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** resolves after ms on the given clock */
export const sleep = (clock: Clock, ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms));

/** like sleep, but resolves early (returning false) when `abort` resolves first */
export const sleepUnless = (clock: Clock, ms: number, abort: Promise<void>): Promise<boolean> =>
  new Promise((resolve) => {
    const handle = clock.setTimeout(() => resolve(true), ms);
    void abort.then(() => {
      clock.clearTimeout(handle);
      resolve(false);
    });
  });

/** RFC 3339 with microseconds, the wire form of metav1.MicroTime (Lease renewTime, Event eventTime) */
export const microTime = (ms: number): string => new Date(ms).toISOString().replace(/(\.\d{3})Z$/, '$1000Z');

/** RFC 3339 in seconds, the wire form of metav1.Time */
export const timestamp = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
