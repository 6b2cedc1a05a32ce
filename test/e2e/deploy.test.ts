// Click-to-deploy, the overview and the live events, as a user drives them: the overview is the
// first view of a cluster; the web-server template deployed from the Deploy dialog reaches all
// pods Ready in the rollout panel; a deploy whose container has no command says why it cannot
// run; the events view shows what happened. Real `wheelhouse serve`, built-in cluster whose local
// node runs pods as host processes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SHOTS, skipReason, startApp, type RunningApp } from './harness';
import { apiFor, type Api } from './seed';

const T = 20_000;
const NS = 'deploy-e2e';
let app: RunningApp;
let api: Api;
let page: Page;

const dialog = () => page.getByRole('dialog');

async function openDeploy(template: string, namespace = NS) {
  await page.getByRole('button', { name: 'Deploy', exact: true }).click();
  await dialog().getByRole('radio', { name: new RegExp(`^${template}`) }).click();
  await dialog().getByLabel('Namespace', { exact: true }).fill(namespace);
}

describe('Deploy, overview and events in the app', { skip: skipReason }, () => {
  before(async () => {
    app = await startApp();
    page = app.page;
    page.setDefaultTimeout(T);
    api = apiFor(app.kubeconfig);
    await api.core.createNamespace({ body: { metadata: { name: NS } } });
  });
  after(async () => {
    if (app) writeFileSync(join(SHOTS, 'deploy-serve.log'), app.logs());
    await app?.stop();
  });

  test('the overview is the first view: nodes with capacity and requests, pods by phase', async () => {
    const ov = page.getByTestId('overview');
    await ov.locator('.ov-card[data-node]').first().waitFor();
    assert.match((await ov.locator('.ov-card[data-node]').first().textContent()) ?? '', /Ready.*CPU: requested .* of .*Memory: requested/);
    await ov.getByTestId('pod-phases').locator('[data-phase="Running"]').waitFor({ timeout: 30_000 });
    await app.shot('deploy-01-overview');
  });

  test('deploys the web-server template from the dialog and sees its pods Ready', async () => {
    await openDeploy('Web server');
    // the YAML preview follows the form
    await dialog().getByLabel('Replicas').fill('2');
    await page.waitForFunction(() => document.querySelector('.deploy-preview .code-editor')?.shadowRoot?.textContent?.includes('python3'));
    await dialog().getByRole('button', { name: 'Dry run' }).click();
    await dialog().getByTestId('deploy-results').filter({ hasText: /dry run/i }).waitFor();
    await app.shot('deploy-02-dialog');
    const clicked = Date.now();
    await dialog().getByRole('button', { name: 'Deploy', exact: true }).click();
    const panel = dialog().getByTestId('rollout');
    await panel.waitFor();
    await app.shot('deploy-03-rolling-out');
    await dialog().locator('[data-testid="rollout"][data-done="true"]').waitFor({ timeout: 90_000 });
    const seconds = (Date.now() - clicked) / 1000;
    assert.match((await panel.getByTestId('rollout-summary').textContent()) ?? '', /2 of 2 Ready/);
    assert.equal(await panel.locator('tr[data-ready="true"]').count(), 2);
    await app.shot('deploy-04-ready');
    console.log(`deploy-to-ready in the UI: ${seconds.toFixed(1)} s`);
    await dialog().getByRole('button', { name: 'Close' }).last().click();
  });

  test('a deploy whose container has no command says why it cannot run (into a namespace it creates)', async () => {
    await openDeploy('Blank form', `${NS}-new`);
    await dialog().getByLabel('Name', { exact: true }).fill('nocmd');
    await dialog().getByLabel('Image', { exact: true }).fill('busybox:1.36');
    await page.waitForFunction(() => document.querySelector('.deploy-preview .code-editor')?.shadowRoot?.textContent?.includes('kind: Namespace'));
    await dialog().getByRole('button', { name: 'Deploy', exact: true }).click();
    const problem = dialog().locator('tr[data-pod^="nocmd-"] td.problem');
    await problem.waitFor({ timeout: 60_000 });
    assert.match((await dialog().locator('p.muted').first().textContent()) ?? '', /namespace\/deploy-e2e-new created/);
    assert.match((await problem.textContent()) ?? '', /container nocmd: CreateContainerError: .*command/i);
    assert.match((await dialog().getByTestId('rollout-summary').textContent()) ?? '', /0 of 1 Ready; 1 pod needs attention/);
    await app.shot('deploy-05-no-command');
    await dialog().getByRole('button', { name: 'Close' }).last().click();
  });

  test('the events view streams what happened, filters it, and opens the object', async () => {
    await page.locator('.side-item', { hasText: 'Events (live)' }).click();
    const view = page.getByTestId('events-view');
    await view.locator('.ev-row[data-reason="Scheduled"]').first().waitFor();
    await view.getByLabel('Filter events').fill('nocmd');
    await view.locator('.ev-row[data-reason]').first().waitFor();
    const reasons = await view.locator('.ev-row[data-reason]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reason')));
    assert.ok(reasons.length > 0);
    await app.shot('deploy-06-events');
    await view.locator('.ev-row[data-reason] button.link', { hasText: /^Pod\/nocmd-/ }).first().click();
    await page.locator('.drawer .drawer-title', { hasText: 'nocmd-' }).waitFor();
    await app.shot('deploy-07-event-object');
  });
});
