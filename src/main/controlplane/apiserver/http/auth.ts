// Bearer-token authentication. Tokens are compared in constant time so a caller cannot learn a
// token byte by byte from response timings.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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
