// The key that signs service-account tokens, kept in <dataDir>/pki/sa.key so tokens handed out stay
// valid across restarts (upstream's --service-account-signing-key-file). In memory: ephemeral.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const newKey = (): KeyObject => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;

export function loadOrCreateServiceAccountKey(dataDir: string | undefined): KeyObject {
  if (!dataDir) return newKey();
  const dir = join(dataDir, 'pki');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, 'sa.key');
  if (existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
  const key = newKey();
  writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  return key;
}
