import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDefinitions, writeDefinitions } from '../../../../../scripts/gen-schemas.mjs';
import { DEFINITIONS_FILE, loadDefinitions } from './definitions';

test('the build output and the in-process fallback are the same definitions', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wh-defs-'));
  try {
    writeDefinitions(process.cwd(), join(dir, DEFINITIONS_FILE));
    const fromFile = loadDefinitions(dir);
    const generated = generateDefinitions().definitions;
    assert.deepEqual(Object.keys(fromFile).sort(), Object.keys(generated).sort());
    // the official list metadata is attached on load
    assert.equal(fromFile['io.k8s.api.core.v1.Container'].properties.env['x-kubernetes-patch-merge-key'], 'name');
    assert.equal(generated['io.k8s.api.core.v1.Container'].properties.env['x-kubernetes-patch-merge-key'], undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('definitions are named upstream-style, with descriptions and Quantity/IntOrString kept apart from string', () => {
  const defs = generateDefinitions().definitions;
  const rs = defs['io.k8s.api.core.v1.ResourceRequirements'];
  assert.deepEqual(rs.properties.limits.additionalProperties, { $ref: '#/definitions/io.k8s.apimachinery.pkg.api.resource.Quantity' });
  const rolling = defs['io.k8s.api.apps.v1.RollingUpdateDeployment'];
  assert.equal(rolling.properties.maxSurge.$ref, '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
  assert.deepEqual(defs['io.k8s.api.autoscaling.v1.Scale']['x-kubernetes-group-version-kind'], [{ group: 'autoscaling', kind: 'Scale', version: 'v1' }]);
  assert.deepEqual(defs['io.k8s.api.apps.v1.DeploymentList']['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'DeploymentList', version: 'v1' }]);
  assert.match(defs['io.k8s.api.core.v1.Container'].properties.ports.description, /default "0\.0\.0\.0" address/);
  assert.equal(defs['io.k8s.api.core.v1.PodSpec'].properties.containers.items.$ref, '#/definitions/io.k8s.api.core.v1.Container');
});
