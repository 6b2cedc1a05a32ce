import { test } from 'node:test';
import assert from 'node:assert/strict';
import { manifestObjects } from './manifest';
import { TEMPLATES, emptyForm, formProblems } from './templates';

const template = (id: string) => structuredClone(TEMPLATES.find((t) => t.id === id)!.form);

test('the web template is a Deployment with a readiness check and a NodePort Service on its port', () => {
  const [deploy, svc] = manifestObjects(template('web'));
  assert.equal(deploy.kind, 'Deployment');
  assert.equal(deploy.spec.replicas, 2);
  const c = deploy.spec.template.spec.containers[0];
  assert.deepEqual(c.command, ['python3', '-m', 'http.server', '8080']);
  assert.deepEqual(c.readinessProbe.httpGet, { path: '/', port: 8080 });
  assert.deepEqual(deploy.spec.selector.matchLabels, deploy.spec.template.metadata.labels);
  assert.equal(svc.spec.type, 'NodePort');
  assert.deepEqual(svc.spec.ports, [{ name: 'p8080', port: 80, targetPort: 8080 }]);
  assert.deepEqual(svc.spec.selector, deploy.spec.selector.matchLabels);
});

test('a CronJob restarts on failure and has no Service; a StatefulSet gets claims and a headless Service', () => {
  const cron = manifestObjects(template('cronjob'));
  assert.equal(cron.length, 1);
  assert.equal(cron[0].spec.schedule, '*/1 * * * *');
  assert.equal(cron[0].spec.jobTemplate.spec.template.spec.restartPolicy, 'OnFailure');
  const [sts, svc] = manifestObjects(template('statefulset'));
  assert.equal(sts.spec.volumeClaimTemplates[0].spec.resources.requests.storage, '1Gi');
  assert.deepEqual(sts.spec.template.spec.containers[0].volumeMounts, [{ name: 'data', mountPath: '/data' }]);
  assert.equal(svc.spec.clusterIP, 'None');
  assert.equal(sts.spec.serviceName, svc.metadata.name);
});

test('empty resource fields are left out rather than sent as empty quantities', () => {
  const f = { ...template('worker'), resources: { cpuRequest: '', memoryRequest: '', cpuLimit: '', memoryLimit: '' } };
  assert.equal(manifestObjects(f)[0].spec.template.spec.containers[0].resources, undefined);
});

test('the form says what is wrong, field by field', () => {
  const problems = formProblems({ ...emptyForm(), name: 'Bad_Name', expose: 'NodePort', ports: [70000] });
  assert.match(problems.name!, /lower case/);
  assert.match(problems.image!, /image is required/);
  assert.match(problems.ports!, /1 to 65535/);
  assert.deepEqual(formProblems(template('web')), {});
});
