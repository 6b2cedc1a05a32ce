// kubectl create job --from=cronjob/x: a Job from the CronJob's template, marked as started by
// hand and owned by the CronJob (so it shows under it and is cleaned up with it).
import type { ObjectRef } from '../../../shared/bridge/types';
import type { KubeHttp } from '../cache/kube-http';
import { objectPath } from '../objects/object-service';

const suffix = (): string => Math.random().toString(36).slice(2, 7);

export const triggerCronJob = async (http: KubeHttp, clusterId: string, ref: ObjectRef): Promise<{ job: string }> => {
  const cj = await http.json(clusterId, { path: objectPath(ref) });
  const template = cj.spec?.jobTemplate ?? {};
  const name = `${cj.metadata.name.slice(0, 63 - 13)}-manual-${suffix()}`;
  const job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      labels: template.metadata?.labels,
      annotations: { ...(template.metadata?.annotations ?? {}), 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [{ apiVersion: cj.apiVersion ?? 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
    },
    spec: template.spec,
  };
  await http.request(clusterId, { method: 'POST', path: `/apis/batch/v1/namespaces/${encodeURIComponent(cj.metadata.namespace)}/jobs`, body: job });
  return { job: name };
};
