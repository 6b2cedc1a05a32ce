// The storage with the real schema service, kind strategy and field manager: what kubectl sees.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { StatusError } from '../../../../shared/k8s/status';
import { createFieldManager } from '../apply/fieldmanager';
import { createKindStrategy } from '../defaults/index';
import { BUILTIN_RESOURCES } from '../resources/builtins';
import { KubernetesSchemaService } from '../schema/service';
import { harness, pod, withNamespace, type Harness } from './testing';

describe('with the real schema, strategy and field manager', () => {
  let h: Harness;
  before(async () => {
    h = harness({
      schema: new KubernetesSchemaService({ resources: () => BUILTIN_RESOURCES }),
      strategy: createKindStrategy(),
      fieldManager: createFieldManager(),
    });
    await withNamespace(h);
  });
  after(() => h.close());

  it('defaults a pod and records its manager from the User-Agent', async () => {
    const res = await h.storage.create(h.req('pods', { ns: 'default' }), pod('web'));
    assert.equal(res.object.spec.restartPolicy, 'Always');
    assert.equal(res.object.metadata.managedFields[0].manager, 'kubectl');
    assert.equal(res.object.metadata.managedFields[0].operation, 'Update');
  });

  it('answers unknown fields per fieldValidation', async () => {
    const body = { ...pod('strict'), spec: { containers: [{ name: 'c', image: 'nginx' }], bogus: 1 } };
    await assert.rejects(h.storage.create(h.req('pods', { ns: 'default', query: { fieldValidation: 'Strict' } }), body), (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, 400);
      assert.match(err.message, /strict decoding error: unknown field "spec.bogus"/);
      return true;
    });
    const warned = await h.storage.create(h.req('pods', { ns: 'default' }), { ...body, metadata: { name: 'warned' } });
    assert.deepEqual(warned.warnings, ['unknown field "spec.bogus"']);
    assert.equal(warned.object.spec.bogus, undefined);
  });

  it('rejects invalid names with 422', async () => {
    await assert.rejects(h.storage.create(h.req('configmaps', { ns: 'default' }), { metadata: { name: 'Not_Valid' } }), (err: unknown) => err instanceof StatusError && err.code === 422);
  });

  it('server-side apply reports conflicts and force takes over', async () => {
    const cm = (query: Record<string, string>) => h.req('configmaps', { ns: 'default', name: 'shared', query });
    const body = (v: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'shared' }, data: { k: v } });
    await h.storage.patch(cm({ fieldManager: 'one' }), 'apply', body('1'));
    await assert.rejects(h.storage.patch(cm({ fieldManager: 'two' }), 'apply', body('2')), (err: unknown) => err instanceof StatusError && err.code === 409);
    const forced = await h.storage.patch(cm({ fieldManager: 'two', force: 'true' }), 'apply', body('2'));
    assert.equal(forced.object.data.k, '2');
  });

  it('strategic merge patches containers by name', async () => {
    await h.storage.create(h.req('pods', { ns: 'default' }), { ...pod('two'), spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } });
    const res = await h.storage.patch(h.req('pods', { ns: 'default', name: 'two' }), 'strategic', { spec: { containers: [{ name: 'b', image: 'z' }] } });
    assert.deepEqual(res.object.spec.containers.map((c: any) => `${c.name}=${c.image}`), ['a=x', 'b=z']);
  });
});
