import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { silentLogger } from '../logger';
import { SettingsStore } from '../settings/settings-store';
import { KubeconfigSource } from './source';

const config = (context: string, server = 'https://x:6443') =>
  stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: `${context}-cluster`, cluster: { server } }],
    users: [{ name: `${context}-user`, user: { token: 't' } }],
    contexts: [{ name: context, context: { cluster: `${context}-cluster`, user: `${context}-user` } }],
    'current-context': context,
  });

function setup() {
  const home = mkdtempSync(join(tmpdir(), 'wh-source-'));
  const settings = new SettingsStore(join(home, 'config', 'clusters.json'));
  const open = (env: { KUBECONFIG?: string } = {}) => new KubeconfigSource({ env, home, settings, logger: silentLogger, debounceMs: 30 });
  return { home, settings, open };
}

const changed = (source: KubeconfigSource, until: () => boolean, ms = 5000) =>
  new Promise<void>((resolve, reject) => {
    if (until()) return resolve();
    const timer = setTimeout(() => (sub.dispose(), reject(new Error('no change seen'))), ms);
    const sub = source.onDidChange(() => {
      if (!until()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });

test('without KUBECONFIG, ~/.kube/config is read', () => {
  const { home, open } = setup();
  mkdirSync(join(home, '.kube'));
  writeFileSync(join(home, '.kube', 'config'), config('kind-dev'));
  const source = open();
  assert.deepEqual(source.contexts().map((c) => c.id), [`${join(home, '.kube', 'config')}#kind-dev`]);
  assert.deepEqual(source.sources(), [{ path: join(home, '.kube', 'config'), origin: 'default' }]);
  assert.equal(source.currentContext(), 'kind-dev');
  source.dispose();
});

test('a broken file is reported with its line and never hides the other files', () => {
  const { home, open } = setup();
  const good = join(home, 'good.yaml');
  const bad = join(home, 'bad.yaml');
  writeFileSync(good, config('good'));
  writeFileSync(bad, 'apiVersion: v1\nkind: Config\ncontexts:\n  - name: x\n   context: {}\n');
  const source = open({ KUBECONFIG: `${bad}:${good}` });
  assert.deepEqual(source.contexts().map((c) => c.name), ['good']);
  const [problem] = source.problems();
  assert.equal(problem!.file, bad);
  assert.equal(problem!.line, 5);
  assert.match(source.sources()[0]!.error!, /bad\.yaml line 5: /);
  source.dispose();
});

test('an added folder brings every kubeconfig in it, and a new file appears live', async () => {
  const { home, open, settings } = setup();
  const folder = join(home, 'configs');
  mkdirSync(folder);
  writeFileSync(join(folder, 'one.yaml'), config('one'));
  writeFileSync(join(folder, 'README.md'), '# not a kubeconfig\n');
  const source = open({ KUBECONFIG: join(home, 'none') });
  source.add(folder);
  assert.deepEqual(settings.read().addedKubeconfigs, [folder]);
  assert.deepEqual(source.contexts().map((c) => c.name), ['one']);
  assert.equal(source.contexts()[0]!.id, `${join(folder, 'one.yaml')}#one`);

  writeFileSync(join(folder, 'two.yaml'), config('two'));
  await changed(source, () => source.contexts().some((c) => c.name === 'two'));

  writeFileSync(join(folder, 'one.yaml'), config('one-renamed'));
  await changed(source, () => source.contexts().some((c) => c.name === 'one-renamed'));

  rmSync(join(folder, 'two.yaml'));
  await changed(source, () => !source.contexts().some((c) => c.name === 'two'));

  source.remove(folder);
  assert.deepEqual(source.contexts(), []);
  source.dispose();
});

test('added files survive a restart and come after the kubectl files', () => {
  const { home, open } = setup();
  const main = join(home, 'main.yaml');
  const extra = join(home, 'extra.yaml');
  writeFileSync(main, config('dev'));
  writeFileSync(extra, config('dev', 'https://other:6443'));
  open({ KUBECONFIG: main }).add(extra);
  const source = open({ KUBECONFIG: main });
  assert.deepEqual(
    source.contexts().map((c) => [c.id, c.cluster?.server]),
    [
      [`${main}#dev`, 'https://x:6443'],
      [`${extra}#dev`, 'https://other:6443'],
    ],
  );
  assert.deepEqual(source.sources().map((s) => s.origin), ['KUBECONFIG', 'added']);
  source.dispose();
});

test('editing a watched file to break it keeps the others and says what is wrong', async () => {
  const { home, open } = setup();
  const a = join(home, 'a.yaml');
  const b = join(home, 'b.yaml');
  writeFileSync(a, config('a'));
  writeFileSync(b, config('b'));
  const source = open({ KUBECONFIG: `${a}:${b}` });
  writeFileSync(b, 'contexts: [\n');
  await changed(source, () => source.problems().length === 1);
  assert.deepEqual(source.contexts().map((c) => c.name), ['a']);
  assert.equal(source.problems()[0]!.file, b);
  source.dispose();
});

test('a ~/.kube/config created after start appears without a restart', async () => {
  const { home, open } = setup();
  const source = open();
  assert.deepEqual(source.contexts(), []);
  mkdirSync(join(home, '.kube'));
  await new Promise((r) => setTimeout(r, 100));
  writeFileSync(join(home, '.kube', 'config'), config('first'));
  await changed(source, () => source.contexts().some((c) => c.name === 'first'));
  source.dispose();
});
