// Logs in the app, as a user reads them: a pod's log following new lines, search, and the merged
// log of all pods of a Deployment, labelled by pod. Real `wheelhouse serve`, built-in cluster,
// pods that print lines on its process runtime.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, skipReason, startApp, until, type RunningApp } from './harness';
import { apiFor, type Api } from './seed';


const T = 20_000;
const NS = 'logs-e2e';
let app: RunningApp;
let api: Api;
let page: Page;
let noLogs: string | false = false;

// ANSI colours on purpose: the view must show them as colours, not as escape codes
const SCRIPT = 'i=0; while true; do printf "\\033[32mINFO\\033[0m hello from %s line %d\\n" "$HOSTNAME" $i; if [ $((i % 5)) -eq 0 ]; then printf "\\033[1;31mERROR\\033[0m something failed at %d\\n" $i; fi; i=$((i+1)); sleep 0.2; done';

const openKind = (label: string) => page.locator('.side-item', { hasText: new RegExp(`^${label}$`) }).click();
const lineCount = async () => Number(((await page.getByTestId('log-line-count').first().textContent()) ?? '0').replace(/\D/g, ''));

/** waits for a pod of the Deployment to be Running and its log to be served */
async function podLogs(): Promise<string | false> {
  const pods = await until('two running chatter pods', async () => {
    const list = await api.core.listNamespacedPod({ namespace: NS, labelSelector: 'app=chatter' });
    return list.items.filter((p) => p.status?.phase === 'Running').length >= 2 ? list.items : undefined;
  }, 60_000).catch(() => undefined);
  if (!pods) return 'the pods of the chatter Deployment never ran';
  try {
    const text = await api.core.readNamespacedPodLog({ namespace: NS, name: pods[0].metadata!.name! });
    return text.includes('hello from') ? false : `the log of ${pods[0].metadata!.name} is empty`;
  } catch (err) {
    return `the built-in cluster does not serve pod logs yet (${(err as Error).message.slice(0, 120)})`;
  }
}

describe('Logs in the app', { skip: skipReason }, () => {
  before(async () => {
    app = await startApp();
    page = app.page;
    page.setDefaultTimeout(T);
    api = apiFor(app.kubeconfig);
    await api.core.createNamespace({ body: { metadata: { name: NS } } });
    const template = { metadata: { labels: { app: 'chatter' } }, spec: { containers: [{ name: 'talk', image: 'busybox:1.36', command: ['sh', '-c', SCRIPT] }] } };
    await api.apps.createNamespacedDeployment({ namespace: NS, body: { metadata: { name: 'chatter' }, spec: { replicas: 2, selector: { matchLabels: { app: 'chatter' } }, template } } });
    noLogs = await podLogs();
  });
  after(async () => {
    if (app) writeFileSync(join(SHOTS, 'logs-serve.log'), app.logs());
    await app?.stop();
  });

  test("opens a pod's logs from its drawer; a log that cannot be read says why", async () => {
    await openKind('Pods');
    const row = page.locator('.tr[data-name^="chatter-"]').first();
    await row.dblclick();
    await page.locator('.drawer').getByRole('button', { name: 'Logs', exact: true }).click();
    const dock = page.locator('.log-dock');
    await dock.getByRole('tab', { name: /^chatter-/ }).waitFor();
    if (!noLogs) {
      // the pod never restarted: there is no previous instance, and the server says so
      await dock.getByRole('checkbox', { name: 'Previous' }).check();
    }
    const alert = dock.getByRole('alert');
    await alert.waitFor();
    assert.ok(((await alert.textContent()) ?? '').length > 10, 'the reason is shown');
    await app.shot('logs-00-error');
    if (!noLogs) await dock.getByRole('checkbox', { name: 'Previous' }).uncheck();
  });

  test("sees new lines of the pod's log arrive, in colour", async (ctx) => {
    if (noLogs) return ctx.skip(noLogs);
    const dock = page.locator('.log-dock');
    await dock.locator('.log-row', { hasText: 'hello from chatter-' }).first().waitFor();
    const before = await lineCount();
    await until('new lines', async () => ((await lineCount()) > before + 3 ? true : undefined), T);
    assert.ok(await dock.locator('.log-row span[style*="color"]', { hasText: 'INFO' }).count(), 'INFO shows in its colour');
    assert.equal(await dock.locator('.log-row', { hasText: '\u001b' }).count(), 0, 'no raw escape codes');
    await app.shot('logs-01-pod-following');
  });

  test('search highlights matches and steps through them; pause keeps buffering', async (ctx) => {
    if (noLogs) return ctx.skip(noLogs);
    const dock = page.locator('.log-dock');
    await dock.getByLabel('Search logs').fill('error');
    await dock.locator('.log-row mark').first().waitFor();
    assert.match((await page.getByTestId('log-match-count').first().textContent()) ?? '', /\d+ match(es)?$/);
    await dock.getByLabel('Search logs').press('Enter');
    await dock.locator('.log-row mark.current').waitFor();
    assert.match((await page.getByTestId('log-match-count').first().textContent()) ?? '', /^1 \/ \d+$/);
    // stepping to a match pauses following; lines keep coming in the background
    await dock.getByRole('button', { name: /Resume \(\d[\d,]* new lines\)/ }).waitFor();
    await app.shot('logs-02-search');
    await dock.getByRole('button', { name: /Resume/ }).click();
    await dock.getByRole('button', { name: 'Pause' }).waitFor();
    await dock.getByLabel('Search logs').fill('');
  });

  test('opens the merged logs of all pods of the Deployment, labelled by pod', async (ctx) => {
    if (noLogs) return ctx.skip(noLogs);
    await openKind('Deployments');
    await page.locator('.tr[data-name="chatter"]').dblclick();
    await page.locator('.drawer').getByRole('button', { name: 'Logs of all pods' }).click();
    const view = page.locator('.log-dock .log-tab:not([hidden])');
    await view.locator('.log-row .src').first().waitFor();
    const labels = await until('lines of two pods', async () => {
      const all = new Set(await view.locator('.log-row .src').allTextContents());
      return all.size >= 2 ? all : undefined;
    }, T);
    const pods = (await api.core.listNamespacedPod({ namespace: NS, labelSelector: 'app=chatter' })).items.map((p) => p.metadata!.name!);
    for (const l of labels) assert.ok(pods.includes(l), `label ${l} names a pod of the Deployment`);
    // each line says which pod wrote it; its label must agree
    // read in one go: rows are recycled as lines arrive, so row-by-row reads could mix two lines
    const rows = await view.locator('.log-row:has(.src)').evaluateAll((els) => els.map((e) => [e.querySelector('.src')?.textContent ?? '', e.textContent ?? '']));
    assert.ok(rows.length > 4);
    for (const [label, text] of rows) if (text.includes('hello from')) assert.ok(text.includes(`hello from ${label}`), `${text} labelled ${label}`);
    await app.shot('logs-03-workload-merged');
  });
});
