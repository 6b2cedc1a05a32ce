// Figure: the logs view following a pod that prints RATE lines/s (default 5,000), as a user sees it.
// Real `wheelhouse serve` (web mode, its built-in cluster on the process runtime); the pod is a Node
// process writing coloured access-log lines; the page is the Debian Chromium (playwright-core). For
// SECONDS the page records rAF frame intervals and long tasks while following; then it scrolls up
// through everything it holds. Also: lines/s that reached the view, and the renderer's JS heap.
// Then a pod that prints MILLION lines (default 1,000,000) at once: time until the view holds them
// all (Tail: all), scrolling at that size, a search over all of it, and the heap.
// Run: node --import tsx bench/log-view.ts   (RATE=… SECONDS=… MILLION=…)
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { BenchClient, percentile, ROOT, round } from './lib/cluster';
import { startServe } from './lib/serve';

const RATE = Number(process.env.RATE ?? 5000);
const SECONDS = Number(process.env.SECONDS ?? 15);
const MILLION = Number(process.env.MILLION ?? 1_000_000);
const NS = 'default';
const log = (s: string) => process.stderr.write(`${s}\n`);

// writes as many lines as are due every 10 ms, so the rate holds even when timers run late
const WRITER = `const rate=${RATE};const t0=Date.now();let n=0;setInterval(()=>{const due=Math.floor((Date.now()-t0)*rate/1000);let s='';for(;n<due;n++)s+='\\x1b[32mINFO\\x1b[0m '+new Date().toISOString()+' GET /api/items/'+(n%977)+' 200 '+(n%113)+'ms req='+n+'\\n';if(s)process.stdout.write(s);},10);`;

// as fast as the pipe takes them, then idle. Short lines ("#123456"): the kubelet keeps 5 × 10 MiB
// of a container's log (kubelet's containerLogMaxSize/MaxFiles), so a million long lines would not
// all be there to read
const BURST = `let n=0;const total=${MILLION};function w(){while(n<total){let s='';for(let k=0;k<1000&&n<total;k++,n++)s+='#'+n+'\\n';if(!process.stdout.write(s))return process.stdout.once('drain',w);}setInterval(()=>{},1e6);}w();`;

const app = await startServe('wh-logview-');

async function running(client: BenchClient, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const r = await client.send('GET', `/api/v1/namespaces/${NS}/pods/${name}`);
    if ((JSON.parse(r.body) as { status?: { phase?: string } })?.status?.phase === "Running") return;
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`pod ${name} never ran`);
}

/** in the page: frame intervals and long tasks for `seconds`, and the line count before and after */
function watchFrames(seconds: number) {
  return new Promise<{ frames: number[]; longTasks: number[]; lines: [number, number] }>((done) => {
    const count = () => Number((document.querySelector('[data-testid="log-line-count"]')?.textContent ?? '0').replace(/\D/g, ''));
    const longTasks: number[] = [];
    const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
    obs.observe({ entryTypes: ['longtask'] });
    const frames: number[] = [];
    const first = count();
    let last = performance.now();
    const end = last + seconds * 1000;
    const tick = (t: number) => {
      frames.push(t - last);
      last = t;
      if (t < end) requestAnimationFrame(tick);
      else {
        obs.disconnect();
        done({ frames, longTasks, lines: [first, count()] });
      }
    };
    requestAnimationFrame((t) => ((last = t), requestAnimationFrame(tick)));
  });
}

/** in the page: scrolls the log up one screen every 50 ms for `screens` screens */
function scrollUp(screens: number) {
  return new Promise<{ frames: number[]; longTasks: number[] }>((done) => {
    const body = document.querySelector('.log-tab:not([hidden]) [data-testid="log-body"]') as HTMLElement;
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
      body.scrollTop -= body.clientHeight;
      if (++step >= screens) {
        clearInterval(timer);
        setTimeout(() => ((running = false), obs.disconnect(), done({ frames, longTasks })), 500);
      }
    }, 50);
  });
}

const summary = (r: { frames: number[]; longTasks: number[] }) => {
  const frames = r.frames.slice(1);
  const long = r.longTasks.filter((d) => d > 50);
  return { frameP50Ms: round(percentile(frames, 50), 1), frameP95Ms: round(percentile(frames, 95), 1), frameP99Ms: round(percentile(frames, 99), 1), frameMaxMs: round(Math.max(...frames), 0), longTasks: long.length, longTaskMaxMs: round(Math.max(0, ...long), 0) };
};

