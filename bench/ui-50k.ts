// Figure: the renderer at 50,000 pods, as a user sees it. The real `wheelhouse serve` (web mode, its
// built-in cluster) is seeded through the API, then driven in the Debian Chromium (playwright-core):
// Pods click → first row (cold engine cache, then warm), scrolling ~20 screens (frame intervals and
// long tasks), the renderer's JS heap, create → row on screen while ~1,000 other pods/s are patched,
// and the engine's RSS. Run: node --import tsx bench/ui-50k.ts   (PODS=… RATE=… CHANGES=…)
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { parse } from 'yaml';
import { chromium, type Page } from 'playwright-core';
import { BenchClient, median, percentile, pod, round } from './lib/cluster';
import { startServe } from './lib/serve';

const PODS = Number(process.env.PODS ?? 50_000);
const RATE = Number(process.env.RATE ?? 1000);
const CHANGES = Number(process.env.CHANGES ?? 200);
const NS = 'default';
const log = (s: string) => process.stderr.write(`${s}\n`);

const app = await startServe('wh-ui50k-');
const rssMB = () => round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024, 1);

async function seed(client: BenchClient): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      for (let i = next++; i < PODS; i = next++) {
        const r = await client.send('POST', `/api/v1/namespaces/${NS}/pods`, pod(`pod-${String(i).padStart(5, '0')}`, NS));
        if (r.status !== 201) failed++;
      }
    }),
  );
  if (failed) log(`${failed} creates failed`);
  return (performance.now() - t0) / 1000;
}

const openKind = (page: Page, label: string) => page.locator('.side-item', { hasText: new RegExp(`^${label}$`) }).click();

/** click Pods (from Deployments) → first row visible, in ms */
async function firstRows(page: Page): Promise<number> {
  await openKind(page, 'Deployments');
  await page.locator('.tr[data-name^="pod-"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  const t0 = performance.now();
  await openKind(page, 'Pods');
  await page.locator('.tr[data-name^="pod-"]').first().waitFor({ timeout: 60_000 });
  return performance.now() - t0;
}

/** ~20 screens, a scrollTop step every 50 ms, under a longtask observer and a rAF frame clock */
function scrollInPage(screens: number) {
  return new Promise<{ frames: number[]; longTasks: number[] }>((done) => {
    const body = document.querySelector('[data-testid="table-body"]') as HTMLElement;
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ entryTypes: ['longtask'] });
    const frames: number[] = [];
    let last = performance.now();
    let running = true;
    const tick = (t: number) => {
      frames.push(t - last);
      last = t;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((t) => ((last = t), requestAnimationFrame(tick)));
    let step = 0;
    const timer = setInterval(() => {
      body.scrollTop += body.clientHeight;
      if (++step >= screens) {
        clearInterval(timer);
        setTimeout(() => {
          running = false;
          obs.disconnect();
          done({ frames, longTasks });
        }, 500);
      }
    }, 50);
  });
}

/** a merge-patch sender (BenchClient always sends application/json, which PATCH refuses) */
function mergePatcher(kubeconfigPath: string) {
  const kc = parse(readFileSync(kubeconfigPath, 'utf8'));
  const server = new URL(kc.clusters[0].cluster.server);
  const agent = new Agent({ keepAlive: true, maxSockets: 64, ca: Buffer.from(kc.clusters[0].cluster['certificate-authority-data'], 'base64').toString() });
  const headers = { Authorization: `Bearer ${kc.users[0].user.token}`, 'Content-Type': 'application/merge-patch+json' };
  const send = (path: string, body: unknown) =>
    new Promise<number>((ok, fail) => {
      const req = request({ host: server.hostname, port: server.port, path, method: 'PATCH', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => ok(res.statusCode ?? 0));
      });
      req.on('error', fail);
      req.end(JSON.stringify(body));
    });
  return { send, close: () => agent.destroy() };
}
type Patcher = ReturnType<typeof mergePatcher>;

