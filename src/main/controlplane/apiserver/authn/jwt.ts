// Compact JWS (ES256) signing and checking with node:crypto, for service-account tokens.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

export type Claims = Record<string, unknown>;

export const signJwt = (claims: Claims, privateKey: KeyObject, kid: string): string => {
  const header = b64(JSON.stringify({ alg: 'ES256', kid }));
  const payload = b64(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${header}.${payload}.${b64(signature)}`;
};

/** the claims of a token signed by `key`; undefined for anything malformed or forged */
export const verifyJwt = (token: string, key: KeyObject): Claims | undefined => {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    if (header?.alg !== 'ES256') return undefined;
    const publicKey = key.type === 'private' ? createPublicKey(key) : key;
    const ok = verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(parts[2], 'base64url'));
    if (!ok) return undefined;
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? (claims as Claims) : undefined;
  } catch {
    return undefined;
  }
};
