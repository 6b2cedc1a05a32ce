// The field manager over the real schema service's Deployment, Service and Pod schemas, against
// managedFields as a real cluster writes them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { KubernetesSchemaService } from '../schema/service';
import { createFieldManager } from './fieldmanager';

const schemas = new KubernetesSchemaService({ resources: () => BUILTIN_RESOURCES });
const root = (kind: string) => {
  const r = BUILTIN_RESOURCES.find((x) => x.kind === kind);
  assert.ok(r, kind);
  return schemas.rootOf(r);
};
const fm = createFieldManager();
const now = '2026-01-01T00:00:00Z';

test('kubectl apply --server-side of a Deployment records what a real cluster records', () => {
  const applied = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', labels: { app: 'nginx' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }] },
      },
    },
  };
  const out = fm.apply({ live: undefined, applied, manager: 'kubectl', force: false, schema: root('Deployment'), apiVersion: 'apps/v1', now });
  assert.deepEqual(out.metadata.managedFields[0].fieldsV1, {
    'f:metadata': { 'f:labels': { 'f:app': {} } },
    'f:spec': {
      'f:replicas': {},
      'f:selector': {},
      'f:template': {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': {
          'f:containers': {
            'k:{"name":"nginx"}': {
              '.': {},
              'f:image': {},
              'f:name': {},
              'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } },
            },
          },
        },
      },
    },
  });
});

test('Service ports merge by port+protocol and a Pod spec keeps a second manager\'s container', () => {
  const svc = (ports: unknown[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports } });
  const a = fm.apply({ live: undefined, applied: svc([{ port: 80, name: 'http' }]), manager: 'a', force: false, schema: root('Service'), apiVersion: 'v1', now });
  const b = fm.apply({ live: a, applied: svc([{ port: 443, name: 'https' }]), manager: 'b', force: false, schema: root('Service'), apiVersion: 'v1', now });
  assert.deepEqual(b.spec.ports, [{ port: 80, name: 'http' }, { port: 443, name: 'https' }]);
  assert.deepEqual(Object.keys(b.metadata.managedFields[1].fieldsV1['f:spec']['f:ports']), ['k:{"port":443,"protocol":"TCP"}']);
});