/** patches labels of pods far from the top at ~RATE/s until stopped; returns how many were patched */
function backgroundPatches(client: Patcher): { stop(): Promise<{ patched: number; seconds: number }> } {
  let running = true;
  let patched = 0;
  let inflight = 0;
  let tick = 0;
  const t0 = performance.now();
  const loop = (async () => {
    while (running) {
      for (let k = 0; k < RATE / 100 && inflight < 64; k++) {
        inflight++;
        const i = 1000 + Math.floor(Math.random() * (PODS - 1000));
        const path = `/api/v1/namespaces/${NS}/pods/pod-${String(i).padStart(5, '0')}`;
        void client
          .send(path, { metadata: { labels: { tick: String(tick++) } } })
          .then((status) => status === 200 && patched++)
          .catch(() => undefined)
          .finally(() => inflight--);
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { patched, seconds: (performance.now() - t0) / 1000 };
    },
  };
}

/** create a pod that sorts first → its row in the DOM (a MutationObserver stamps it), ms each */
async function createToRow(page: Page, client: BenchClient): Promise<number[]> {
  await page.evaluate(() => {
    const seen: Record<string, number> = {};
    (window as unknown as { __seen: Record<string, number> }).__seen = seen;
    const body = document.querySelector('[data-testid="table-body"]')!;
    new MutationObserver((ms) => {
      const now = Date.now();
      for (const m of ms)
        m.addedNodes.forEach((n) => {
          const name = n instanceof HTMLElement ? n.dataset.name : undefined;
          if (name?.startsWith('aaa-') && !(name in seen)) seen[name] = now;
        });
    }).observe(body, { subtree: true, childList: true });
  });
  const lat: number[] = [];
  const deadline = Date.now() + 60_000;
  for (let i = 0; i < CHANGES && Date.now() < deadline; i++) {
    const name = `aaa-${String(9999 - i).padStart(4, '0')}`;
    const t0 = Date.now();
    await client.send('POST', `/api/v1/namespaces/${NS}/pods`, pod(name, NS));
    const handle = await page.waitForFunction((n) => (window as unknown as { __seen: Record<string, number> }).__seen[n], name, { timeout: 10_000 }).catch(() => null);
    const at = handle ? ((await handle.jsonValue()) as number) : NaN;
    if (Number.isFinite(at)) lat.push(at - t0);
  }
  return lat;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let client: BenchClient | undefined;
try {
  const { url, kubeconfigPath: kubeconfig } = app;
  client = new BenchClient(kubeconfig);
  const seedS = await seed(client);
  log(`seeded ${PODS} pods in ${round(seedS)} s; engine RSS ${rssMB()} MB`);
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  // tsx (esbuild keepNames) wraps the page-side functions in __name(): give the page a no-op one
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(url);
  await page.locator('.side-item', { hasText: /^Pods$/ }).waitFor({ timeout: 30_000 });
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) opens.push(await firstRows(page));
  log(`first rows: ${opens.map((x) => round(x)).join(', ')} ms`);
  // sorted by name ascending, so a new "aaa-…" pod lands in the top row
  const nameHeader = page.getByRole('columnheader', { name: /^Name( [▲▼])?$/ });
  await nameHeader.click();
  if ((await nameHeader.getAttribute('aria-sort')) !== 'ascending') await nameHeader.click();
  await page.locator('.tr[data-name="pod-00000"]').waitFor({ timeout: 30_000 });

  const scroll = await page.evaluate(scrollInPage, 20);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => round(((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20, 1);
  const heapMB = await heap();
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGcMB = await heap();

  await page.evaluate(() => (document.querySelector('[data-testid="table-body"]')!.scrollTop = 0));
  await page.locator('.tr[data-name="pod-00000"]').waitFor({ timeout: 30_000 });
  const patcher = mergePatcher(kubeconfig);
  const bg = backgroundPatches(patcher);
  const lat = await createToRow(page, client);
  const { patched, seconds } = await bg.stop();
  patcher.close();
  const long = scroll.longTasks.filter((d) => d > 50);
  const frames = scroll.frames.slice(1);
  const result = {
    bench: 'ui-50k',
    pods: PODS,
    seedS: round(seedS, 1),
    firstRowsColdMs: round(opens[0]!, 0),
    firstRowsWarmMs: round(median(opens.slice(1)), 0),
    scroll: {
      screens: 20,
      frameP50Ms: round(percentile(frames, 50), 1),
      frameP95Ms: round(percentile(frames, 95), 1),
      fpsP50: round(1000 / percentile(frames, 50), 0),
      longTasks: long.length,
      longTaskMaxMs: round(Math.max(0, ...long), 0),
    },
    rendererHeapMB: heapMB,
    rendererHeapAfterGcMB: heapAfterGcMB,
    createToRow: { n: lat.length, p50Ms: round(percentile(lat, 50), 0), p95Ms: round(percentile(lat, 95), 0), backgroundPatchesPerS: round(patched / seconds, 0) },
    engineRssMB: rssMB(),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (e) {
  log(app.output().slice(-3000));
  throw e;
} finally {
  client?.close();
  await browser.close().catch(() => undefined);
  await app.stop();
}
