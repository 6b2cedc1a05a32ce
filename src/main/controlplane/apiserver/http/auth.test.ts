import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { createServiceAccountTokens } from '../authn/service-account-tokens';
import { createClusterAuthenticator } from './auth';
import { impersonated } from './impersonation';

const now = new Date('2026-01-01T00:00:00Z');
const tokens = createServiceAccountTokens(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
const accounts = new Map([['default/robot', 'uid-1']]);
const auth = createClusterAuthenticator({ adminToken: 'admin-secret', tokens, now: () => now, accountUid: async (ns, name) => accounts.get(`${ns}/${name}`) });
const issue = (name: string, uid: string, seconds = 3600) => tokens.issue({ namespace: 'default', name, uid, audiences: tokens.defaultAudiences, expirationSeconds: seconds }, now).token;

test('the admin token is system:admin in system:masters', async () => {
  assert.deepEqual(await auth.authenticateUser('admin-secret'), { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] });
  assert.equal(await auth.authenticateUser('wrong'), undefined);
});

test('a service-account token authenticates as the account while it exists and the token is current', async () => {
  const user = await auth.authenticateUser(issue('robot', 'uid-1'));
  assert.equal(user?.name, 'system:serviceaccount:default:robot');
  assert.deepEqual(user?.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
  assert.equal(await auth.authenticateUser(issue('robot', 'uid-old')), undefined, 'a recreated account does not honour old tokens');
  assert.equal(await auth.authenticateUser(issue('ghost', 'uid-9')), undefined, 'a deleted account');
  const other = createServiceAccountTokens(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
  assert.equal(await auth.authenticateUser(other.issue({ namespace: 'default', name: 'robot', uid: 'uid-1', audiences: [], expirationSeconds: 600 }, now).token), undefined, 'another cluster’s key');
  const expired = tokens.issue({ namespace: 'default', name: 'robot', uid: 'uid-1', audiences: [], expirationSeconds: 600 }, new Date(now.getTime() - 3600_000)).token;
  assert.equal(await auth.authenticateUser(expired), undefined, 'expired');
});

const req = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;
const admin = { name: 'system:admin', groups: ['system:masters', 'system:authenticated'] };

test('the admin may impersonate; a service account gets its groups; others are refused', () => {
  assert.deepEqual(impersonated(req({ 'impersonate-user': 'system:serviceaccount:ns1:default' }), admin), {
    name: 'system:serviceaccount:ns1:default',
    groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1', 'system:authenticated'],
  });
  assert.deepEqual(impersonated(req({ 'impersonate-user': 'jane', 'impersonate-group': ['dev', 'ops'] }), admin), { name: 'jane', groups: ['dev', 'ops', 'system:authenticated'] });
  assert.equal(impersonated(req({}), admin), admin);
  const robot = { name: 'system:serviceaccount:default:robot', groups: ['system:authenticated'] };
  assert.throws(() => impersonated(req({ 'impersonate-user': 'jane' }), robot), (e: StatusError) => e.code === 403 && /cannot impersonate resource "users"/.test(e.message));
});
