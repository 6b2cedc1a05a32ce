// Asks a running cluster for an online backup (see backup-endpoint.ts), using what its data folder
// holds: the port, the CA and the admin token.
import { request } from 'node:https';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BACKUP_PATH } from './backup-endpoint';
import { LOOPBACK } from './listen';

export function backupRunningCluster(dataDir: string, file: string): Promise<void> {
  const port = Number(readFileSync(join(dataDir, 'port'), 'utf8'));
  const ca = readFileSync(join(dataDir, 'pki', 'ca.crt'), 'utf8');
  const token = readFileSync(join(dataDir, 'pki', 'admin.token'), 'utf8').trim();
  return new Promise((resolve, reject) => {
    const req = request({ host: LOOPBACK, port, path: BACKUP_PATH, method: 'POST', ca, servername: 'localhost', headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => reject(new Error(`the running cluster refused the backup (${res.statusCode}): ${body.trim()}`)));
        return;
      }
      const out = createWriteStream(file);
      res.pipe(out);
      out.on('finish', () => resolve());
      out.on('error', reject);
    });
    req.on('error', (err) => reject(new Error(`cannot reach the running cluster on port ${port}: ${err.message}`)));
    req.end();
  });
}
