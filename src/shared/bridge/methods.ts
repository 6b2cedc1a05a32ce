// The methods the engine serves over the bridge, with their parameters and results. Streams
// (subscribe-style methods) answer with a first result, then events on the same id until `end`.
import type { LogsMethods } from './methods-logs';
import type { TerminalMethods } from './methods-terminals';
import type { DeployMethods } from './methods-deploy';
import type { AccessCheck, AccessResult, ApplyResult, ClusterSummary, ObjectRef, ResourceKind, ViewSpec, ViewUpdate } from './types';

export interface BridgeMethods extends LogsMethods, TerminalMethods, DeployMethods {
  'app.info': { params: void; result: { version: string; kubernetesVersion: string; mode: 'desktop' | 'web'; localKubeconfigPath?: string } };

  'clusters.list': { params: void; result: ClusterSummary[] };
  /** stream: ClusterSummary[] each time the list or a state changes */
  'clusters.watch': { params: void; result: ClusterSummary[]; event: ClusterSummary[] };
  'clusters.connect': { params: { clusterId: string }; result: ClusterSummary };
  'clusters.addKubeconfig': { params: { path: string }; result: ClusterSummary[] };
  'clusters.removeKubeconfig': { params: { path: string }; result: ClusterSummary[] };
  /** the kubeconfig paths in use, in merge order, and where each came from */
  'clusters.sources': { params: void; result: { path: string; origin: 'KUBECONFIG' | 'default' | 'added' | 'builtin'; /** why the file (or a file in the folder) cannot be used: "<file> line 4: …" */ error?: string }[] };

  'resources.kinds': { params: { clusterId: string }; result: ResourceKind[] };
  'namespaces.list': { params: { clusterId: string }; result: string[] };

  /** stream: the first ViewUpdate, then ViewUpdates batched per frame as objects change */
  'view.subscribe': { params: ViewSpec; result: ViewUpdate; event: ViewUpdate };
  /** changes the window, filters or sort of a live subscription (by its request id) */
  'view.update': { params: { subscriptionId: number; spec: Partial<Omit<ViewSpec, 'clusterId' | 'resource'>> }; result: ViewUpdate };

  /** the full object for the details panel; Secret data masked unless reveal */
  'object.get': { params: { clusterId: string; ref: ObjectRef; reveal?: boolean }; result: Record<string, unknown> };
  'object.yaml': { params: { clusterId: string; ref: ObjectRef; reveal?: boolean }; result: string };
  'object.events': { params: { clusterId: string; ref: ObjectRef }; result: Record<string, unknown>[] };
  /** owners (ownerReferences) and children (objects that name this one as owner) */
  'object.related': { params: { clusterId: string; ref: ObjectRef }; result: { owners: ObjectRef[]; children: ObjectRef[] } };

  /** YAML (one or more documents) → per document: unified diff against the live object */
  'manifest.diff': { params: { clusterId: string; yaml: string; namespace?: string }; result: { diffs: { ref: ObjectRef; diff: string; exists: boolean }[]; issues: ApplyResult['issues'] } };
  'manifest.dryRun': { params: { clusterId: string; yaml: string; namespace?: string }; result: ApplyResult };
  'manifest.apply': { params: { clusterId: string; yaml: string; namespace?: string; force?: boolean }; result: ApplyResult };
  /** the JSON schema of a kind for the editor's validation and completion */
  'schema.forKind': { params: { clusterId: string; apiVersion: string; kind: string }; result: Record<string, unknown> | null };

  'action.delete': { params: { clusterId: string; ref: ObjectRef; propagation?: 'Background' | 'Foreground' | 'Orphan'; gracePeriodSeconds?: number }; result: void };
  'action.scale': { params: { clusterId: string; ref: ObjectRef; replicas: number }; result: void };
  'action.restart': { params: { clusterId: string; ref: ObjectRef }; result: void };
  'action.rollback': { params: { clusterId: string; ref: ObjectRef; revision?: number }; result: void };
  'action.revisions': { params: { clusterId: string; ref: ObjectRef }; result: { revision: number; changeCause?: string; created: string }[] };
  'action.cordon': { params: { clusterId: string; node: string; unschedulable: boolean }; result: void };
  'action.drain': { params: { clusterId: string; node: string; ignoreDaemonSets?: boolean; deleteEmptyDirData?: boolean; force?: boolean }; result: { evicted: string[]; errors: string[] } };
  'action.trigger': { params: { clusterId: string; ref: ObjectRef }; result: { job: string } };
  'action.suspend': { params: { clusterId: string; ref: ObjectRef; suspend: boolean }; result: void };

  /** SelfSubjectAccessReview for each check */
  'access.check': { params: { clusterId: string; checks: AccessCheck[] }; result: AccessResult[] };
}

export type MethodName = keyof BridgeMethods;
export type ParamsOf<M extends MethodName> = BridgeMethods[M]['params'];
export type ResultOf<M extends MethodName> = BridgeMethods[M]['result'];
export type EventOf<M extends MethodName> = BridgeMethods[M] extends { event: infer E } ? E : never;
