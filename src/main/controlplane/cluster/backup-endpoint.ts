// Online backup of a running cluster: `wheelhouse cluster backup` asks the running process over its
// own HTTPS port (admin token required), since the store is locked by that process, as
// `etcdctl snapshot save` asks a live etcd. The file is a consistent SQLite copy.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { timingSafeEqual } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../store';

export const BACKUP_PATH = '/wheelhouse/v1/backup';

const sameToken = (header: string | undefined, token: string): boolean => {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
};

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export function withBackupEndpoint(store: Store, token: string, next: Handler): Handler {
  return (req, res) => {
    if (req.url !== BACKUP_PATH) return next(req, res);
    if (req.method !== 'POST' || !sameToken(req.headers.authorization, token)) {
      res.writeHead(req.method !== 'POST' ? 405 : 401, { 'Content-Type': 'text/plain' }).end(req.method !== 'POST' ? 'use POST\n' : 'Unauthorized\n');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'wh-backup-'));
    const file = join(dir, 'backup.db');
    const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
    store.backup(file).then(
      () => {
        res.writeHead(200, { 'Content-Type': 'application/vnd.sqlite3' });
        createReadStream(file).on('close', cleanup).pipe(res);
      },
      (err: Error) => {
        cleanup();
        res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`backup failed: ${err.message}\n`);
      },
    );
  };
}
