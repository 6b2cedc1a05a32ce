// Loads the cluster's PKI from <dataDir>/pki, creating what is missing. Kept across restarts so
// kubeconfigs handed out earlier stay valid.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CertPair } from './generate';

// Loaded only when something must be created: the X.509 library costs start-up time otherwise.
const generator = () => import('./generate');

export interface ClusterPki {
  ca: CertPair;
  serving: CertPair;
  /** bearer token of the cluster-admin user */
  adminToken: string;
}

const SERVING_HOSTS = { dns: ['localhost', 'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local'], ips: ['127.0.0.1', '::1', '10.96.0.1'] };

const readPair = (dir: string, name: string): CertPair | undefined => {
  const cert = join(dir, `${name}.crt`);
  const key = join(dir, `${name}.key`);
  if (!existsSync(cert) || !existsSync(key)) return undefined;
  return { certPem: readFileSync(cert, 'utf8'), keyPem: readFileSync(key, 'utf8') };
};

const writePair = (dir: string, name: string, pair: CertPair): void => {
  writeFileSync(join(dir, `${name}.crt`), pair.certPem, { mode: 0o644 });
  writeFileSync(join(dir, `${name}.key`), pair.keyPem, { mode: 0o600 });
};

/** dataDir undefined → an ephemeral PKI held only in memory (tests, in-memory clusters) */
export async function loadOrCreatePki(dataDir: string | undefined, now: Date): Promise<ClusterPki> {
  if (!dataDir) {
    const { createCa, createServingCert } = await generator();
    const ca = await createCa(now);
    return { ca, serving: await createServingCert(ca, SERVING_HOSTS, now), adminToken: randomBytes(32).toString('base64url') };
  }
  const dir = join(dataDir, 'pki');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let ca = readPair(dir, 'ca');
  if (!ca) writePair(dir, 'ca', (ca = await (await generator()).createCa(now)));
  let serving = readPair(dir, 'serving');
  if (!serving) writePair(dir, 'serving', (serving = await (await generator()).createServingCert(ca, SERVING_HOSTS, now)));
  const tokenFile = join(dir, 'admin.token');
  if (!existsSync(tokenFile)) writeFileSync(tokenFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return { ca, serving, adminToken: readFileSync(tokenFile, 'utf8').trim() };
}
