// The Swagger 2.0 paths of one served resource, shaped as upstream's: every operation names its
// x-kubernetes-action and x-kubernetes-group-version-kind, and PATCH/POST/PUT take dryRun,
// fieldManager and fieldValidation — kubectl reads the latter on PATCH to decide that the server
// validates fields itself.
import type { ResourceInfo } from '../resources/types';

type Param = Record<string, unknown>;
type Operation = Record<string, unknown>;
export type PathItem = Record<string, unknown>;

const META = '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.';
const SCALE = '#/definitions/io.k8s.api.autoscaling.v1.Scale';

const query = (name: string, type: string, description: string): Param => ({ name, in: 'query', type, uniqueItems: true, description });
const pathParam = (name: string, description: string): Param => ({ name, in: 'path', required: true, type: 'string', uniqueItems: true, description });

const P = {
  pretty: query('pretty', 'string', "If 'true', then the output is pretty printed. Defaults to 'false' unless the user-agent indicates a browser or command-line HTTP tool (curl and wget)."),
  dryRun: query('dryRun', 'string', 'When present, indicates that modifications should not be persisted. An invalid or unrecognized dryRun directive will result in an error response and no further processing of the request. Valid values are: - All: all dry run stages will be processed'),
  fieldManager: query('fieldManager', 'string', 'fieldManager is a name associated with the actor or entity that is making these changes. The value must be less than or 128 characters long, and only contain printable characters, as defined by https://golang.org/pkg/unicode/#IsPrint.'),
  fieldValidation: query('fieldValidation', 'string', 'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: - Ignore: This will ignore any unknown fields that are silently dropped from the object, and will ignore all but the last duplicate field that the decoder encounters. - Warn: This will send a warning via the standard warning response header for each unknown field that is dropped from the object, and for each duplicate field that is encountered. - Strict: This will fail the request with a BadRequest error if any unknown fields would be dropped from the object, or if any duplicate fields are present. The error returned from the server will contain all unknown and duplicate fields encountered.'),
  force: query('force', 'boolean', 'Force is going to "force" Apply requests. It means user will re-acquire conflicting fields owned by other people. Force flag must be unset for non-apply patch requests.'),
  gracePeriodSeconds: query('gracePeriodSeconds', 'integer', 'The duration in seconds before the object should be deleted. Value must be non-negative integer.'),
  propagationPolicy: query('propagationPolicy', 'string', "Whether and how garbage collection will be performed. Acceptable values are: 'Orphan', 'Background', 'Foreground'."),
  name: pathParam('name', 'name of the resource'),
  namespace: pathParam('namespace', 'object name and auth scope, such as for teams and projects'),
};
const LIST_PARAMS: Param[] = [
  query('allowWatchBookmarks', 'boolean', 'allowWatchBookmarks requests watch events with type "BOOKMARK".'),
  query('continue', 'string', 'The continue option should be set when retrieving more results from the server.'),
  query('fieldSelector', 'string', 'A selector to restrict the list of returned objects by their fields. Defaults to everything.'),
  query('labelSelector', 'string', 'A selector to restrict the list of returned objects by their labels. Defaults to everything.'),
  query('limit', 'integer', 'limit is a maximum number of responses to return for a list call.'),
  query('resourceVersion', 'string', 'resourceVersion sets a constraint on what resource versions a request may be served from.'),
  query('resourceVersionMatch', 'string', 'resourceVersionMatch determines how resourceVersion is applied to list calls.'),
  query('sendInitialEvents', 'boolean', 'sendInitialEvents=true may be set together with watch=true.'),
  query('timeoutSeconds', 'integer', 'Timeout for the list/watch call.'),
  query('watch', 'boolean', 'Watch for changes to the described resources and return them as a stream of add, update, and remove notifications.'),
];

const PRODUCES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json', 'application/apply-patch+yaml'];

const body = (ref: string): Param => ({ name: 'body', in: 'body', required: true, schema: { $ref: ref } });
const ok = (ref: string, codes = ['200']): Record<string, unknown> => ({
  ...Object.fromEntries(codes.map((c) => [c, { description: c === '201' ? 'Created' : c === '202' ? 'Accepted' : 'OK', schema: { $ref: ref } }])),
  '401': { description: 'Unauthorized' },
});

