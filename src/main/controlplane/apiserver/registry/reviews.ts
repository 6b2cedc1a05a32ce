// Creates of review kinds are answered from the caller's identity and RBAC, never stored:
// SelfSubjectAccessReview (`kubectl auth can-i`), SelfSubjectRulesReview (`can-i --list`),
// SubjectAccessReview, SelfSubjectReview (`kubectl auth whoami`) and TokenReview.
import { badRequest } from '../../../../shared/k8s/status';
import { groupsOf, serviceAccountUser, type UserInfo } from '../authn/types';
import { authorize, isSuperuser, rulesFor, type Attributes, type RbacObjects } from '../authz/rbac';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { readAll, readStored } from './rewrite';
import type { RequestInfo, WriteResult } from './types';

const rbacOf = (ctx: Ctx): RbacObjects => {
  const read = (plural: string) => {
    const r = ctx.resources.lookup('rbac.authorization.k8s.io', 'v1', plural);
    return r ? readAll(ctx, r) : [];
  };
  return { roles: read('roles'), clusterRoles: read('clusterroles'), roleBindings: read('rolebindings'), clusterRoleBindings: read('clusterrolebindings') };
};

const userOf = (req: RequestInfo): UserInfo => ({ name: req.user, groups: groupsOf(req.user, req.groups) });

const attributesOf = (spec: Obj): Attributes => {
  const r = spec?.resourceAttributes;
  const n = spec?.nonResourceAttributes;
  if (r) return { verb: r.verb ?? '', namespace: r.namespace || undefined, group: r.group ?? '', resource: r.resource ?? '', subresource: r.subresource || undefined, name: r.name || undefined };
  if (n) return { verb: n.verb ?? '', path: n.path ?? '' };
  throw badRequest('spec: Invalid value: one of resourceAttributes or nonResourceAttributes must be set');
};

const answer = (req: RequestInfo, body: Obj, ctx: Ctx, status: Obj, spec: Obj = body?.spec ?? {}): WriteResult => ({
  code: 201,
  object: { kind: req.resource.kind, apiVersion: `${req.resource.group}/${req.resource.version}`, metadata: { creationTimestamp: timestampOf(ctx.clock.now()) }, spec, status },
});

const accessReview = (ctx: Ctx, req: RequestInfo, body: Obj, user: UserInfo): WriteResult => {
  const decision = authorize(rbacOf(ctx), user, attributesOf(body?.spec));
  return answer(req, body, ctx, decision.allowed ? { allowed: true, ...(decision.reason ? { reason: decision.reason } : {}) } : { allowed: false });
};

const rulesReview = (ctx: Ctx, req: RequestInfo, body: Obj): WriteResult => {
  const user = userOf(req);
  const namespace = body?.spec?.namespace || undefined;
  if (isSuperuser(user)) {
    const all = { resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }], nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }], incomplete: false };
    return answer(req, body, ctx, all);
  }
  const rules = rulesFor(rbacOf(ctx), user, namespace).flatMap((b) => b.rules);
  const resourceRules = rules.filter((r) => !r.nonResourceURLs?.length).map(({ verbs, apiGroups, resources, resourceNames }) => ({ verbs, apiGroups, resources, ...(resourceNames?.length ? { resourceNames } : {}) }));
  const nonResourceRules = rules.filter((r) => r.nonResourceURLs?.length).map(({ verbs, nonResourceURLs }) => ({ verbs, nonResourceURLs }));
  return answer(req, body, ctx, { resourceRules, nonResourceRules, incomplete: false });
};

const tokenReview = (ctx: Ctx, req: RequestInfo, body: Obj): WriteResult => {
  const token = String(body?.spec?.token ?? '');
  const claims = ctx.serviceAccountTokens().verify(token, ctx.clock.now());
  const sa = claims && ctx.resources.lookup('', 'v1', 'serviceaccounts');
  const account = claims && sa ? readStored(ctx, sa, claims.namespace, claims.name) : undefined;
  if (!claims || !account || (claims.uid && account.metadata.uid !== claims.uid)) return answer(req, body, ctx, { user: {}, error: 'invalid bearer token' });
  const user = serviceAccountUser(claims.namespace, claims.name, claims.uid);
  return answer(req, body, ctx, { authenticated: true, user: { username: user.name, uid: user.uid, groups: user.groups }, audiences: claims.audiences });
};

export async function answerReview(ctx: Ctx, req: RequestInfo, body: Obj): Promise<WriteResult> {
  switch (req.resource.kind) {
    case 'SelfSubjectAccessReview':
      return accessReview(ctx, req, body, userOf(req));
    case 'SubjectAccessReview': {
      const spec = body?.spec ?? {};
      return accessReview(ctx, req, body, { name: String(spec.user ?? ''), groups: Array.isArray(spec.groups) ? spec.groups : [] });
    }
    case 'SelfSubjectRulesReview':
      return rulesReview(ctx, req, body);
    case 'SelfSubjectReview': {
      const user = userOf(req);
      return { code: 201, object: { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: { creationTimestamp: timestampOf(ctx.clock.now()) }, status: { userInfo: { username: user.name, groups: user.groups } } } };
    }
    case 'TokenReview':
      return tokenReview(ctx, req, body);
  }
  throw badRequest(`${req.resource.kind} cannot be created`);
}
