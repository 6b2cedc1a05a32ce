// Starts the real app headless (`wheelhouse serve`, which hosts the built-in cluster) and opens it
// in the Debian Chromium through playwright-core. KUBECONFIG names two generated files whose
// contexts point at the built-in cluster (its CA and token, different namespaces) plus one
// unreachable server, so switching between files, contexts and states can be tested for real.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { chromium, type Browser, type Page } from 'playwright-core';
import { acquireMachineLock, releaseMachineLock } from '../machine-lock';

export const CHROMIUM = '/usr/bin/chromium';
/** a reason to skip, or false when the browser is there */
export const skipReason: string | false = existsSync(CHROMIUM) ? false : `${CHROMIUM} is missing (apt-get install -y chromium); e2e tests skipped`;

const ROOT = resolve(import.meta.dirname, '..', '..');
export const SHOTS = join(ROOT, 'test-results', 'e2e');

export interface RunningApp {
  page: Page;
  /** the built-in cluster's admin kubeconfig (text) */
  kubeconfig: string;
  /** the two KUBECONFIG files */
  files: [string, string];
  /** adds a context for a bearer token to the first kubeconfig file (the app sees the file change) */
  addTokenContext(name: string, namespace: string, token: string): void;
  /** the window sizes the page asked for in view.subscribe / view.update, in order */
  windowsAsked: number[];
  /** stops the engine under the open page */
  stopEngine(): Promise<void>;
  shot(name: string): Promise<void>;
  logs(): string;
  stop(): Promise<void>;
}

interface Kubeconfig {
  clusters: { name: string; cluster: Record<string, unknown> }[];
  users: { name: string; user: Record<string, unknown> }[];
}

/** kubeconfig text with one context per [name, namespace], all on the given cluster and user */
function kubeconfigFor(local: Kubeconfig, contexts: [string, string][], server?: string, insecure = false): string {
  const { 'certificate-authority-data': ca, ...rest } = local.clusters[0].cluster;
  const cluster = { ...(insecure ? { ...rest, 'insecure-skip-tls-verify': true } : { ...rest, 'certificate-authority-data': ca }), ...(server ? { server } : {}) };
  // distinct names: the first file that defines a name wins the merge, as in kubectl
  const name = server ? 'unreachable' : insecure ? 'builtin-insecure' : 'builtin';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster }],
    users: [{ name: 'admin', user: local.users[0].user }],
    contexts: contexts.map(([context, namespace]) => ({ name: context, context: { cluster: name, user: 'admin', namespace } })),
    'current-context': contexts[0][0],
  });
}

function waitForLines(child: ChildProcess, patterns: RegExp[], timeoutMs: number, output: () => string): Promise<string[]> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`wheelhouse serve did not start in ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const check = () => {
      const found = patterns.map((p) => p.exec(output())?.[1]);
      if (found.every(Boolean)) {
        clearTimeout(timer);
        done(found as string[]);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => fail(new Error(`wheelhouse serve exited (${code}):\n${output()}`)));
  });
}

/** `localRuntime: 'simulated'` for scenarios that browse and act on objects without running them */
export async function startApp(options: { localRuntime?: 'process' | 'simulated' } = {}): Promise<RunningApp> {
  const simulated = options.localRuntime === 'simulated';
  const build = spawnSync(process.execPath, ['scripts/build-renderer.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`renderer build failed:\n${build.stderr}`);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'wh-e2e-'));
  const files: [string, string] = [join(dir, 'kube', 'teams.yaml'), join(dir, 'kube', 'ops.yaml')];
  mkdirSync(join(dir, 'kube'));
  // placeholders so both files exist (and are watched) from the start
  for (const f of files) writeFileSync(f, 'apiVersion: v1\nkind: Config\nclusters: []\nusers: []\ncontexts: []\n');
  let out = '';
  // the app's built-in cluster runs the process runtime: one such cluster on the machine at a time
  if (!simulated) await acquireMachineLock();
  const child = spawn(process.execPath, ['bin/wheelhouse.js', 'serve', '--port', '0', '--data-dir', join(dir, 'data'), ...(simulated ? ['--local-runtime', 'simulated'] : [])], {
    cwd: ROOT,
    env: { ...process.env, WHEELHOUSE_FROM_SOURCE: '1', KUBECONFIG: files.join(':'), WHEELHOUSE_CONFIG_DIR: join(dir, 'config'), HOME: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const [url, kubeconfigPath] = await waitForLines(child, [/open (http:\/\/\S+)/, /\(kubeconfig: (.+)\)/], 60_000, () => out);
  const kubeconfig = readFileSync(kubeconfigPath, 'utf8');
  const local = parse(kubeconfig) as Kubeconfig;
  writeFileSync(files[0], kubeconfigFor(local, [['team-a', 'team-a'], ['team-b', 'team-b']]));
  // ops skips TLS verification, which the app must warn about
  writeFileSync(files[1], kubeconfigFor(local, [['ops', 'default']], undefined, true));
  const broken = parse(kubeconfigFor(local, [['broken', 'default']], 'https://127.0.0.1:1'));
  const ops = parse(readFileSync(files[1], 'utf8'));
  ops.clusters.push(...broken.clusters);
  ops.contexts.push(...broken.contexts);
  writeFileSync(files[1], stringify(ops));

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on('pageerror', (e) => (out += `\n[page error] ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && (out += `\n[console] ${m.text()}`));
  const windowsAsked: number[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      // binary frames are terminal bytes, not requests
      if (typeof payload !== 'string') return;
      const m = JSON.parse(payload);
      const limit = m.params?.window?.limit ?? m.params?.spec?.window?.limit;
      if (typeof limit === 'number') windowsAsked.push(limit);
    }),
  );
  await page.goto(url);
  const stopEngine = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
  return {
    page,
    kubeconfig,
    files,
    addTokenContext: (name, namespace, token) => {
      const teams = parse(readFileSync(files[0], 'utf8'));
      teams.users.push({ name, user: { token } });
      teams.contexts.push({ name, context: { cluster: 'builtin', user: name, namespace } });
      writeFileSync(files[0], stringify(teams));
    },
    shot: async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`) });
    },
    windowsAsked,
    stopEngine,
    logs: () => out,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await stopEngine();
      if (!simulated) releaseMachineLock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** polls until `read` gives a value, or fails saying what it waited for */
export async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
