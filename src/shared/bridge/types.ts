// What travels over the bridge: clusters, views of resources, objects and actions.

export type ConnectionState = 'disconnected' | 'connecting' | 'online' | 'unauthorized' | 'forbidden' | 'offline';

export interface ClusterSummary {
  /** stable id: "local" for the built-in cluster, else "<kubeconfig path>#<context name>" */
  id: string;
  /** shown to the user: "Local cluster" or the context name */
  name: string;
  contextName: string;
  clusterName: string;
  userName: string;
  namespace?: string;
  server?: string;
  /** the kubeconfig file the context comes from (first one in merge order) */
  source: string;
  builtIn: boolean;
  state: ConnectionState;
  /** why the state is what it is (e.g. "x509: certificate signed by unknown authority", "exec plugin aws not found on PATH") */
  stateMessage?: string;
  /** e.g. "insecure-skip-tls-verify is set: the server's identity is not checked" */
  warnings: string[];
}

/** One kind in the sidebar, from discovery */
export interface ResourceKind {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Workloads, Network, Config, Storage, Access, Cluster, Custom resources, Other */
  category: string;
  verbs: string[];
  shortNames?: string[];
}

export interface ResourceRef {
  group: string;
  version: string;
  plural: string;
}

export interface ObjectRef extends ResourceRef {
  namespace?: string;
  name: string;
}

export interface ViewSpec {
  clusterId: string;
  resource: ResourceRef;
  /** empty = all namespaces */
  namespaces: string[];
  /** free text matched against name, namespace and cell text */
  text?: string;
  /** kubectl label selector syntax */
  labelSelector?: string;
  sort?: { column: string; descending: boolean };
  /** the rows on screen (plus overscan) */
  window: { offset: number; limit: number };
}

export interface ViewColumn {
  name: string;
  /** string | integer | number | boolean | date (date cells hold ISO timestamps; the renderer shows ages) */
  type: string;
  /** 0 = default column, >0 = wide */
  priority: number;
  description?: string;
}

export interface ViewRow {
  /** metadata.uid */
  uid: string;
  namespace?: string;
  name: string;
  cells: (string | number | boolean | null)[];
  /** a hint for colouring: a failing pod, a NotReady node, a Warning event */
  health?: 'ok' | 'warning' | 'error';
  labels?: Record<string, string>;
}

/** The answer to view.subscribe and each of its events (batched per frame): the window and totals. */
export interface ViewUpdate {
  /** rows matching the view's filters */
  total: number;
  /** all rows of the kind in the chosen namespaces, before text/label filters */
  unfiltered: number;
  offset: number;
  rows: ViewRow[];
  columns: ViewColumn[];
  /** true until the first list arrived */
  loading: boolean;
  /** set when the view cannot be served (RBAC, offline…) */
  error?: { code: string; message: string };
}

export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export interface AccessResult {
  allowed: boolean;
  /** why not, for the disabled action's tooltip */
  reason?: string;
}

export interface ApplyIssue {
  /** 1-based line in the edited document, when the field could be placed */
  line?: number;
  /** JSON path of the field, e.g. spec.replicas */
  field?: string;
  message: string;
}

export interface ApplyResult {
  ok: boolean;
  /** per document: what happened ("deployment.apps/web configured") */
  outcomes: { ref?: ObjectRef; kind?: string; message: string }[];
  issues: ApplyIssue[];
}
