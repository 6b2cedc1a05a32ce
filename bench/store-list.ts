// Listing 50,000 pods of ~3 KB from the store (the API server's list path at the current
// revision), a paged list, an old-revision page from SQLite, and reopening the store (load time).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/main/controlplane/store';

const PODS = Number(process.env.STORE_LIST_PODS ?? 50_000);
const VALUE = JSON.stringify({ kind: 'Pod', apiVersion: 'v1', spec: { pad: 'x'.repeat(3000) } });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 100) / 100;
const time = (fn: () => void) => {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
};

const dir = mkdtempSync(join(tmpdir(), 'wh-bench-list-'));
try {
  let store = openStore({ dataDir: dir });
  const t0 = performance.now();
  for (let i = 0; i < PODS; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, PODS - i) }, (_, j) => store.create(`/registry/pods/ns${(i + j) % 50}/pod-${i + j}`, VALUE)));
  }
  const fill = performance.now() - t0;
  const mid = store.revision;
  await store.create('/registry/pods/ns0/late', VALUE);
  const full = median(Array.from({ length: 5 }, () => time(() => store.range('/registry/pods/'))));
  const page = median(Array.from({ length: 5 }, () => time(() => store.range('/registry/pods/', { limit: 500, startAfter: '/registry/pods/ns25/' }))));
  const oldPage = median(Array.from({ length: 5 }, () => time(() => store.range('/registry/pods/', { limit: 500, revision: mid }))));
  const ns = median(Array.from({ length: 5 }, () => time(() => store.range('/registry/pods/ns7/'))));
  store.close();
  const reopen = time(() => (store = openStore({ dataDir: dir })));
  store.close();
  console.log(JSON.stringify({
    figure: 'store-list', pods: PODS, valueBytes: VALUE.length, unit: 'ms',
    fillSeconds: round(fill / 1000), listAll: round(full), listPage500: round(page), listPage500OldRevision: round(oldPage),
    listOneNamespace: round(ns), reopen: round(reopen),
  }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
