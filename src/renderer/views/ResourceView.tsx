// One kind in the chosen namespaces: filters, the table, and a row context menu with actions.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { ObjectRef, ResourceKind, ViewRow } from '../../shared/bridge/types';
import { useView } from '../hooks/useView';
import { ResourceTable } from './ResourceTable';
import { ContextMenu } from '../components/ContextMenu';
import { Banner } from '../components/Banner';
import { actionsFor, type ActionDef } from '../actions/catalog';
import { useAccess } from '../actions/useAccess';
import type { ActionTarget } from '../actions/useActionRunner';
import { pluralTitle } from '../components/groups';

interface Props {
  clusterId: string;
  kind: ResourceKind;
  namespaces: string[];
  onOpen(ref: ObjectRef): void;
  onAction(a: ActionDef, t: ActionTarget): void;
}

export interface ResourceViewHandle {
  focusFilter(): void;
}

const refOf = (kind: ResourceKind, row: ViewRow): ObjectRef => ({ group: kind.group, version: kind.version, plural: kind.plural, namespace: row.namespace, name: row.name });

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function RowMenu({ clusterId, kind, row, x, y, onClose, onAction }: { clusterId: string; kind: ResourceKind; row: ViewRow; x: number; y: number; onClose(): void; onAction: Props['onAction'] }) {
  const ref = refOf(kind, row);
  const actions = actionsFor(kind, ref);
  const access = useAccess(clusterId, actions);
  const items = actions.map((a) => {
    const v = access(a);
    return { label: a.label, danger: a.destructive, disabled: v?.allowed === false, title: v?.allowed === false ? `Not allowed: ${v.reason ?? ''}` : undefined, onPick: () => onAction(a, { kind, ref }) };
  });
  return <ContextMenu x={x} y={y} items={items} onClose={onClose} header={row.name} />;
}

export const ResourceView = forwardRef<ResourceViewHandle, Props>(function ResourceView({ clusterId, kind, namespaces, onOpen, onAction }, handle) {
  const [text, setText] = useState('');
  const [labels, setLabels] = useState('');
  const [wide, setWide] = useState(false);
  const [sort, setSort] = useState<{ column: string; descending: boolean }>();
  const [selected, setSelected] = useState(-1);
  const [menu, setMenu] = useState<{ row: ViewRow; x: number; y: number }>();
  const filterInput = useRef<HTMLInputElement>(null);
  useImperativeHandle(handle, () => ({ focusFilter: () => filterInput.current?.focus() }), []);
  const view = useView({
    clusterId,
    resource: { group: kind.group, version: kind.version, plural: kind.plural },
    namespaces: kind.namespaced ? namespaces : [],
    text: useDebounced(text, 200),
    labelSelector: useDebounced(labels, 400),
    sort,
  });
  useEffect(() => setSelected(-1), [clusterId, kind]);
  const update = view.update;
  const columns = (update?.columns ?? []).filter((c) => wide || c.priority === 0);
  const hasNamespaceColumn = columns.some((c) => c.name.toLowerCase() === 'namespace');
  // a sorted column only flips direction: the engine keeps a sort once set (view.update merges)
  const onSort = (column: string) => setSort({ column, descending: sort?.column === column ? !sort.descending : false });
  return (
    <section className="resource-view" aria-label={pluralTitle(kind)}>
      <div className="toolbar">
        <h1>{pluralTitle(kind)}</h1>
        <span className="count" data-testid="row-count">
          {update ? (update.total === update.unfiltered ? `${update.total}` : `${update.total} of ${update.unfiltered}`) : ''}
        </span>
        <input ref={filterInput} className="filter" type="search" placeholder="Filter  ( / )" aria-label="Filter" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setText('')} />
        <input className="filter labels" type="search" placeholder="Labels: app=web,tier!=db" aria-label="Label selector" value={labels} onChange={(e) => setLabels(e.target.value)} />
        <label className="toggle" title="Show the wide columns (kubectl -o wide)">
          <input type="checkbox" checked={wide} onChange={(e) => setWide(e.target.checked)} /> Wide
        </label>
      </div>
      {view.error ? (
        <Banner tone="error" title={`Cannot list ${pluralTitle(kind)}`}>
          {view.error.code}: {view.error.message}
        </Banner>
      ) : null}
      {!view.error && (!update || update.loading) ? <div className="loading-bar" aria-label="Loading" /> : null}
      <ResourceTable
        view={view}
        columns={columns}
        showNamespace={kind.namespaced && !hasNamespaceColumn && namespaces.length !== 1}
        sort={sort}
        onSort={onSort}
        selected={selected}
        onSelect={setSelected}
        onOpen={(row) => onOpen(refOf(kind, row))}
        onContextMenu={(row, x, y) => setMenu({ row, x, y })}
      />
      {update && !update.loading && update.total === 0 && !view.error ? (
        <p className="empty muted">{update.unfiltered ? 'No rows match the filters.' : `No ${pluralTitle(kind)} ${namespaces.length ? `in ${namespaces.join(', ')}` : ''}.`}</p>
      ) : null}
      {menu ? <RowMenu clusterId={clusterId} kind={kind} {...menu} onClose={() => setMenu(undefined)} onAction={onAction} /> : null}
    </section>
  );
});
