// Who is asking: what authentication yields and what authorization and the reviews read.

export interface UserInfo {
  name: string;
  groups: string[];
  uid?: string;
  extra?: Record<string, string[]>;
}

export const SUPERUSER_GROUP = 'system:masters';
export const AUTHENTICATED_GROUP = 'system:authenticated';

export interface IssuedToken {
  token: string;
  /** RFC 3339, seconds precision */
  expirationTimestamp: string;
}

export interface TokenClaimsRequest {
  namespace: string;
  name: string;
  uid: string;
  audiences: string[];
  expirationSeconds: number;
  /** the object the token is bound to (a Pod or Secret), if any */
  boundObject?: { kind: string; name: string; uid?: string };
}

/** signs service-account tokens (TokenRequest) and checks presented ones */
export interface ServiceAccountTokens {
  issue(request: TokenClaimsRequest, now: Date): IssuedToken;
  /** the service account a valid, unexpired token names; the caller checks the account still exists */
  verify(token: string, now: Date): { namespace: string; name: string; uid: string; audiences: string[] } | undefined;
  /** the audience tokens get when a request names none */
  readonly defaultAudiences: string[];
}

const SA_PREFIX = 'system:serviceaccount:';

export const serviceAccountUser = (namespace: string, name: string, uid?: string): UserInfo => ({
  name: `${SA_PREFIX}${namespace}:${name}`,
  groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, AUTHENTICATED_GROUP],
  ...(uid ? { uid } : {}),
});

/** "system:serviceaccount:ns:name" → [ns, name] */
export const splitServiceAccountUser = (user: string): [string, string] | undefined => {
  if (!user.startsWith(SA_PREFIX)) return undefined;
  const parts = user.slice(SA_PREFIX.length).split(':');
  return parts.length === 2 && parts[0] && parts[1] ? [parts[0], parts[1]] : undefined;
};

/** groups a request carries: the ones authentication gave, or those implied by the name (in-process callers) */
export const groupsOf = (user: string, groups: string[] | undefined): string[] => {
  if (groups) return groups;
  const sa = splitServiceAccountUser(user);
  if (sa) return serviceAccountUser(sa[0], sa[1]).groups;
  if (user === 'system:admin') return [SUPERUSER_GROUP, AUTHENTICATED_GROUP];
  return [AUTHENTICATED_GROUP];
};
