// Feeds a LineStore from a logs.stream / logs.streamWorkload subscription. React never sees lines:
// components read the store and re-render on its version. After the bridge reconnects, the client
// asks again with the params kept here (sinceTime = the newest line held), so the view continues
// where it was; the engine's new stream numbers its sources from 0, hence `srcOffset`.
import { useEffect, useRef, useState } from 'react';
import type { LogBatch, LogOptions, WorkloadKind } from '../../shared/bridge/methods-logs';
import type { BridgeError } from '../../shared/bridge/protocol';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import { LineStore } from './line-store';

export type LogTarget =
  | { type: 'pod'; clusterId: string; namespace: string; pod: string; container?: string }
  | { type: 'workload'; clusterId: string; namespace: string; kind: WorkloadKind; name: string };

export interface StreamChoice {
  follow: boolean;
  previous: boolean;
  sinceSeconds?: number;
  tailLines?: number;
  /** pod: the container; workload: only this container of each pod */
  container?: string;
}

export interface LogStreamState {
  store: LineStore;
  containers: NonNullable<LogBatch['containers']>;
  container?: string;
  error?: BridgeError;
  /** the stream finished (not following, or the pod is gone) */
  ended: boolean;
}

/** a sortable key for an RFC3339 UTC timestamp (the kubelet writes UTC) */
export const tsKey = (ts: string): string => {
  const m = /^([^.Z+]+)(?:\.(\d+))?/.exec(ts);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}` : ts;
};

export function useLogStream(target: LogTarget, choice: StreamChoice): LogStreamState {
  const client = useBridge();
  const store = useRef(new LineStore()).current;
  const [state, setState] = useState<Omit<LogStreamState, 'store'>>({ containers: [], ended: false });
  const key = JSON.stringify([target, choice]);

  useEffect(() => {
    store.clear();
    setState((s) => ({ containers: s.containers, ended: false }));
    const options: LogOptions = { follow: choice.follow, previous: choice.previous, timestamps: true, sinceSeconds: choice.sinceSeconds, tailLines: choice.tailLines };
    const params =
      target.type === 'pod'
        ? { clusterId: target.clusterId, namespace: target.namespace, pod: target.pod, container: choice.container ?? target.container, ...options }
        : { clusterId: target.clusterId, namespace: target.namespace, kind: target.kind, name: target.name, container: choice.container, ...options };
    let srcOffset = 0;
    let firstSeen = false;
    let lastKey = '';
    const onBatch = (b: LogBatch) => {
      // a first result again means the bridge reconnected and this is a new engine stream
      if (b.containers && firstSeen) {
        srcOffset = store.sources.length;
        store.push({ text: 'reconnected to the Wheelhouse engine', marker: 'reconnected' });
      }
      if (b.containers) setState((s) => ({ ...s, containers: b.containers!, container: b.container ?? s.container }));
      firstSeen = true;
      const lines = b.lines.filter((l) => !l.ts || !lastKey || l.marker || tsKey(l.ts) > lastKey || !srcOffset);
      store.append({ sources: b.sources, lines: srcOffset ? lines.map((l) => (l.src === undefined ? l : { ...l, src: l.src + srcOffset })) : lines });
      const last = store.lastTimestamp();
      if (last) {
        lastKey = tsKey(last);
        if (choice.follow) sub.setParams({ ...params, sinceTime: last, sinceSeconds: undefined, tailLines: undefined } as never);
      }
    };
    const method = target.type === 'pod' ? 'logs.stream' : 'logs.streamWorkload';
    const sub = client.subscribe(method, params as never, onBatch, (error) => setState((s) => ({ ...s, ended: true, ...(error ? { error } : {}) })));
    sub.result.then(onBatch, (e: unknown) => setState((s) => ({ ...s, ended: true, error: toBridgeError(e) })));
    return () => sub.cancel();
  }, [client, store, key]);

  return { store, ...state };
}
