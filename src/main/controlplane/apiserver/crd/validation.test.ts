import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invalid } from '../../../../shared/k8s/status';
import { validateCustomResourceDefinition } from './validation';

const base = () => ({
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'widgets', kind: 'Widget' },
    versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object' } } } } }],
  },
});

describe('CRD validation', () => {
  it('accepts a well-formed CRD', () => {
    assert.deepEqual(validateCustomResourceDefinition(base()), []);
  });

  it('requires the name to be plural.group, in upstream words', () => {
    const crd = base();
    crd.metadata.name = 'widgets.wrong.com';
    const err = invalid('CustomResourceDefinition', 'apiextensions.k8s.io', crd.metadata.name, validateCustomResourceDefinition(crd));
    assert.equal(err.code, 422);
    assert.equal(
      err.message,
      'CustomResourceDefinition.apiextensions.k8s.io "widgets.wrong.com" is invalid: metadata.name: Invalid value: "widgets.wrong.com": must be spec.names.plural+"."+spec.group',
    );
  });

  it('requires a structural schema on every version', () => {
    const crd: any = base();
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec = { properties: { size: {} } };
    const fields = validateCustomResourceDefinition(crd).map((c) => c.field);
    assert.deepEqual(fields, ['spec.versions[0].schema.openAPIV3Schema.properties[spec].type', 'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[size].type']);
    delete crd.spec.versions[0].schema;
    assert.equal(validateCustomResourceDefinition(crd)[0].message, 'Required value: schemas are required');
  });

  it('needs exactly one storage version', () => {
    const crd: any = base();
    crd.spec.versions.push({ ...crd.spec.versions[0], name: 'v2' });
    assert.match(validateCustomResourceDefinition(crd)[0].message ?? '', /exactly one version marked as storage version/);
  });
});
