// Turns a client call into the RequestInfo the REST storage expects, as the HTTP front would after routing.
import { StatusError } from '../../../shared/k8s/status';
import type { ResourceRegistry } from '../apiserver/resources/registry';
import type { ResourceInfo } from '../apiserver/resources/types';
import type { RequestInfo, Verb } from '../apiserver/registry/types';

export type QueryValue = string | number | boolean | string[] | undefined;

export interface Caller {
  user: string;
  userAgent: string;
}

/** "apps/v1" → ["apps", "v1"]; "v1" → ["", "v1"] */
export const splitApiVersion = (apiVersion: string): [string, string] => {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
};

export const resolveResource = (resources: ResourceRegistry, apiVersion: string, kind: string): ResourceInfo => {
  const [group, version] = splitApiVersion(apiVersion);
  const resource = resources.byKind(group, version, kind);
  if (!resource) throw new StatusError(404, 'NotFound', `the server could not find the requested resource (kind ${kind} in ${apiVersion})`);
  return resource;
};

export const toQuery = (params: Record<string, QueryValue>): URLSearchParams => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) query.append(name, v);
    else query.set(name, String(value));
  }
  return query;
};

export interface Target {
  resource: ResourceInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export const requestOf = (caller: Caller, verb: Verb, target: Target, params: Record<string, QueryValue> = {}): RequestInfo => ({
  verb,
  resource: target.resource,
  // A cluster-scoped resource has no namespace in its URL, whatever the caller passed.
  namespace: target.resource.namespaced ? target.namespace || undefined : undefined,
  name: target.name,
  subresource: target.subresource,
  query: toQuery(params),
  user: caller.user,
  userAgent: caller.userAgent,
});
