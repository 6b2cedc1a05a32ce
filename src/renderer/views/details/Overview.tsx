// What a person checks first: identity, conditions, labels, annotations, owners and children.
import type { ObjectRef } from '../../../shared/bridge/types';
import { Chips } from '../../components/Chips';
import { conditionTone, formatAge } from '../../components/format';
import { useNow } from '../../components/useNow';

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

function RefLinks({ refs, onNavigate }: { refs: ObjectRef[]; onNavigate(r: ObjectRef): void }) {
  if (!refs.length) return <span className="muted">none</span>;
  return (
    <ul className="ref-links">
      {refs.map((r) => (
        <li key={`${r.plural}/${r.namespace ?? ''}/${r.name}`}>
          <button className="link" onClick={() => onNavigate(r)}>
            {r.plural}/{r.name}
          </button>
          {r.namespace ? <span className="muted"> in {r.namespace}</span> : null}
        </li>
      ))}
    </ul>
  );
}

export function Overview({ object, related, onNavigate }: { object: Record<string, unknown>; related?: { owners: ObjectRef[]; children: ObjectRef[] }; onNavigate(r: ObjectRef): void }) {
  const now = useNow();
  const meta = (object.metadata ?? {}) as { name?: string; namespace?: string; uid?: string; creationTimestamp?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  const conditions = (((object.status ?? {}) as { conditions?: Condition[] }).conditions ?? []).filter((c) => c && c.type);
  const annotations = Object.fromEntries(Object.entries(meta.annotations ?? {}).filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration'));
  return (
    <div className="overview">
      <dl className="props">
        <dt>Name</dt>
        <dd>{meta.name}</dd>
        {meta.namespace ? (
          <>
            <dt>Namespace</dt>
            <dd>{meta.namespace}</dd>
          </>
        ) : null}
        <dt>Created</dt>
        <dd title={meta.creationTimestamp}>{meta.creationTimestamp ? `${formatAge(meta.creationTimestamp, now)} ago` : ''}</dd>
        <dt>UID</dt>
        <dd className="mono">{meta.uid}</dd>
      </dl>
      <h3>Conditions</h3>
      {conditions.length ? (
        <table className="conditions">
          <thead>
            <tr>
              <th>Type</th>
              <th>Status</th>
              <th>Reason</th>
              <th>Message</th>
              <th>Age</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map((c) => (
              <tr key={c.type} className={`cond-${conditionTone(c.type, c.status)}`}>
                <td>{c.type}</td>
                <td>{c.status}</td>
                <td>{c.reason}</td>
                <td>{c.message}</td>
                <td>{c.lastTransitionTime ? formatAge(c.lastTransitionTime, now) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No conditions reported.</p>
      )}
      <h3>Labels</h3>
      <Chips map={meta.labels} />
      <h3>Annotations</h3>
      <Chips map={annotations} />
      <h3>Owners</h3>
      <RefLinks refs={related?.owners ?? []} onNavigate={onNavigate} />
      <h3>Children</h3>
      <RefLinks refs={related?.children ?? []} onNavigate={onNavigate} />
    </div>
  );
}
