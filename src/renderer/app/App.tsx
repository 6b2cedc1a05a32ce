// The app shell: top bar (cluster, namespaces, create), sidebar of kinds, the resource table, the
// details drawer and the editor. State that outlives a view (cluster, namespaces) lives here.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ObjectRef, ResourceKind } from '../../shared/bridge/types';
import { useBridge, useEngineConnected } from '../bridge/context';
import { useClusters } from '../hooks/useClusters';
import { toBridgeError } from '../hooks/useCall';
import { ClusterPicker } from '../components/ClusterPicker';
import { NamespaceSelect } from '../components/NamespaceSelect';
import { Sidebar } from '../components/Sidebar';
import { Banner } from '../components/Banner';
import { kindKey } from '../components/groups';
import { ResourceView, type ResourceViewHandle } from '../views/ResourceView';
import { DetailsPanel } from '../views/details/DetailsPanel';
import { EditorPanel, type EditorMode } from '../editor/EditorPanel';
import { useActionRunner, type ActionTarget } from '../actions/useActionRunner';
import { describeRef } from '../actions/dialogs';
import { ClusterBanners } from './ClusterBanners';
import { useTerminalDockHost } from '../terminal/TerminalDock';
import { TerminalDockContext } from '../terminal/dock-context';
import { settings } from './settings';
import { defaultKind, useKinds } from './useKinds';
import { DeployDialog } from '../deploy/DeployDialog';
import { OverviewView } from '../overview/OverviewView';
import { EventsView } from '../events/EventsView';

type Details = { kind: ResourceKind; ref: ObjectRef };

function isTyping(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  return !!t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
}