/** upstream's operation id piece for a group/version: apps/v1 → AppsV1, rbac.authorization.k8s.io → RbacAuthorizationV1 */
export function gvId(group: string, version: string): string {
  const g = (group || 'core').replace(/\.k8s\.io$/, '').split(/[.-]/).map(cap).join('');
  return `${g}${cap(version)}`;
}
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export interface PathContext {
  resource: ResourceInfo;
  /** $ref of the kind's definition and its list's */
  ref: string;
  listRef: string;
  /** strategic merge patch is not offered for custom resources */
  strategic: boolean;
}

/** the request path prefix of a group version: /api/v1 or /apis/apps/v1 */
export const gvPrefix = (r: Pick<ResourceInfo, 'group' | 'version'>): string => (r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`);

export function resourcePaths(ctx: PathContext): Record<string, PathItem> {
  const r = ctx.resource;
  const ns = r.namespaced ? '/namespaces/{namespace}' : '';
  const base = `${gvPrefix(r)}${ns}/${r.plural}`;
  const gvk = { group: r.group, kind: r.kind, version: r.version };
  const has = (verb: string): boolean => r.verbs.includes(verb);
  const scope = r.namespaced ? 'Namespaced' : '';
  const op = (verb: string, action: string, suffix: string, extra: Partial<Operation>, params: Param[]): Operation => ({
    description: `${action} ${r.kind}`,
    consumes: ['*/*'],
    produces: PRODUCES,
    schemes: ['https'],
    tags: [gvId(r.group, r.version).replace(/^./, (c) => c.toLowerCase())],
    operationId: `${verb}${gvId(r.group, r.version)}${suffix === 'ForAllNamespaces' ? '' : scope}${r.kind}${suffix}`,
    parameters: params,
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': suffix === 'Scale' ? { group: 'autoscaling', kind: 'Scale', version: 'v1' } : gvk,
    ...extra,
  });
  const nsParams = r.namespaced ? [P.namespace] : [];
  const write = [P.pretty, P.dryRun, P.fieldManager, P.fieldValidation];
  const patchConsumes = { consumes: ctx.strategic ? PATCH_TYPES : PATCH_TYPES.filter((t) => !t.includes('strategic')) };
  const item = (suffix: string, ref: string): PathItem => {
    const out: PathItem = {};
    if (has('get')) out.get = op('read', 'get', suffix, { responses: ok(ref) }, [...nsParams, P.name, P.pretty]);
    if (has('update')) out.put = op('replace', 'put', suffix, { responses: ok(ref, ['200', '201']) }, [...nsParams, P.name, body(ref), ...write]);
    if (has('patch')) {
      out.patch = op('patch', 'patch', suffix, { ...patchConsumes, responses: ok(ref, ['200', '201']) }, [...nsParams, P.name, { name: 'body', in: 'body', required: true, schema: { $ref: `${META}Patch` } }, ...write, P.force]);
    }
    if (!suffix && has('delete')) {
      out.delete = op('delete', 'delete', suffix, { responses: ok(`${META}Status`, ['200', '202']) }, [...nsParams, P.name, { name: 'body', in: 'body', schema: { $ref: `${META}DeleteOptions` } }, P.pretty, P.dryRun, P.gracePeriodSeconds, P.propagationPolicy]);
    }
    return out;
  };
  const collection: PathItem = {};
  if (has('list')) collection.get = op('list', 'list', '', { responses: ok(ctx.listRef) }, [...nsParams, P.pretty, ...LIST_PARAMS]);
  if (has('create')) collection.post = op('create', 'post', '', { responses: ok(ctx.ref, ['200', '201', '202']) }, [...nsParams, body(ctx.ref), ...write]);
  if (has('deletecollection')) {
    collection.delete = op('deletecollection', 'deletecollection', '', { responses: ok(`${META}Status`) }, [...nsParams, P.pretty, P.dryRun, P.gracePeriodSeconds, P.propagationPolicy, ...LIST_PARAMS]);
  }
  const paths: Record<string, PathItem> = { [base]: collection, [`${base}/{name}`]: item('', ctx.ref) };
  if (r.subresources.status) paths[`${base}/{name}/status`] = item('Status', ctx.ref);
  if (r.subresources.scale) paths[`${base}/{name}/scale`] = item('Scale', SCALE);
  if (r.namespaced && has('list')) {
    paths[`${gvPrefix(r)}/${r.plural}`] = { get: op('list', 'list', 'ForAllNamespaces', { responses: ok(ctx.listRef) }, [P.pretty, ...LIST_PARAMS]) };
  }
  return paths;
}
