// The app as a user drives it: `wheelhouse serve` with the built-in cluster, in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHOTS, skipReason, startApp, type RunningApp } from './harness';
import { apiFor, cronJob, eventually, readOnlyToken, seed, someNode, type Api } from './seed';

const T = 15_000;
let app: RunningApp;
let api: Api;
let page: Page;

const pickerButton = () => page.locator('.cluster-picker .picker-button');
const row = (name: string) => page.locator(`.tr[data-name="${name}"]`);
const openKind = (label: string) => page.locator('.side-item', { hasText: new RegExp(`^${label}$`) }).click();

async function pickCluster(name: string) {
  await pickerButton().click();
  await page.locator('.cluster-item', { has: page.locator('.cluster-name', { hasText: new RegExp(`^${name}$`) }) }).click();
  await page.locator('.cluster-picker .picker-button .cluster-name', { hasText: new RegExp(`^${name}$`) }).waitFor({ timeout: T });
}

async function chooseNamespaces(list: string[]) {
  await page.locator('.ns-select .picker-button').click();
  await page.locator('.ns-dropdown .check-row', { hasText: 'All namespaces' }).locator('input').check();
  for (const ns of list) await page.locator('.ns-dropdown .check-row', { hasText: new RegExp(`^\\s*${ns}$`) }).locator('input').check();
  await page.keyboard.press('Escape');
}

