// The questions an action asks before it runs. Destructive ones name the object they act on.
import { useState } from 'react';
import type { ObjectRef } from '../../shared/bridge/types';
import { Modal } from '../components/Modal';
import { useBridge } from '../bridge/context';
import { useCall } from '../hooks/useCall';
import { formatAge } from '../components/format';

export const describeRef = (kind: string, ref: ObjectRef) => `${kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;

type Propagation = 'Background' | 'Foreground' | 'Orphan';

export function DeleteDialog({ what, onCancel, onConfirm }: { what: string; onCancel(): void; onConfirm(p: Propagation): void }) {
  const [propagation, setPropagation] = useState<Propagation>('Background');
  return (
    <Modal
      title={`Delete ${what}?`}
      onClose={onCancel}
      footer={
        <>
          <button onClick={onCancel}>Cancel</button>
          <button className="danger" data-autofocus onClick={() => onConfirm(propagation)}>
            Delete
          </button>
        </>
      }
    >
      <p>
        This deletes <strong>{what}</strong>. It cannot be undone.
      </p>
      <fieldset className="radios">
        <legend>Dependents</legend>
        {(
          [
            ['Background', 'delete dependents in the background (default)'],
            ['Foreground', 'delete dependents first, then this object'],
            ['Orphan', 'keep dependents (orphan them)'],
          ] as const
        ).map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="propagation" checked={propagation === value} onChange={() => setPropagation(value)} /> {value}: {text}
          </label>
        ))}
      </fieldset>
    </Modal>
  );
}

export function ConfirmDialog({ title, body, verb, onCancel, onConfirm }: { title: string; body: string; verb: string; onCancel(): void; onConfirm(): void }) {
  return (
    <Modal
      title={title}
      onClose={onCancel}
      footer={
        <>
          <button onClick={onCancel}>Cancel</button>
          <button className="danger" data-autofocus onClick={onConfirm}>
            {verb}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </Modal>
  );
}

export function ScaleDialog({ what, current, onCancel, onConfirm }: { what: string; current?: number; onCancel(): void; onConfirm(n: number): void }) {
  const [value, setValue] = useState(String(current ?? 1));
  const n = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(n) && n >= 0;
  return (
    <Modal
      title={`Scale ${what}`}
      onClose={onCancel}
      footer={
        <>
          <button onClick={onCancel}>Cancel</button>
          <button className="primary" disabled={!valid} onClick={() => onConfirm(n)}>
            Scale
          </button>
        </>
      }
    >
      <label className="field">
        Replicas
        <input type="number" min={0} value={value} aria-label="Replicas" onChange={(e) => setValue(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && valid && onConfirm(n)} />
      </label>
      {!valid ? <p className="error-text">Enter a whole number, 0 or more.</p> : null}
    </Modal>
  );
}

export function RollbackDialog({ what, clusterId, target, onCancel, onConfirm }: { what: string; clusterId: string; target: ObjectRef; onCancel(): void; onConfirm(rev?: number): void }) {
  const client = useBridge();
  const revisions = useCall(`${clusterId}|${JSON.stringify(target)}`, () => client.call('action.revisions', { clusterId, ref: target }));
  const [rev, setRev] = useState<number | undefined>();
  return (
    <Modal
      title={`Roll back ${what}`}
      onClose={onCancel}
      footer={
        <>
          <button onClick={onCancel}>Cancel</button>
          <button className="danger" onClick={() => onConfirm(rev)}>
            Roll back
          </button>
        </>
      }
    >
      {revisions.error ? <p className="error-text">Could not list revisions: {revisions.error.message}</p> : null}
      {revisions.loading ? <p className="muted">Loading revisions…</p> : null}
      <fieldset className="radios">
        <legend>Revision</legend>
        <label>
          <input type="radio" checked={rev === undefined} onChange={() => setRev(undefined)} /> the previous revision
        </label>
        {[...(revisions.data ?? [])].sort((a, b) => b.revision - a.revision).map((r) => (
          <label key={r.revision}>
            <input type="radio" checked={rev === r.revision} onChange={() => setRev(r.revision)} /> #{r.revision} {r.changeCause ?? ''} <span className="muted" title={r.created}>{formatAge(r.created, Date.now())} ago</span>
          </label>
        ))}
      </fieldset>
    </Modal>
  );
}
