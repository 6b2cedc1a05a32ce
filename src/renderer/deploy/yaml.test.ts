import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEMPLATES } from '../../shared/deploy/templates';
import { workloadIn, yamlOf } from './yaml';

const form = (id: string) => TEMPLATES.find((t) => t.id === id)!.form;

// golden: what the dialog shows for the web-server template, as a user reads it
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/managed-by: wheelhouse
spec:
  replicas: 2
  selector:
    matchLabels:
      app.kubernetes.io/name: web
      app.kubernetes.io/managed-by: wheelhouse
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web
        app.kubernetes.io/managed-by: wheelhouse
    spec:
      containers:
        - name: web
          image: python:3.12-alpine
          command:
            - python3
            - -m
            - http.server
            - "8080"
          ports:
            - containerPort: 8080
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 256Mi
          readinessProbe:
            httpGet:
              path: /
              port: 8080
            periodSeconds: 2
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
  labels:
    app.kubernetes.io/name: web
    app.kubernetes.io/managed-by: wheelhouse
spec:
  type: NodePort
  selector:
    app.kubernetes.io/name: web
    app.kubernetes.io/managed-by: wheelhouse
  ports:
    - name: p8080
      port: 80
      targetPort: 8080
`;

describe('deploy YAML', () => {
  it('renders the web-server template as the golden YAML', () => {
    assert.equal(yamlOf(form('web')), WEB);
  });
  it('creates the namespace first when the cluster does not have it', () => {
    const text = yamlOf({ ...form('worker'), namespace: 'fresh' }, true);
    assert.ok(text.startsWith('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: fresh\n---\napiVersion: apps/v1\nkind: Deployment\n'), text);
    assert.deepEqual(workloadIn(text, 'x'), { kind: 'Deployment', name: 'worker', namespace: 'fresh' });
  });
  it('finds the workload to follow, also after the user edited the YAML', () => {
    assert.deepEqual(workloadIn(WEB, 'x'), { kind: 'Deployment', name: 'web', namespace: 'default' });
    assert.deepEqual(workloadIn(yamlOf(form('cronjob')), 'x'), { kind: 'CronJob', name: 'hello', namespace: 'default' });
    const edited = yamlOf(form('statefulset')).replace('name: store\n  namespace: default', 'name: renamed');
    assert.deepEqual(workloadIn(edited, 'team-a'), { kind: 'StatefulSet', name: 'renamed', namespace: 'team-a' });
    assert.equal(workloadIn('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n', 'x'), undefined);
  });
});
