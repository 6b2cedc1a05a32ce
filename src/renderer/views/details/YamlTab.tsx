// The object as YAML, read-only. Secrets come masked; "Reveal" asks the engine for the values.
import { useState } from 'react';
import type { ObjectRef } from '../../../shared/bridge/types';
import { useBridge } from '../../bridge/context';
import { useCall } from '../../hooks/useCall';
import { CodeEditor } from '../../editor/CodeEditor';

export function YamlTab({ clusterId, target, isSecret, refreshKey }: { clusterId: string; target: ObjectRef; isSecret: boolean; refreshKey: number }) {
  const client = useBridge();
  const [reveal, setReveal] = useState(false);
  const text = useCall(`${clusterId}|${JSON.stringify(target)}|${reveal}|${refreshKey}`, () => client.call('object.yaml', { clusterId, ref: target, reveal }));
  return (
    <div className="yaml-tab">
      {isSecret ? (
        <div className="tab-tools">
          <span className="muted">{reveal ? 'Secret values are shown.' : 'Secret values are masked.'}</span>
          <button onClick={() => setReveal(!reveal)}>{reveal ? 'Hide' : 'Reveal'}</button>
        </div>
      ) : null}
      {text.error ? <p className="error-text">Could not load YAML: {text.error.message}</p> : null}
      {text.data !== undefined ? <CodeEditor value={text.data} readOnly label="Object YAML" /> : <p className="muted">Loading…</p>}
    </div>
  );
}