export function App() {
  const client = useBridge();
  const engineUp = useEngineConnected();
  const { clusters, loaded, error: clustersError } = useClusters();
  const [clusterId, setClusterId] = useState<string | undefined>(settings.lastCluster());
  const cluster = clusters.find((c) => c.id === clusterId);
  const [connectError, setConnectError] = useState<string>();
  const { kinds, namespaces: nsList } = useKinds(cluster);
  const [kindId, setKindId] = useState<string>();
  const [namespaces, setNamespaces] = useState<string[]>([]);
  const [details, setDetails] = useState<Details | null>(null);
  const [editor, setEditor] = useState<EditorMode | null>(null);
  // a cluster opens on its overview; picking a kind leaves it
  const [page, setPage] = useState<'overview' | 'events' | null>('overview');
  const [deploying, setDeploying] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const viewRef = useRef<ResourceViewHandle>(null);
  const terminals = useTerminalDockHost(clusters);

  const connect = useCallback(
    (id: string) => {
      setConnectError(undefined);
      client.call('clusters.connect', { clusterId: id }).catch((e: unknown) => setConnectError(toBridgeError(e).message));
    },
    [client],
  );
  const pick = useCallback(
    (id: string) => {
      setClusterId(id);
      settings.setLastCluster(id);
      setDetails(null);
      setKindId(undefined);
      setPage('overview');
      connect(id);
    },
    [connect],
  );
  useEffect(() => {
    if (!loaded || !clusters.length) return;
    if (!cluster) pick(clusters[0].id);
    else if (cluster.state === 'disconnected') connect(cluster.id);
  }, [loaded, clusters, cluster, pick, connect]);
  // a context's own namespace is the first choice on a kubeconfig cluster; the built-in shows all
  const contextNamespace = cluster && !cluster.builtIn ? cluster.namespace : undefined;
  useEffect(() => {
    if (clusterId) setNamespaces(settings.namespaces(clusterId) ?? (contextNamespace ? [contextNamespace] : []));
  }, [clusterId, contextNamespace]);

  const kindList = kinds.data ?? [];
  const kind = kindList.find((k) => kindKey(k) === kindId) ?? defaultKind(kindList);
  const runner = useActionRunner(clusterId ?? '', (t: ActionTarget) => setEditor({ kind: 'edit', target: t.ref, title: describeRef(t.kind.kind, t.ref), reveal: t.kind.kind === 'Secret' }), () => setRefreshKey((n) => n + 1));
  const navigate = (ref: ObjectRef) => {
    const k = kindList.find((x) => x.group === ref.group && x.plural === ref.plural);
    if (k) setDetails({ kind: k, ref });
  };
  const openInvolved = (o: { kind: string; name: string; namespace?: string; apiVersion?: string }) => {
    const group = o.apiVersion?.includes('/') ? o.apiVersion.split('/')[0] : '';
    const k = kindList.find((x) => x.kind === o.kind && x.group === group);
    if (k) setDetails({ kind: k, ref: { group: k.group, version: k.version, plural: k.plural, namespace: k.namespaced ? o.namespace : undefined, name: o.name } });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !isTyping(e) && !document.querySelector('.modal')) {
        e.preventDefault();
        viewRef.current?.focusFilter();
      } else if (e.key === 'Escape' && !e.defaultPrevented && !document.querySelector('.modal, .context-menu, .dropdown, .palette')) setDetails(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const chooseNamespaces = (list: string[]) => {
    setNamespaces(list);
    if (clusterId) settings.setNamespaces(clusterId, list);
  };
  return (
    <TerminalDockContext.Provider value={terminals.api}>
    <div className="app">
      <header className="topbar">
        <span className="brand">Wheelhouse</span>
        <ClusterPicker clusters={clusters} current={cluster} onPick={pick} />
        <NamespaceSelect namespaces={nsList.data ?? []} selected={namespaces} onChange={chooseNamespaces} disabled={!!kind && !kind.namespaced} />
        <span className="spacer" />
        <button className="dock-open" disabled={!cluster} onClick={() => cluster && terminals.api.openTerminal({ kind: 'local', clusterId: cluster.id })} title="A shell on this computer with KUBECONFIG set to this cluster alone">
          Terminal
        </button>
        <button className="dock-open" onClick={terminals.api.showForwards}>Port-forwards</button>
        <button className="primary" disabled={!cluster || cluster.state !== 'online'} onClick={() => setDeploying(true)}>
          Deploy
        </button>
        <button className="primary" disabled={!cluster || cluster.state !== 'online'} onClick={() => setEditor({ kind: 'create' })}>
          + Create
        </button>
      </header>
      <ClusterBanners engineUp={engineUp} cluster={cluster} clustersError={clustersError?.message ?? connectError} onRetry={() => cluster && connect(cluster.id)} />
      <div className="body">
        <Sidebar kinds={kindList} current={page ? undefined : kind} onPick={(k) => (setKindId(kindKey(k)), setPage(null))} page={page} onPage={setPage} />
        <main className="main">
          {kinds.error ? <Banner tone="error" title={`Could not list the kinds of ${cluster?.name ?? 'this cluster'}.`}>{kinds.error.message}</Banner> : null}
          {cluster && page && cluster.state === 'online' ? (
            page === 'overview' ? <OverviewView key={cluster.id} clusterId={cluster.id} clusterName={cluster.name} onOpenEvents={() => setPage('events')} /> : <EventsView key={cluster.id} clusterId={cluster.id} namespaces={namespaces} onOpenObject={openInvolved} />
          ) : cluster && kind && cluster.state === 'online' ? (
            <ResourceView key={`${cluster.id}|${kindKey(kind)}`} ref={viewRef} clusterId={cluster.id} kind={kind} namespaces={namespaces} onOpen={(ref) => setDetails({ kind, ref })} onAction={runner.run} />
          ) : (
            <p className="empty muted">{!loaded ? 'Loading clusters…' : cluster?.state === 'online' ? 'Loading kinds…' : cluster ? `${cluster.name} is ${cluster.state}. Pick another cluster (Ctrl/Cmd+K) or retry above.` : 'Choose a cluster.'}</p>
          )}
        </main>
        {details && cluster ? (
          <DetailsPanel clusterId={cluster.id} kind={details.kind} target={details.ref} refreshKey={refreshKey} onClose={() => setDetails(null)} onNavigate={navigate} onAction={runner.run} />
        ) : null}
      </div>
      {terminals.dock}
      {runner.notice ? (
        <div className={`toast toast-${runner.notice.tone}`} role={runner.notice.tone === 'error' ? 'alert' : 'status'}>
          {runner.notice.text}
          <button className="link" onClick={runner.clearNotice} aria-label="Dismiss">
            ×
          </button>
        </div>
      ) : null}
      {runner.dialog}
      {deploying && cluster ? <DeployDialog clusterId={cluster.id} namespace={namespaces.length === 1 ? namespaces[0] : undefined} onClose={() => setDeploying(false)} /> : null}
      {editor && cluster ? <EditorPanel clusterId={cluster.id} mode={editor} namespace={namespaces.length === 1 ? namespaces[0] : undefined} onClose={() => setEditor(null)} onApplied={() => setRefreshKey((n) => n + 1)} /> : null}
    </div>
    </TerminalDockContext.Provider>
  );
}
