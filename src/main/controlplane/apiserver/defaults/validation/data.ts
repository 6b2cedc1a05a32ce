// ConfigMap and Secret checks: keys, total size, secret types, `immutable`.
import type { StatusCause } from '../../../../../shared/k8s/status';
import { forbidden, immutable, invalid, required, tooLong } from './errors';
import { isConfigMapKey } from './names';

type Obj = Record<string, any>;
const MAX_SIZE = 1024 * 1024;

function keyErrors(map: unknown, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const key of Object.keys((map as Obj) ?? {})) for (const msg of isConfigMapKey(key)) causes.push(invalid(`${path}[${key}]`, key, msg));
  return causes;
}

const base64Size = (v: unknown): number => (typeof v === 'string' ? Buffer.from(v, 'base64').length : 0);

export function validateConfigMap(cm: Obj): StatusCause[] {
  const causes = [...keyErrors(cm.data, 'data'), ...keyErrors(cm.binaryData, 'binaryData')];
  let size = 0;
  for (const [k, v] of Object.entries<unknown>(cm.data ?? {})) size += Buffer.byteLength(k) + Buffer.byteLength(String(v ?? ''));
  for (const [k, v] of Object.entries<unknown>(cm.binaryData ?? {})) {
    if (cm.data && Object.prototype.hasOwnProperty.call(cm.data, k)) causes.push(invalid(`binaryData[${k}]`, k, 'duplicate of key present in data'));
    size += Buffer.byteLength(k) + base64Size(v);
  }
  if (size > MAX_SIZE) causes.push(tooLong('', MAX_SIZE));
  return causes;
}

const TYPE_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

export function validateSecret(secret: Obj): StatusCause[] {
  const causes = keyErrors(secret.data, 'data');
  const data: Obj = secret.data ?? {};
  let size = 0;
  for (const [k, v] of Object.entries(data)) size += Buffer.byteLength(k) + base64Size(v);
  if (size > MAX_SIZE) causes.push(tooLong('data', MAX_SIZE));
  for (const key of TYPE_KEYS[secret.type] ?? []) if (!(key in data)) causes.push(required(`data[${key}]`));
  if (secret.type === 'kubernetes.io/service-account-token' && !secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    causes.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (secret.type === 'kubernetes.io/basic-auth' && !('username' in data) && !('password' in data)) {
    causes.push(required('data[username]'));
  }
  return causes;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Once `immutable` is true, data and the flag itself are frozen. */
export function validateImmutableData(obj: Obj, old: Obj, fields: string[]): StatusCause[] {
  if (old.immutable !== true) return [];
  const causes: StatusCause[] = [];
  if (obj.immutable !== true) causes.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!same(obj[f], old[f])) causes.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return causes;
}

export function validateSecretUpdate(secret: Obj, old: Obj): StatusCause[] {
  const causes: StatusCause[] = [];
  if ((secret.type ?? 'Opaque') !== (old.type ?? 'Opaque')) causes.push(immutable('type', secret.type ?? ''));
  causes.push(...validateImmutableData(secret, old, ['data']));
  return causes;
}
