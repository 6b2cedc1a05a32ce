// Bearer-token authentication. Tokens are compared in constant time so a caller cannot learn a
// token byte by byte from response timings.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { groupsOf, serviceAccountUser, type ServiceAccountTokens, type UserInfo } from '../authn/types';

export interface Authenticator {
  /** the user name for a presented token, or undefined */
  authenticate(token: string): string | undefined;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** tokens: token → user name */
export const createTokenAuthenticator = (tokens: Record<string, string> | Map<string, string>): Authenticator => {
  const entries = [...(tokens instanceof Map ? tokens : new Map(Object.entries(tokens)))].map(([token, user]) => ({ hash: digest(token), user }));
  return {
    authenticate(token) {
      const presented = digest(token);
      let found: string | undefined;
      // Visit every entry whatever matches, so timing does not depend on which one did.
      for (const e of entries) if (timingSafeEqual(e.hash, presented) && found === undefined) found = e.user;
      return found;
    },
  };
};

export const bearerTokenOf = (req: IncomingMessage): string | undefined => {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
};

/** What an authenticator that knows groups answers; a plain Authenticator's users get default groups. */
export interface UserAuthenticator extends Authenticator {
  authenticateUser(token: string): Promise<UserInfo | undefined>;
}

export interface ClusterAuthenticatorDeps {
  /** the admin's bearer token (member of system:masters) */
  adminToken: string;
  tokens: ServiceAccountTokens;
  /** the uid of a stored service account, undefined when it is gone (its tokens die with it) */
  accountUid(namespace: string, name: string): Promise<string | undefined>;
  now: () => Date;
}

/** the admin token, then service-account JWTs, as upstream's union authenticator */
export const createClusterAuthenticator = (deps: ClusterAuthenticatorDeps): UserAuthenticator => {
  const admin = createTokenAuthenticator({ [deps.adminToken]: 'system:admin' });
  return {
    authenticate: (token) => admin.authenticate(token),
    async authenticateUser(token) {
      const name = admin.authenticate(token);
      if (name !== undefined) return { name, groups: groupsOf(name, undefined) };
      const claims = token.split('.').length === 3 ? deps.tokens.verify(token, deps.now()) : undefined;
      if (!claims) return undefined;
      const uid = await deps.accountUid(claims.namespace, claims.name);
      if (uid === undefined || (claims.uid && uid !== claims.uid)) return undefined;
      return serviceAccountUser(claims.namespace, claims.name, uid);
    },
  };
};

const isUserAuthenticator = (a: Authenticator): a is UserAuthenticator => typeof (a as UserAuthenticator).authenticateUser === 'function';

/** the user behind a presented token, with groups */
export const userOf = async (authenticator: Authenticator, token: string): Promise<UserInfo | undefined> => {
  if (isUserAuthenticator(authenticator)) return authenticator.authenticateUser(token);
  const name = authenticator.authenticate(token);
  return name === undefined ? undefined : { name, groups: groupsOf(name, undefined) };
};
