// The objects a DeployForm stands for: the workload, and a Service when it is exposed. Labels
// follow the recommended app.kubernetes.io set so the app (and kubectl -l) can find them again.
import type { DeployForm } from './templates';

type Obj = Record<string, any>;

const labelsOf = (f: DeployForm): Record<string, string> => ({ 'app.kubernetes.io/name': f.name, 'app.kubernetes.io/managed-by': 'wheelhouse' });

const resourcesOf = (f: DeployForm): Obj | undefined => {
  const pick = (entries: [string, string][]): Obj | undefined => {
    const kept = entries.filter(([, v]) => v.trim() !== '');
    return kept.length ? Object.fromEntries(kept.map(([k, v]) => [k, v.trim()])) : undefined;
  };
  const requests = pick([['cpu', f.resources.cpuRequest], ['memory', f.resources.memoryRequest]]);
  const limits = pick([['cpu', f.resources.cpuLimit], ['memory', f.resources.memoryLimit]]);
  return requests || limits ? { ...(requests && { requests }), ...(limits && { limits }) } : undefined;
};

function containerOf(f: DeployForm): Obj {
  const c: Obj = { name: f.name, image: f.image.trim() };
  if (f.command.length) c.command = f.command;
  if (f.ports.length) c.ports = f.ports.map((p) => ({ containerPort: p }));
  if (f.env.length) c.env = f.env.map((e) => ({ name: e.name, value: e.value }));
  const resources = resourcesOf(f);
  if (resources) c.resources = resources;
  if (f.httpReadiness && f.ports.length) c.readinessProbe = { httpGet: { path: '/', port: f.ports[0] }, periodSeconds: 2 };
  if (f.kind === 'StatefulSet') c.volumeMounts = [{ name: 'data', mountPath: f.storage.mountPath }];
  return c;
}

const podTemplate = (f: DeployForm, restartPolicy?: string): Obj => ({
  metadata: { labels: labelsOf(f) },
  spec: { ...(restartPolicy && { restartPolicy }), containers: [containerOf(f)] },
});

function workloadOf(f: DeployForm): Obj {
  const metadata = { name: f.name, namespace: f.namespace, labels: labelsOf(f) };
  const selector = { matchLabels: labelsOf(f) };
  if (f.kind === 'CronJob') {
    return { apiVersion: 'batch/v1', kind: 'CronJob', metadata, spec: { schedule: f.schedule.trim(), jobTemplate: { spec: { backoffLimit: 2, template: podTemplate(f, 'OnFailure') } } } };
  }
  if (f.kind === 'StatefulSet') {
    return {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata,
      spec: {
        serviceName: f.name,
        replicas: f.replicas,
        selector,
        template: podTemplate(f),
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: f.storage.size } } } }],
      },
    };
  }
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec: { replicas: f.replicas, selector, template: podTemplate(f) } };
}

function serviceOf(f: DeployForm): Obj | undefined {
  // a StatefulSet's serviceName needs a Service; headless when the user did not ask for one
  const headless = f.kind === 'StatefulSet' && f.expose === 'none';
  if ((f.expose === 'none' && !headless) || f.kind === 'CronJob') return undefined;
  const ports = f.ports.length ? f.ports : headless ? [] : [80];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: f.name, namespace: f.namespace, labels: labelsOf(f) },
    spec: {
      ...(headless ? { clusterIP: 'None' } : { type: f.expose }),
      selector: labelsOf(f),
      // the first port is served on 80, as a web Service is expected to be; where pods share the host
      // network (macOS, Windows) it also keeps the proxy's listener off the pods' own port
      ports: ports.map((p, i) => ({ name: `p${p}`, port: headless || i > 0 ? p : 80, targetPort: p })),
    },
  };
}

/** the objects to apply, workload first */
export function manifestObjects(f: DeployForm): Obj[] {
  const svc = serviceOf(f);
  return svc ? [workloadOf(f), svc] : [workloadOf(f)];
}
