// The details panel: the full object (Secrets masked), its YAML, its events and its relatives.
import { stringify } from 'yaml';
import type { ObjectRef } from '../../../shared/bridge/types';
import { resourcePath, type KubeHttp } from '../cache/kube-http';
import { maskSecret } from './mask';

export const objectPath = (ref: ObjectRef): string => resourcePath(ref, ref.namespace, ref.name);

const timeOf = (e: any): string => e.lastTimestamp ?? e.eventTime ?? e.series?.lastObservedTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? '';

export class ObjectService {
  constructor(private readonly http: KubeHttp) {}

  async get(clusterId: string, ref: ObjectRef, reveal = false): Promise<Record<string, any>> {
    const obj = await this.http.json(clusterId, { path: objectPath(ref) });
    return reveal ? obj : maskSecret(obj);
  }

  /** as kubectl get -o yaml shows it: managedFields left out */
  async yaml(clusterId: string, ref: ObjectRef, reveal = false): Promise<string> {
    const obj = await this.get(clusterId, ref, reveal);
    if (obj.metadata?.managedFields) {
      const { managedFields: _drop, ...metadata } = obj.metadata;
      return stringify({ ...obj, metadata });
    }
    return stringify(obj);
  }

  /** events about this object, newest first */
  async events(clusterId: string, ref: ObjectRef): Promise<Record<string, any>[]> {
    const obj = await this.http.json(clusterId, { path: objectPath(ref) });
    const uid = obj.metadata?.uid;
    const path = resourcePath({ group: '', version: 'v1', plural: 'events' }, ref.namespace);
    let list: any;
    try {
      list = await this.http.json(clusterId, { path, query: { fieldSelector: `involvedObject.name=${ref.name}` } });
    } catch (err) {
      // a server without that field selector: filter here instead
      if ((err as { code?: unknown }).code !== 400) throw err;
      list = await this.http.json(clusterId, { path });
    }
    const about = (e: any): boolean => {
      const io = e.involvedObject ?? {};
      if (uid && io.uid) return io.uid === uid;
      return io.kind === obj.kind && io.name === ref.name && (io.namespace ?? '') === (ref.namespace ?? '');
    };
    return (list.items ?? []).filter(about).sort((a: any, b: any) => (timeOf(a) < timeOf(b) ? 1 : timeOf(a) > timeOf(b) ? -1 : 0));
  }
}
