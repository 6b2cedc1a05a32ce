// A small RBAC evaluator, as upstream's rbac authorizer: the rules of every Role/ClusterRole bound to
// the user (by name, group or service account) apply, ClusterRoleBindings everywhere and
// RoleBindings in their own namespace. Members of system:masters may do anything.
import { SUPERUSER_GROUP, type UserInfo } from '../authn/types';

export type Obj = Record<string, any>;

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface RbacObjects {
  roles: Obj[];
  clusterRoles: Obj[];
  roleBindings: Obj[];
  clusterRoleBindings: Obj[];
}

export interface Attributes {
  verb: string;
  namespace?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  name?: string;
  /** set for non-resource requests (/healthz, /api) */
  path?: string;
}

export interface Decision {
  allowed: boolean;
  reason?: string;
}

export const isSuperuser = (user: UserInfo): boolean => user.groups.includes(SUPERUSER_GROUP);

const subjectMatches = (subject: Obj, user: UserInfo, bindingNamespace: string | undefined): boolean => {
  switch (subject?.kind) {
    case 'User':
      return subject.name === user.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return user.name === `system:serviceaccount:${ns}:${subject.name}`;
    }
  }
  return false;
};

const binds = (binding: Obj, user: UserInfo): boolean => (binding.subjects ?? []).some((s: Obj) => subjectMatches(s, user, binding.metadata?.namespace));

interface BoundRules {
  rules: PolicyRule[];
  /** how upstream names the grant in a decision's reason */
  via: string;
}

const roleOf = (rbac: RbacObjects, ref: Obj, namespace: string | undefined): Obj | undefined =>
  ref?.kind === 'ClusterRole'
    ? rbac.clusterRoles.find((r) => r.metadata.name === ref.name)
    : rbac.roles.find((r) => r.metadata.name === ref?.name && r.metadata.namespace === namespace);

/** the rules that apply to `user` in `namespace` (undefined: cluster-wide only) */
export const rulesFor = (rbac: RbacObjects, user: UserInfo, namespace: string | undefined): BoundRules[] => {
  const out: BoundRules[] = [];
  for (const b of rbac.clusterRoleBindings) {
    if (!binds(b, user)) continue;
    const role = roleOf(rbac, b.roleRef, undefined);
    if (role) out.push({ rules: role.rules ?? [], via: `ClusterRoleBinding "${b.metadata.name}" of ClusterRole "${role.metadata.name}"` });
  }
  if (namespace === undefined) return out;
  for (const b of rbac.roleBindings) {
    if (b.metadata.namespace !== namespace || !binds(b, user)) continue;
    const role = roleOf(rbac, b.roleRef, namespace);
    if (role) out.push({ rules: role.rules ?? [], via: `RoleBinding "${b.metadata.name}/${namespace}" of ${b.roleRef.kind} "${role.metadata.name}"` });
  }
  return out;
};

const has = (list: string[] | undefined, value: string): boolean => (list ?? []).some((v) => v === '*' || v === value);

const resourceMatches = (rule: PolicyRule, a: Attributes): boolean => {
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : (a.resource ?? '');
  return (rule.resources ?? []).some((r) => r === '*' || r === combined || (a.subresource !== undefined && r === `*/${a.subresource}`));
};

const urlMatches = (patterns: string[] | undefined, path: string): boolean =>
  (patterns ?? []).some((p) => p === '*' || p === path || (p.endsWith('*') && path.startsWith(p.slice(0, -1))));

export const ruleAllows = (rule: PolicyRule, a: Attributes): boolean => {
  if (!has(rule.verbs, a.verb)) return false;
  if (a.path !== undefined) return urlMatches(rule.nonResourceURLs, a.path);
  if (!has(rule.apiGroups, a.group ?? '') || !resourceMatches(rule, a)) return false;
  return !rule.resourceNames?.length || (a.name !== undefined && rule.resourceNames.includes(a.name));
};

export const authorize = (rbac: RbacObjects, user: UserInfo, a: Attributes): Decision => {
  if (isSuperuser(user)) return { allowed: true };
  for (const bound of rulesFor(rbac, user, a.path === undefined ? a.namespace : undefined)) {
    if (bound.rules.some((r) => ruleAllows(r, a))) return { allowed: true, reason: `RBAC: allowed by ${bound.via} to ${kindOf(user)} "${user.name}"` };
  }
  return { allowed: false, reason: '' };
};

const kindOf = (user: UserInfo): string => (user.name.startsWith('system:serviceaccount:') ? 'ServiceAccount' : 'User');
