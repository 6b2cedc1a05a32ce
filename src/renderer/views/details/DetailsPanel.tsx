// The side drawer for one object: overview, events and YAML, with the kind's actions on top.
import { useEffect, useState } from 'react';
import type { ObjectRef, ResourceKind } from '../../../shared/bridge/types';
import { useBridge } from '../../bridge/context';
import { useCall } from '../../hooks/useCall';
import { actionsFor, type ActionDef } from '../../actions/catalog';
import { useAccess } from '../../actions/useAccess';
import { ActionBar } from '../../actions/ActionBar';
import type { ActionTarget } from '../../actions/useActionRunner';
import { Overview } from './Overview';
import { EventsTab } from './EventsTab';
import { YamlTab } from './YamlTab';
import { TerminalActions } from '../../terminal/TerminalActions';

interface Props {
  clusterId: string;
  kind: ResourceKind;
  target: ObjectRef;
  /** bumped after an action so the panel reloads */
  refreshKey: number;
  onClose(): void;
  onNavigate(ref: ObjectRef): void;
  onAction(a: ActionDef, t: ActionTarget): void;
}

type Tab = 'overview' | 'events' | 'yaml';

export function DetailsPanel({ clusterId, kind, target, refreshKey, onClose, onNavigate, onAction }: Props) {
  const client = useBridge();
  const [tab, setTab] = useState<Tab>('overview');
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setTick((n) => n + 1), 5000);
    return () => clearInterval(t);
  }, []);
  const key = `${clusterId}|${JSON.stringify(target)}|${refreshKey}`;
  const object = useCall(`${key}|${tick}`, () => client.call('object.get', { clusterId, ref: target }));
  const related = useCall(key, () => client.call('object.related', { clusterId, ref: target }));
  const events = useCall(tab === 'events' ? `${key}|${tick}` : null, () => client.call('object.events', { clusterId, ref: target }));
  const actions = actionsFor(kind, target, object.data);
  const access = useAccess(clusterId, actions);
  return (
    <aside className="drawer" aria-label={`${kind.kind} ${target.name}`}>
      <header className="drawer-head">
        <div>
          <div className="muted">{kind.kind}</div>
          <h2 className="drawer-title">{target.name}</h2>
          {target.namespace ? <div className="muted">namespace {target.namespace}</div> : null}
        </div>
        <button className="link close" onClick={onClose} aria-label="Close details" title="Close (Esc)">
          ×
        </button>
      </header>
      {/* after the object loaded: toggles (cordon/uncordon, suspend/resume) depend on its state */}
      {object.data ? <ActionBar actions={actions} access={access} onRun={(a) => onAction(a, { kind, ref: target, object: object.data })} /> : <div className="action-bar" />}
      <TerminalActions clusterId={clusterId} kind={kind} target={target} object={object.data} />
      <div className="tabs" role="tablist">
        {(['overview', 'events', 'yaml'] as Tab[]).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'tab current' : 'tab'} onClick={() => setTab(t)}>
            {t === 'yaml' ? 'YAML' : t[0].toUpperCase() + t.slice(1)}
          </button>
        ))}
      </div>
      <div className="drawer-body">
        {object.error ? <p className="error-text">Could not load {kind.kind} {target.name}: {object.error.message}</p> : null}
        {tab === 'overview' && object.data ? <Overview object={object.data} related={related.data} onNavigate={onNavigate} /> : null}
        {tab === 'events' ? events.error ? <p className="error-text">{events.error.message}</p> : <EventsTab events={events.data ?? []} /> : null}
        {tab === 'yaml' ? <YamlTab clusterId={clusterId} target={target} isSecret={kind.kind === 'Secret' && kind.group === ''} refreshKey={refreshKey} /> : null}
      </div>
    </aside>
  );
}
