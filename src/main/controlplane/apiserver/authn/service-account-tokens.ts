// Service-account tokens as upstream's TokenRequest issues them: a JWT with the kubernetes.io claim
// naming the namespace, account (and bound object), signed by the cluster's service-account key.
import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { signJwt, verifyJwt } from './jwt';
import type { IssuedToken, ServiceAccountTokens, TokenClaimsRequest } from './types';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
const rfc3339 = (s: number): string => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

export const createServiceAccountTokens = (privateKey: KeyObject): ServiceAccountTokens => {
  const publicKey = createPublicKey(privateKey);
  const kid = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url');
  return {
    defaultAudiences: [ISSUER],
    issue(request: TokenClaimsRequest, now: Date): IssuedToken {
      const iat = seconds(now);
      const exp = iat + request.expirationSeconds;
      const k8s: Record<string, unknown> = { namespace: request.namespace, serviceaccount: { name: request.name, uid: request.uid } };
      if (request.boundObject) k8s[request.boundObject.kind.toLowerCase()] = { name: request.boundObject.name, uid: request.boundObject.uid };
      const claims = { aud: request.audiences, exp, iat, nbf: iat, iss: ISSUER, sub: `system:serviceaccount:${request.namespace}:${request.name}`, 'kubernetes.io': k8s };
      return { token: signJwt(claims, privateKey, kid), expirationTimestamp: rfc3339(exp) };
    },
    verify(token, now) {
      const claims = verifyJwt(token, publicKey);
      if (!claims || claims.iss !== ISSUER) return undefined;
      const t = seconds(now);
      if (typeof claims.exp !== 'number' || claims.exp < t || (typeof claims.nbf === 'number' && claims.nbf > t + 60)) return undefined;
      const k8s = claims['kubernetes.io'] as { namespace?: string; serviceaccount?: { name?: string; uid?: string } } | undefined;
      const namespace = k8s?.namespace;
      const name = k8s?.serviceaccount?.name;
      if (!namespace || !name) return undefined;
      const aud = claims.aud;
      return { namespace, name, uid: k8s.serviceaccount?.uid ?? '', audiences: Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [] };
    },
  };
};
