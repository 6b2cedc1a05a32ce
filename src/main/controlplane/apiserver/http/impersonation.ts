// Impersonate-User / Impersonate-Group headers (`kubectl --as`, `--as-group`): the request then acts
// as that user. Only members of system:masters may impersonate until real authorization exists.
import type { IncomingMessage } from 'node:http';
import { forbidden } from '../../../../shared/k8s/status';
import { AUTHENTICATED_GROUP, SUPERUSER_GROUP, serviceAccountUser, splitServiceAccountUser, type UserInfo } from '../authn/types';

const headerValues = (req: IncomingMessage, name: string): string[] => {
  const v = req.headers[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
};

export const impersonated = (req: IncomingMessage, user: UserInfo): UserInfo => {
  const [name] = headerValues(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  if (name === undefined) {
    if (groups.length > 0) throw forbidden('requested [group] without impersonating a user');
    return user;
  }
  if (!user.groups.includes(SUPERUSER_GROUP)) {
    throw forbidden(`users "${name}" is forbidden: User "${user.name}" cannot impersonate resource "users" in API group "" at the cluster scope`);
  }
  const sa = splitServiceAccountUser(name);
  // as upstream: a service account without named groups gets its account groups
  const implied = sa && groups.length === 0 ? serviceAccountUser(sa[0], sa[1]).groups : [];
  const all = [...new Set([...groups, ...implied])];
  if (name !== 'system:anonymous' && !all.includes(AUTHENTICATED_GROUP)) all.push(AUTHENTICATED_GROUP);
  return { name, groups: all };
};
