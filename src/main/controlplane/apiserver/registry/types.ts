// Contract between the HTTP front (apiserver/http) and the generic REST storage (apiserver/registry).
// The front parses and authenticates a request, then calls one of these; the storage does the verb.
import type { ResourceInfo } from '../resources/types';

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface RequestInfo {
  verb: Verb;
  resource: ResourceInfo;
  /** undefined for cluster-scoped resources and for all-namespaces lists/watches */
  namespace?: string;
  name?: string;
  /** 'status' | 'scale' | undefined */
  subresource?: string;
  /** query string: labelSelector, fieldSelector, limit, continue, resourceVersion, resourceVersionMatch,
   *  timeoutSeconds, allowWatchBookmarks, sendInitialEvents, dryRun, fieldManager, fieldValidation, force,
   *  gracePeriodSeconds, propagationPolicy, orphanDependents */
  query: URLSearchParams;
  /** authenticated user name */
  user: string;
  /** the user's groups (system:authenticated, system:serviceaccounts, ...); absent for in-process callers */
  groups?: string[];
  /** the request's User-Agent, used for the default field manager as upstream does */
  userAgent: string;
}

export interface WriteResult {
  /** 200 | 201 | 202 */
  code: number;
  object: Record<string, any>;
  /** lines for the Warning response header (e.g. fieldValidation=Warn) */
  warnings?: string[];
}

export interface WatchEventOut {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: Record<string, any>;
}

export interface WatchSink {
  send(event: WatchEventOut): void;
  /** resolves when the client went away */
  readonly closed: Promise<void>;
}

export interface ResourceHandlers {
  get(req: RequestInfo): Promise<Record<string, any>>;
  /** a full List object: {apiVersion, kind: <Kind>List, metadata: {resourceVersion, continue?, remainingItemCount?}, items} */
  list(req: RequestInfo): Promise<Record<string, any>>;
  /** streams events until timeoutSeconds, the client leaving, or shutdown; errors (410 etc.) before the first event throw a StatusError */
  watch(req: RequestInfo, sink: WatchSink): Promise<void>;
  create(req: RequestInfo, body: Record<string, any>): Promise<WriteResult>;
  update(req: RequestInfo, body: Record<string, any>): Promise<WriteResult>;
  /** body is the raw patch document as parsed JSON/YAML */
  patch(req: RequestInfo, patchType: PatchType, body: unknown): Promise<WriteResult>;
  /** body: a DeleteOptions object or undefined */
  delete(req: RequestInfo, options: Record<string, any> | undefined): Promise<WriteResult>;
  deleteCollection(req: RequestInfo, options: Record<string, any> | undefined): Promise<Record<string, any>>;
}
