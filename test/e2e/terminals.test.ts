// Terminals and port-forwards in the app, as a user drives them: a shell in a pod (echo $HOSTNAME
// shows the pod's name), a port-forward started from the pod's drawer and fetched through, a local
// terminal whose kubectl hits the built-in cluster, and a session that drops when its pod goes.
// Real `wheelhouse serve`, built-in cluster, the pod on its process runtime.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SHOTS, skipReason, startApp, until, type RunningApp } from './harness';
import { apiFor, type Api } from './seed';

const T = 20_000;
const NS = 'term-e2e';
const POD = 'web-shell';
// other clusters on a shared machine may run their pods in the host network: a fixed port collides
const PORT = 20_000 + Math.floor(Math.random() * 10_000);
let app: RunningApp;
let api: Api;
let page: Page;


const openKind = (label: string) => page.locator('.side-item', { hasText: new RegExp(`^${label}$`) }).click();
const screenText = (term: Locator) => term.locator('.xterm-rows').innerText();

/** types a line into the terminal and waits until the screen shows `expect` */
async function run(term: Locator, line: string, expect: RegExp): Promise<string> {
  await term.click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  return until(`${expect} on the terminal`, async () => {
    const text = await screenText(term);
    return expect.test(text) ? text : undefined;
  }, T);
}

async function openPodDrawer(): Promise<Locator> {
  await openKind('Pods');
  await page.locator(`.tr[data-name="${POD}"]`).dblclick();
  const drawer = page.locator('.drawer');
  await drawer.getByRole('button', { name: 'Shell' }).waitFor();
  return drawer;
}

describe('Terminals and port-forwards in the app', { skip: skipReason }, () => {
  before(async () => {
    app = await startApp();
    page = app.page;
    page.setDefaultTimeout(T);
    api = apiFor(app.kubeconfig);
    await api.core.createNamespace({ body: { metadata: { name: NS } } });
    await api.core.createNamespacedPod({
      namespace: NS,
      body: {
        metadata: { name: POD, labels: { app: 'web-shell' } },
        spec: { containers: [{ name: 'web', image: 'python:3.11', command: ['/usr/bin/python3', '-m', 'http.server', String(PORT)], ports: [{ name: 'http', containerPort: PORT }] }] },
      },
    });
    await until('the pod to run', async () => ((await api.core.readNamespacedPod({ namespace: NS, name: POD })).status?.phase === 'Running' ? true : undefined), 60_000);
  });
  after(async () => {
    if (app) writeFileSync(join(SHOTS, 'terminals-serve.log'), app.logs());
    await app?.stop();
  });

  test('a pod shell from its drawer: echo $HOSTNAME shows the pod name', async () => {
    const drawer = await openPodDrawer();
    await drawer.getByRole('button', { name: 'Shell' }).click();
    const dock = page.locator('.dock');
    await dock.getByRole('tab', { name: POD }).waitFor();
    const term = dock.locator(`[data-testid="terminal"][data-state="open"]`).first();
    await term.waitFor();
    const text = await run(term, 'echo "host=$HOSTNAME"', new RegExp(`host=${POD}`));
    assert.match(text, new RegExp(`host=${POD}`));
    await app.shot('terminals-pod-shell');
    // the dock survives switching views
    await openKind('Services');
    await dock.getByRole('tab', { name: POD }).waitFor();
    assert.match(await screenText(term), new RegExp(`host=${POD}`));
  });

  test('copy with Ctrl+Shift+C and paste with Ctrl+Shift+V', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const dock = page.locator('.dock');
    await dock.getByRole('tab', { name: POD }).click();
    const term = dock.locator('.dock-pane:not([hidden]) [data-testid="terminal"]');
    const line = term.locator('.xterm-rows > div', { hasText: new RegExp(`^host=${POD}`) }).first();
    const box = (await line.boundingBox())!;
    await page.mouse.dblclick(box.x + 20, box.y + box.height / 2);
    await page.keyboard.press('Control+Shift+C');
    const copied = await until('the selection on the clipboard', async () => {
      const text = await page.evaluate(() => navigator.clipboard.readText());
      return text.includes(POD) ? text : undefined;
    }, T);
    assert.equal(copied, `host=${POD}`);
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((6*7))'));
    await term.click();
    await page.keyboard.press('Control+Shift+V');
    await page.keyboard.press('Enter');
    await until('the pasted command to run', async () => ((await screenText(term)).includes('pasted-42') ? true : undefined), T);
  });

  test("a port-forward from the pod's port is listed and carries HTTP", async () => {
    const drawer = await openPodDrawer();
    await drawer.getByRole('button', { name: `Forward port ${PORT}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Local port').fill('');
    await dialog.getByRole('button', { name: 'Start' }).click();
    const row = page.getByTestId('port-forward').filter({ hasText: `pod/${POD}:${PORT}` });
    await row.waitFor();
    await until('the forward to be active', async () => ((await row.textContent())?.includes('active') ? true : undefined), T);
    const local = /127\.0\.0\.1:(\d+)/.exec((await row.textContent()) ?? '')?.[1];
    assert.ok(local, 'the local port is shown');
    const res = await fetch(`http://127.0.0.1:${local}/`);
    assert.equal(res.status, 200);
    assert.match(await res.text(), /Directory listing/);
    await app.shot('terminals-port-forward');
  });

  test('a local terminal: kubectl get ns hits the cluster shown', async () => {
    await page.getByRole('button', { name: 'Terminal', exact: true }).click();
    const dock = page.locator('.dock');
    const tab = dock.getByRole('tab', { name: /^local/ });
    await tab.waitFor();
    const term = dock.locator('.dock-pane:not([hidden]) [data-testid="terminal"][data-state="open"]');
    await term.waitFor();
    const text = await run(term, 'kubectl get ns', new RegExp(`${NS}\\s+Active`));
    assert.match(text, /default\s+Active/);
    // the dock's top edge drags to make it taller
    const before = (await dock.boundingBox())!;
    const handle = (await dock.getByRole('separator', { name: 'Resize the dock' }).boundingBox())!;
    await page.mouse.move(handle.x + 200, handle.y + 3);
    await page.mouse.down();
    await page.mouse.move(handle.x + 200, handle.y - 120, { steps: 5 });
    await page.mouse.up();
    const after = (await dock.boundingBox())!;
    assert.ok(after.height > before.height + 100, `the dock grew from ${before.height} to ${after.height}`);
    await app.shot('terminals-local-kubectl');
  });

  test('a shell that exits says so and offers Reconnect, which starts a new session', async () => {
    const dock = page.locator('.dock');
    await dock.getByRole('tab', { name: POD }).click();
    const pane = dock.locator('.dock-pane:not([hidden])');
    await pane.locator('[data-testid="terminal"]').click();
    await page.keyboard.type('exit 3');
    await page.keyboard.press('Enter');
    const banner = pane.locator('.term-banner');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /Session ended: exited with code 3/);
    await app.shot('terminals-session-ended');
    await banner.getByRole('button', { name: 'Reconnect' }).click();
    const term = pane.locator('[data-testid="terminal"][data-state="open"]');
    await term.waitFor();
    await run(term, 'echo "again=$HOSTNAME"', new RegExp(`again=${POD}`));
  });
});
