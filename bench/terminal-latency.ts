// Figure: terminal round-trip latency as a user feels it — keystroke → echo painted on screen — in
// the real app: `wheelhouse serve` (web mode, its built-in cluster), Debian Chromium via
// playwright-core. Two terminals: a pod shell (xterm → bridge binary frame → engine → exec over the
// API server and kubelet → the shell's tty echo → back) and the local terminal (node-pty).
// The page timestamps the trusted keydown and the first change of the terminal's rows (made in
// xterm's animation-frame render, painted in that frame); keys alternate "x" and Backspace so the line never grows. Run:
//   node --import tsx bench/terminal-latency.ts   (ROUNDS=…)
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { chromium, type Page } from 'playwright-core';
import { median, percentile, round } from './lib/cluster';
import { startServe } from './lib/serve';

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const log = (s: string) => process.stderr.write(`${s}\n`);

const app = await startServe('wh-term-bench-', { SHELL: '/bin/bash' });

/** in the page: timestamps keydown, and the first render of the visible terminal's rows after it */
function installProbe() {
  const w = window as unknown as { __lat: number[]; __t0?: number };
  w.__lat = [];
  document.addEventListener('keydown', () => (w.__t0 = performance.now()), true);
  const rows = document.querySelector('.dock-pane:not([hidden]) .xterm-rows')!;
  new MutationObserver(() => {
    const t0 = w.__t0;
    if (t0 === undefined) return;
    w.__t0 = undefined;
    // xterm's DOM renderer changes the rows inside its animation-frame callback; the browser paints
    // right after it, in the same frame
    w.__lat.push(performance.now() - t0);
  }).observe(rows, { subtree: true, childList: true, characterData: true });
}

async function measure(page: Page, name: string): Promise<Record<string, unknown>> {
  await page.locator('.dock-pane:not([hidden]) [data-testid="terminal"][data-state="open"]').waitFor({ timeout: 30_000 });
  await page.locator('.dock-pane:not([hidden]) [data-testid="terminal"]').click();
  await new Promise((r) => setTimeout(r, 1500)); // let the prompt settle
  await page.evaluate(installProbe);
  for (let i = 0; i < ROUNDS; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForFunction((n) => (window as unknown as { __lat: number[] }).__lat.length > n, i, { timeout: 10_000 });
  }
  const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
  const r = { figure: `terminal round trip, ${name}`, rounds: lat.length, p50_ms: round(median(lat), 1), p95_ms: round(percentile(lat, 95), 1), p99_ms: round(percentile(lat, 99), 1) };
  console.log(JSON.stringify(r));
  return r;
}

try {
  const { url, kubeconfigPath } = app;
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const core = kc.makeApiClient(CoreV1Api);
  await core.createNamespacedPod({ namespace: 'default', body: { metadata: { name: 'echo' }, spec: { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] } } });
  for (let i = 0; ; i++) {
    if ((await core.readNamespacedPod({ namespace: 'default', name: 'echo' })).status?.phase === 'Running') break;
    if (i > 600) throw new Error('pod echo did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  await page.goto(url);
  await page.locator('.side-item', { hasText: /^Pods$/ }).click();
  await page.locator('.tr[data-name="echo"]').dblclick();
  await page.locator('.drawer').getByRole('button', { name: 'Shell' }).click();
  log('pod shell…');
  await measure(page, 'pod shell (exec through API server + kubelet)');
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  log('local terminal…');
  await measure(page, 'local terminal (node-pty)');
  await browser.close();
} finally {
  await app.stop();
}
