// Golden cases: original, patch (as kubectl sends it), expected result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { KubernetesSchemaService } from '../schema/service';
import { applyStrategicMergePatch } from './strategic';

const schemas = new KubernetesSchemaService({ resources: () => BUILTIN_RESOURCES });
const kind = (k: string) => schemas.rootOf(BUILTIN_RESOURCES.find((r) => r.kind === k && r.group !== 'events.k8s.io')!)!;

const pod = (spec: object) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });

interface Case {
  name: string;
  kind: string;
  original: object;
  patch: object;
  want: object;
}

const cases: Case[] = [
  {
    name: 'containers merge by name; image changes, other containers stay',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] }),
    patch: { spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    want: pod({ containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }] }),
  },
  {
    name: 'env merges by name and a new variable is appended',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }] }),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '3' }, { name: 'Z', value: '4' }] }] } },
    want: pod({ containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '3' }, { name: 'Z', value: '4' }] }] }),
  },
  {
    name: 'ports merge by containerPort',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }] }] }),
    patch: { spec: { containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'web' }] }] } },
    want: pod({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 443 }] }] }),
  },
  {
    name: '$patch: delete removes one container',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } },
    want: pod({ containers: [{ name: 'b' }] }),
  },
  {
    name: '$patch: replace on a list replaces it whole',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a' }, { name: 'b' }] }),
    patch: { spec: { containers: [{ name: 'c' }, { $patch: 'replace' }] } },
    want: pod({ containers: [{ name: 'c' }] }),
  },
  {
    name: '$patch: replace on a map replaces it whole',
    kind: 'Pod',
    original: pod({ nodeSelector: { a: '1', b: '2' } }),
    patch: { spec: { nodeSelector: { c: '3', $patch: 'replace' } } },
    want: pod({ nodeSelector: { c: '3' } }),
  },
  {
    name: 'lists without a merge key (args, tolerations) are replaced',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a', args: ['x', 'y'] }], tolerations: [{ key: 'k' }] }),
    patch: { spec: { containers: [{ name: 'a', args: ['z'] }], tolerations: [{ key: 'q' }] } },
    want: pod({ containers: [{ name: 'a', args: ['z'] }], tolerations: [{ key: 'q' }] }),
  },
  {
    name: 'null deletes a field; labels merge',
    kind: 'Deployment',
    original: { metadata: { name: 'd', labels: { a: '1', b: '2' } }, spec: { replicas: 2, paused: true } },
    patch: { metadata: { labels: { b: null, c: '3' } }, spec: { paused: null, replicas: 5 } },
    want: { metadata: { name: 'd', labels: { a: '1', c: '3' } }, spec: { replicas: 5 } },
  },
  {
    name: 'finalizers merge as a set; $deleteFromPrimitiveList removes',
    kind: 'ConfigMap',
    original: { metadata: { name: 'c', finalizers: ['a', 'b'] } },
    patch: { metadata: { finalizers: ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] } },
    want: { metadata: { name: 'c', finalizers: ['a', 'c'] } },
  },
  {
    // kubectl apply: the strategy switched from RollingUpdate to Recreate, so rollingUpdate must go
    name: '$retainKeys drops the keys not retained (Deployment strategy)',
    kind: 'Deployment',
    original: { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } } },
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    want: { spec: { strategy: { type: 'Recreate' } } },
  },
  {
    name: 'volumes merge by name with $retainKeys on the element',
    kind: 'Pod',
    original: pod({ volumes: [{ name: 'v', emptyDir: {} }, { name: 'w', emptyDir: {} }] }),
    patch: { spec: { volumes: [{ name: 'v', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' } }] } },
    want: pod({ volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'w', emptyDir: {} }] }),
  },
  {
    // kubectl apply client-side: the full order of the applied list, patch only for what changed
    name: '$setElementOrder orders the merged containers',
    kind: 'Deployment',
    original: { spec: { template: { spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }] } } } },
    patch: {
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'c' }, { name: 'b' }, { name: 'a' }],
            containers: [{ name: 'c', image: 'c:1' }, { name: 'b', image: 'b:2' }],
          },
        },
      },
    },
    want: { spec: { template: { spec: { containers: [{ name: 'c', image: 'c:1' }, { name: 'b', image: 'b:2' }, { name: 'a', image: 'a:1' }] } } } },
  },
  {
    name: 'server-only elements keep their place under $setElementOrder',
    kind: 'Pod',
    original: pod({ containers: [{ name: 'a' }, { name: 'sidecar' }, { name: 'b' }] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'b', image: 'x' }] } },
    // upstream's mergeSortedSlice: a server-only element goes before a patched one that sat after it
    want: pod({ containers: [{ name: 'sidecar' }, { name: 'b', image: 'x' }, { name: 'a' }] }),
  },
  {
    name: 'service ports merge by port',
    kind: 'Service',
    original: { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }] } },
    patch: { spec: { ports: [{ port: 80, targetPort: 9090 }] } },
    want: { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443, targetPort: 8443 }] } },
  },
  {
    name: 'status conditions merge by type',
    kind: 'Pod',
    original: { status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'Initialized', status: 'True' }] } },
    patch: { status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    want: { status: { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Initialized', status: 'True' }] } },
  },
  {
    name: 'a PodDisruptionBudget selector (patchStrategy replace) is replaced, not merged',
    kind: 'PodDisruptionBudget',
    original: { spec: { minAvailable: 1, selector: { matchLabels: { app: 'a', tier: 'web' } } } },
    patch: { spec: { selector: { matchLabels: { app: 'b' } } } },
    want: { spec: { minAvailable: 1, selector: { matchLabels: { app: 'b' } } } },
  },
  {
    name: '$patch: delete on a map removes it',
    kind: 'Pod',
    original: pod({ affinity: { nodeAffinity: {} }, hostname: 'h' }),
    patch: { spec: { affinity: { $patch: 'delete' } } },
    want: pod({ hostname: 'h' }),
  },
];

for (const c of cases) {
  test(`strategic merge patch: ${c.name}`, () => {
    const original = structuredClone(c.original);
    const got = applyStrategicMergePatch(original as Record<string, unknown>, c.patch, kind(c.kind));
    assert.deepEqual(got, c.want);
    assert.deepEqual(original, c.original, 'the original is not modified');
  });
}

test('strategic merge patch without a schema merges maps and replaces lists', () => {
  const got = applyStrategicMergePatch({ a: { b: 1, c: [1, 2] } }, { a: { d: 2, c: [3] } }, undefined);
  assert.deepEqual(got, { a: { b: 1, d: 2, c: [3] } });
});

test('a merge-keyed element without its key is a bad request', () => {
  assert.throws(
    () => applyStrategicMergePatch(pod({ containers: [{ name: 'a' }] }), { spec: { containers: [{ image: 'x' }] } }, kind('Pod')),
    (err: any) => err.code === 400 && /does not contain declared merge key: name/.test(err.message),
  );
});
