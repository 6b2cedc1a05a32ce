// Runs one bridge call for the current inputs and keeps its result; stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BridgeError } from '../../shared/bridge/protocol';
import { BridgeCallError } from '../bridge/client';

export interface CallState<T> {
  data?: T;
  error?: BridgeError;
  loading: boolean;
  reload(): void;
}

export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof BridgeCallError) return err.error;
  return { code: 'Internal', message: err instanceof Error ? err.message : String(err) };
}

/** `run` is called whenever `key` changes (a string built from the inputs), or on reload(). */
export function useCall<T>(key: string | null, run: () => Promise<T>): CallState<T> {
  const [state, setState] = useState<{ data?: T; error?: BridgeError; loading: boolean }>({ loading: key !== null });
  const [nonce, setNonce] = useState(0);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    if (key === null) return setState({ loading: false });
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    runRef.current().then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) => live && setState({ error: toBridgeError(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
