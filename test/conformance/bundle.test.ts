// What `npm start` runs after `npm ci`: the bundled CLI (dist/, with its code-split chunks), not the
// TypeScript sources the other suites use. It must find the UI and serve it at the printed URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, removeDir } from './harness';

const built = existsSync(join(ROOT, 'dist', 'wheelhouse.js')) && existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));

test('the bundled `wheelhouse serve` prints a URL that serves the UI', { skip: built ? false : 'dist/ is not built (npm run build)' }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wh-bundle-'));
  const env = { ...process.env, WHEELHOUSE_FROM_SOURCE: '', WHEELHOUSE_CONFIG_DIR: join(dataDir, 'config'), KUBECONFIG: join(dataDir, 'none') };
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'wheelhouse.js'), 'serve', '--data-dir', join(dataDir, 'cluster')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no URL printed within 30 s: ${out}`)), 30_000);
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
    const page = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      request(url, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    assert.equal(page.status, 200, page.body);
    assert.match(page.body, /<html/i);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    removeDir(dataDir);
  }
});