describe('Wheelhouse in a browser', { skip: skipReason }, () => {
  before(async () => {
    // browsing and actions on seeded objects (nginx pods, 400 rows): a simulated local node runs them
    app = await startApp({ localRuntime: 'simulated' });
    page = app.page;
    page.setDefaultTimeout(T);
    api = apiFor(app.kubeconfig);
    await seed(api);
  });
  after(async () => {
    // the engine's output and the page's errors, for whoever reads a failure
    if (app) writeFileSync(join(SHOTS, 'serve.log'), app.logs());
    await app?.stop();
  });

  test('lists contexts from both kubeconfig files and switches between them', async () => {
    await pickerButton().locator('.state-online').waitFor();
    await pickerButton().click();
    for (const name of ['team-a', 'team-b', 'ops', 'broken']) await page.locator('.cluster-item .cluster-name', { hasText: new RegExp(`^${name}$`) }).waitFor();
    const names = await page.locator('.cluster-item .cluster-name').allTextContents();
    assert.equal(names[0], 'Local cluster', 'the built-in cluster comes first');
    await app.shot('01-cluster-picker');
    await page.keyboard.press('Escape');

    await pickCluster('team-a');
    await pickerButton().locator('.state-online').waitFor();
    await page.getByTestId('ns-label').filter({ hasText: 'team-a' }).waitFor();
    await pickCluster('ops');
    await pickerButton().locator('.state-online').waitFor();
    await page.locator('.banner-warning', { hasText: /insecure|TLS|verif/i }).waitFor();
    await app.shot('01b-insecure-warning');
    await pickCluster('broken');
    await page.locator('.banner-error', { hasText: 'broken' }).waitFor({ timeout: 30_000 });
    await app.shot('02-offline-context');

    await page.keyboard.press('Control+k');
    await page.locator('.palette-input').fill('Local');
    await page.keyboard.press('Enter');
    await page.locator('.cluster-picker .picker-button .cluster-name', { hasText: 'Local cluster' }).waitFor();
    await pickerButton().locator('.state-online').waitFor();
  });

  test('browses deployments and filters them by text and label', async () => {
    await openKind('Deployments');
    await row('web').waitFor();
    await row('api').waitFor();
    await row('worker').waitFor();
    await app.shot('03-deployments');
    const firstName = () => page.locator('.tr .td-name').first().textContent();
    await page.getByRole('columnheader', { name: /^Name( [▲▼])?$/ }).click();
    await page.getByRole('columnheader', { name: /^Name( [▲▼])?$/ }).click();
    await page.locator('.th.sorted', { hasText: '▼' }).waitFor();
    assert.equal(await eventually(firstName, (n) => n === 'worker', 5000), 'worker', 'sorted by name, descending');
    await page.getByRole('columnheader', { name: /^Name( [▲▼])?$/ }).click();
    assert.equal(await eventually(firstName, (n) => n === 'api', 5000), 'api');

    await page.keyboard.press('/');
    await page.keyboard.type('web');
    await row('api').waitFor({ state: 'detached' });
    assert.equal(await row('web').count(), 1);
    await page.getByLabel('Filter', { exact: true }).fill('');
    await page.getByLabel('Label selector').fill('tier=backend');
    await row('web').waitFor({ state: 'detached' });
    await row('api').waitFor();
    await app.shot('04-label-filter');
    await page.getByLabel('Label selector').fill('');
    await chooseNamespaces(['team-a']);
    await row('worker').waitFor({ state: 'detached' });
    await row('web').waitFor();
  });

  test('shows details: conditions, labels, YAML and events', async () => {
    // keyboard: the last row (web, after api) opens with Enter
    await page.getByTestId('table-body').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    const drawer = page.locator('.drawer');
    await drawer.locator('.drawer-title', { hasText: 'web' }).waitFor();
    await drawer.locator('.chip', { hasText: 'tier' }).waitFor();
    await drawer.locator('table.conditions td', { hasText: /Available|Progressing/ }).first().waitFor({ timeout: 30_000 });
    await app.shot('05-details-overview');
    await drawer.getByRole('tab', { name: 'Events' }).click();
    await drawer.locator('table.events, p.muted', { hasText: /.+/ }).first().waitFor();
    await drawer.getByRole('tab', { name: 'YAML' }).click();
    await drawer.locator('.cm-content', { hasText: 'kind: Deployment' }).waitFor();
    await app.shot('06-details-yaml');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
  });

  test('creates a manifest: a validation error is shown at its line, then fixed and applied', async () => {
    await page.getByRole('button', { name: '+ Create' }).click();
    const editor = page.locator('.cm-content[aria-label="Manifest editor"]');
    await editor.click();
    await page.keyboard.press('Control+a');
    const manifest = (replicas: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: made-in-editor\n  namespace: team-a\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: made}\n  template:\n    metadata:\n      labels: {app: made}\n    spec:\n      containers:\n        - name: main\n          image: nginx:1.27\n`;
    await page.keyboard.insertText(manifest('-1'));
    await page.getByRole('button', { name: 'Apply' }).click();
    const results = page.getByTestId('editor-results');
    await results.locator('.issues li', { hasText: /replicas/ }).waitFor();
    await results.locator('.issues li', { hasText: 'line 7' }).waitFor();
    // the diagnostic sits on the replicas line (7) of the editor
    await page.locator('.cm-line').nth(6).locator('.cm-lintRange-error').waitFor();
    await app.shot('07-editor-invalid');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(manifest('2'));
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.locator('.results-ok').waitFor();
    await app.shot('08-editor-applied');
    await page.keyboard.press('Escape');
    await row('made-in-editor').waitFor();
    const made = await api.apps.readNamespacedDeployment({ name: 'made-in-editor', namespace: 'team-a' });
    assert.equal(made.spec?.replicas, 2);
  });

  test('opens several manifest files into one document and dry-runs them', async () => {
    await page.getByRole('button', { name: '+ Create' }).click();
    const file = (name: string, text: string) => ({ name, mimeType: 'text/yaml', buffer: Buffer.from(text) });
    await page.locator('input[type=file][multiple]').setInputFiles([
      file('a-config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file-a\n  namespace: team-a\ndata: {k: v}\n'),
      file('b-config.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-file-b\n  namespace: team-a\n'),
    ]);
    await page.locator('.cm-content[aria-label="Manifest editor"]', { hasText: 'from-file-b' }).waitFor();
    await page.getByRole('button', { name: 'Dry run' }).click();
    await page.locator('.results-ok .outcomes li', { hasText: 'from-file-b' }).waitFor();
    assert.equal(await page.locator('.results-ok .outcomes li').count(), 2);
    await app.shot('05b-editor-files-dry-run');
    await page.keyboard.press('Escape');
    await assert.rejects(api.core.readNamespacedConfigMap({ name: 'from-file-a', namespace: 'team-a' }), 'a dry run creates nothing');
  });

  test('scales a deployment', async () => {
    await row('web').dblclick();
    await page.locator('.drawer .action-bar').getByRole('button', { name: 'Scale' }).click();
    await page.getByLabel('Replicas').fill('3');
    await app.shot('09-scale-dialog');
    await page.locator('.modal').getByRole('button', { name: 'Scale' }).click();
    const web = await eventually(() => api.apps.readNamespacedDeployment({ name: 'web', namespace: 'team-a' }), (d) => d.spec?.replicas === 3);
    assert.equal(web.spec?.replicas, 3);
    await page.keyboard.press('Escape');
  });

  test('restarts a deployment, then rolls it back to the previous revision', async () => {
    const restartedAt = async () => (await api.apps.readNamespacedDeployment({ name: 'web', namespace: 'team-a' })).spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'];
    await row('web').dblclick();
    const bar = page.locator('.drawer .action-bar');
    await bar.getByRole('button', { name: 'Restart' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Restart' }).click();
    assert.ok(await eventually(restartedAt, (v) => !!v), 'the pod template was stamped');
    await bar.getByRole('button', { name: 'Roll back' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('#1').waitFor();
    await app.shot('10-rollback-dialog');
    await dialog.getByRole('button', { name: 'Roll back' }).click();
    assert.equal(await eventually(restartedAt, (v) => !v), undefined, 'the template before the restart is back');
    await page.keyboard.press('Escape');
  });

  test('triggers and suspends a CronJob', async () => {
    await api.batch.createNamespacedCronJob({ namespace: 'team-a', body: cronJob('nightly', 'team-a') });
    await openKind('CronJobs');
    await row('nightly').dblclick();
    const bar = page.locator('.drawer .action-bar');
    await bar.getByRole('button', { name: 'Trigger now' }).click();
    const jobs = await eventually(() => api.batch.listNamespacedJob({ namespace: 'team-a' }), (l) => l.items.some((j) => j.metadata?.ownerReferences?.[0]?.name === 'nightly'));
    assert.ok(jobs.items.some((j) => j.metadata?.ownerReferences?.[0]?.name === 'nightly'), 'a job owned by the CronJob exists');
    await bar.getByRole('button', { name: 'Suspend' }).click();
    const cj = await eventually(() => api.batch.readNamespacedCronJob({ name: 'nightly', namespace: 'team-a' }), (c) => c.spec?.suspend === true);
    assert.equal(cj.spec?.suspend, true);
    await bar.getByRole('button', { name: 'Resume' }).waitFor();
    await app.shot('11-cronjob-suspended');
    await page.keyboard.press('Escape');
    await openKind('Deployments');
  });

  test('deletes a deployment after a confirmation that names it', async () => {
    await row('api').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Deployment team-a/api', { exact: false }).first().waitFor();
    await app.shot('12-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await row('api').waitFor({ state: 'detached' });
    await assert.rejects(api.apps.readNamespacedDeployment({ name: 'api', namespace: 'team-a' }));
  });

  test('cordons a node', async () => {
    const node = await someNode(api);
    await openKind('Nodes');
    await row(node).dblclick();
    await page.locator('.drawer .action-bar').getByRole('button', { name: 'Cordon', exact: true }).click();
    const n = await eventually(() => api.core.readNode({ name: node }), (x) => x.spec?.unschedulable === true);
    assert.equal(n.spec?.unschedulable, true);
    await page.locator('.drawer .action-bar').getByRole('button', { name: 'Uncordon', exact: true }).waitFor();
    await app.shot('13-node-cordoned');
  });

  test('masks a Secret until Reveal is pressed', async () => {
    await api.core.createNamespacedSecret({ namespace: 'team-a', body: { metadata: { name: 'db-creds' }, stringData: { password: 's3cr3t-value' } } });
    const encoded = Buffer.from('s3cr3t-value').toString('base64');
    await openKind('Secrets');
    await row('db-creds').dblclick();
    const drawer = page.locator('.drawer');
    await drawer.getByRole('tab', { name: 'YAML' }).click();
    const yaml = drawer.locator('.cm-content');
    await yaml.filter({ hasText: 'password' }).waitFor();
    assert.doesNotMatch((await yaml.textContent()) ?? '', new RegExp(encoded));
    await drawer.getByRole('button', { name: 'Reveal' }).click();
    await yaml.filter({ hasText: encoded }).waitFor();
    await app.shot('14-secret-revealed');
    await page.keyboard.press('Escape');
  });

  test('a read-only user sees denied actions disabled, with the reason', async () => {
    app.addTokenContext('viewer', 'team-a', await readOnlyToken(api, 'team-a'));
    await pickerButton().click();
    await page.locator('.cluster-item .cluster-name', { hasText: /^viewer$/ }).waitFor();
    await page.keyboard.press('Escape');
    await pickCluster('viewer');
    await pickerButton().locator('.state-online').waitFor();
    await openKind('Deployments');
    await row('web').dblclick();
    const del = page.locator('.drawer .action-bar .action-wrap', { hasText: 'Delete' });
    await del.locator('button:disabled').waitFor();
    assert.match((await del.getAttribute('title')) ?? '', /Not allowed/);
    // reading the pods' logs is allowed to a viewer; every change is denied
    assert.deepEqual(await page.locator('.drawer .action-bar button:not(:disabled)').allTextContents(), ['Logs of all pods'], 'every change is denied');
    await app.shot('15-read-only-user');
  });

  test('a long list is virtualized: few rows in the page, small windows asked, the end reachable', async () => {
    const names = Array.from({ length: 400 }, (_, i) => `cm-${String(i).padStart(3, '0')}`);
    for (let i = 0; i < names.length; i += 50) {
      await Promise.all(names.slice(i, i + 50).map((name) => api.core.createNamespacedConfigMap({ namespace: 'team-b', body: { metadata: { name }, data: { k: 'v' } } })));
    }
    await pickCluster('Local cluster');
    await chooseNamespaces(['team-b']);
    await openKind('ConfigMaps');
    await row('cm-000').waitFor();
    assert.ok((await page.locator('.tr').count()) < 80, 'only the rows on screen are in the page');
    await page.getByTestId('table-body').focus();
    await page.keyboard.press('End');
    await row('cm-399').waitFor();
    await app.shot('16-long-list-end');
    assert.ok(Math.max(...app.windowsAsked) <= 200, `windows asked: ${app.windowsAsked.join(', ')}`);
  });

  test('says so when the engine goes away', async () => {
    await app.stopEngine();
    await page.locator('.banner-error', { hasText: 'Disconnected from the Wheelhouse engine' }).waitFor();
    await app.shot('17-engine-gone');
  });
});
