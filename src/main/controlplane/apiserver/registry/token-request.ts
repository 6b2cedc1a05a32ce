// POST serviceaccounts/<name>/token: a TokenRequest answered with a signed, expiring token for that
// account (what `kubectl create token` and the kubelet's projected volumes ask for).
import { invalid, notFound } from '../../../../shared/k8s/status';
import type { Ctx } from './context';
import type { Obj } from './json';
import { timestampOf } from './meta';
import { readStored } from './rewrite';
import type { RequestInfo, WriteResult } from './types';

const DEFAULT_EXPIRATION = 3600;
const MIN_EXPIRATION = 600;
const MAX_EXPIRATION = 2 ** 32;

const checkExpiration = (name: string, seconds: unknown): number => {
  if (seconds === undefined || seconds === null) return DEFAULT_EXPIRATION;
  const fail = (message: string) => invalid('TokenRequest', 'authentication.k8s.io', name, [{ reason: 'FieldValueInvalid', field: 'spec.expirationSeconds', message }]);
  if (typeof seconds !== 'number' || !Number.isInteger(seconds)) throw fail(`Invalid value: ${JSON.stringify(seconds)}: must be an integer`);
  if (seconds < MIN_EXPIRATION) throw fail(`Invalid value: ${seconds}: may not specify a duration less than 10 minutes`);
  if (seconds > MAX_EXPIRATION) throw fail(`Invalid value: ${seconds}: may not specify a duration larger than 2^32 seconds`);
  return seconds;
};

export async function requestToken(ctx: Ctx, req: RequestInfo, body: Obj): Promise<WriteResult> {
  const name = req.name ?? '';
  const account = readStored(ctx, req.resource, req.namespace, name);
  if (!account) throw notFound(req.resource.plural, req.resource.group, name);
  const spec = body?.spec ?? {};
  const expirationSeconds = checkExpiration(name, spec.expirationSeconds);
  const tokens = ctx.serviceAccountTokens();
  const audiences: string[] = Array.isArray(spec.audiences) && spec.audiences.length > 0 ? spec.audiences.map(String) : tokens.defaultAudiences;
  const bound = spec.boundObjectRef;
  const now = ctx.clock.now();
  const issued = tokens.issue(
    {
      namespace: req.namespace ?? '',
      name,
      uid: account.metadata.uid,
      audiences,
      expirationSeconds,
      ...(bound?.kind && bound?.name ? { boundObject: { kind: bound.kind, name: bound.name, uid: bound.uid } } : {}),
    },
    now,
  );
  const object = {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace: req.namespace, creationTimestamp: timestampOf(now) },
    spec: { audiences, expirationSeconds, boundObjectRef: bound ?? null },
    status: issued,
  };
  return { code: 201, object };
}
