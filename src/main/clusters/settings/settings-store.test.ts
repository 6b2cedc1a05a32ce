import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore } from './settings-store';

test('added kubeconfigs are kept in a JSON file, written without leftovers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-settings-'));
  const path = join(dir, 'config', 'clusters.json');
  const store = new SettingsStore(path);
  assert.deepEqual(store.read(), { addedKubeconfigs: [] });
  store.update((s) => ({ ...s, addedKubeconfigs: [...s.addedKubeconfigs, '/a'] }));
  store.update((s) => ({ ...s, addedKubeconfigs: [...s.addedKubeconfigs, '/b'] }));
  assert.deepEqual(new SettingsStore(path).read(), { addedKubeconfigs: ['/a', '/b'] });
  assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { addedKubeconfigs: ['/a', '/b'] });
  assert.deepEqual(readdirSync(join(dir, 'config')), ['clusters.json']);
});

test('a damaged settings file starts clean instead of stopping the app', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-settings-'));
  writeFileSync(join(dir, 'clusters.json'), '{ not json');
  assert.deepEqual(new SettingsStore(join(dir, 'clusters.json')).read(), { addedKubeconfigs: [] });
});