async function openPodLogs(page: Page, pod: string): Promise<void> {
  await page.locator('.side-item', { hasText: /^Pods$/ }).click();
  await page.locator(`.tr[data-name="${pod}"]`).dblclick();
  await page.locator('.drawer').getByRole('button', { name: 'Logs', exact: true }).click();
  await page.locator('.log-dock .log-row', { hasText: 'GET /api/items' }).first().waitFor({ timeout: 30_000 });
}

/** the MILLION pod: open its logs with Tail all, wait for every line, then scroll and search */
async function million(page: Page, client: BenchClient) {
  const pod = { metadata: { name: 'million', namespace: NS }, spec: { containers: [{ name: 'app', image: 'node', command: [process.execPath, '-e', BURST] }] } };
  await client.send('POST', `/api/v1/namespaces/${NS}/pods`, pod);
  await running(client, 'million');
  // let the pod finish writing, so the figure is the view's loading and not the pod's writing
  await new Promise((r) => setTimeout(r, 3000));
  await page.locator('.log-dock').getByRole('button', { name: 'Close all logs' }).click();
  const t0 = Date.now();
  await page.locator(`.tr[data-name="million"]`).dblclick();
  await page.locator('.drawer').getByRole('button', { name: 'Logs', exact: true }).click();
  await page.locator('.log-dock').getByLabel('Tail').selectOption({ label: 'all' });
  const held = () => page.getByTestId('log-line-count').first().textContent().then((t) => Number((t ?? '0').replace(/\D/g, '')));
  for (let last = -1, since = Date.now(); ; ) {
    const n = await held();
    if (n >= MILLION) break;
    if (n !== last) [last, since] = [n, Date.now()];
    else if (Date.now() - since > 30_000) {
      await page.screenshot({ path: join(ROOT, 'test-results', 'bench-log-view-stuck.png') }).catch(() => undefined);
      throw new Error(`the view stopped at ${n} of ${MILLION} lines`);
    }
    if (n % 100_000 < 5000) log(`million: ${n} lines after ${round((Date.now() - t0) / 1000, 1)} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const loadS = (Date.now() - t0) / 1000;
  await page.locator('.log-dock').getByRole('button', { name: 'Pause' }).click().catch(() => undefined);
  const scroll = await page.evaluate(scrollUp, 40);
  const s0 = Date.now();
  await page.locator('.log-dock').getByLabel('Search logs').fill(`#${MILLION - 1}`);
  await page.getByTestId('log-match-count').filter({ hasText: /^1 match$/ }).waitFor({ timeout: 60_000 });
  const searchMs = Date.now() - s0;
  await page.locator('.log-dock').getByLabel('Search logs').press('Enter');
  await page.locator('.log-row mark.current').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(ROOT, 'test-results', 'bench-log-view-million.png') }).catch(() => undefined);
  return { lines: MILLION, loadS: round(loadS, 1), linesPerS: round(MILLION / loadS, 0), scrollUp40Screens: summary(scroll), searchAllMs: searchMs };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
let client: BenchClient | undefined;
try {
  const { url, kubeconfigPath: kubeconfig } = app;
  client = new BenchClient(kubeconfig);
  const pod = { metadata: { name: 'chatty', namespace: NS }, spec: { containers: [{ name: 'app', image: 'node', command: [process.execPath, '-e', WRITER] }] } };
  const created = await client.send('POST', `/api/v1/namespaces/${NS}/pods`, pod);
  if (created.status !== 201) throw new Error(`create pod: ${created.status} ${created.body}`);
  await running(client, 'chatty');
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  await page.goto(url);
  await openPodLogs(page, 'chatty');
  await new Promise((r) => setTimeout(r, 2000)); // past the first tail and the first layout
  const follow = await page.evaluate(watchFrames, SECONDS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapMB = round(((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20, 1);
  await page.locator('.log-dock').getByRole('button', { name: 'Pause' }).click();
  const scroll = await page.evaluate(scrollUp, 40);
  await page.screenshot({ path: join(ROOT, 'test-results', 'bench-log-view.png') }).catch(() => undefined);
  const result = {
    bench: 'log-view',
    rate: RATE,
    seconds: SECONDS,
    linesPerSInView: round((follow.lines[1] - follow.lines[0]) / SECONDS, 0),
    linesHeld: follow.lines[1],
    follow: summary(follow),
    scrollUp40Screens: summary(scroll),
    rendererHeapMB: heapMB,
  };
  if (MILLION > 0) {
    const m = await million(page, client);
    const heap = round(((await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20, 1);
    Object.assign(result, { million: { ...m, rendererHeapMB: heap } });
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (e) {
  log(app.output().slice(-3000));
  throw e;
} finally {
  client?.close();
  await browser.close().catch(() => undefined);
  await app.stop();
}
