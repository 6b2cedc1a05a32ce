// Click-to-deploy: what a user fills in, and the templates that fill it for them. Every template
// names a real image AND a command that the image and the built-in cluster's process runtime both
// have (sh, python3), so it runs on a laptop out of the box and on a real cluster unchanged.
export type ExposeAs = 'none' | 'ClusterIP' | 'NodePort' | 'LoadBalancer';
export type WorkloadKind = 'Deployment' | 'StatefulSet' | 'CronJob';

export interface DeployForm {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  image: string;
  /** the program and its arguments, one entry each: never joined into a shell line */
  command: string[];
  replicas: number;
  ports: number[];
  env: { name: string; value: string }[];
  resources: { cpuRequest: string; memoryRequest: string; cpuLimit: string; memoryLimit: string };
  expose: ExposeAs;
  /** CronJob only */
  schedule: string;
  /** StatefulSet only: a volume per replica */
  storage: { size: string; mountPath: string };
  /** an HTTP readiness probe on the first port's "/" */
  httpReadiness: boolean;
}

export interface DeployTemplate {
  id: string;
  title: string;
  description: string;
  form: DeployForm;
}

const base: Omit<DeployForm, 'kind' | 'name' | 'image' | 'command'> = {
  namespace: 'default',
  replicas: 1,
  ports: [],
  env: [],
  resources: { cpuRequest: '50m', memoryRequest: '64Mi', cpuLimit: '', memoryLimit: '256Mi' },
  expose: 'none',
  schedule: '*/1 * * * *',
  storage: { size: '1Gi', mountPath: '/data' },
  httpReadiness: false,
};

export const TEMPLATES: DeployTemplate[] = [
  {
    id: 'web',
    title: 'Web server',
    description: 'Two replicas of an HTTP server on port 8080, behind a Service, Ready when it answers.',
    form: { ...base, kind: 'Deployment', name: 'web', image: 'python:3.12-alpine', command: ['python3', '-m', 'http.server', '8080'], replicas: 2, ports: [8080], expose: 'NodePort', httpReadiness: true },
  },
  {
    id: 'worker',
    title: 'Background worker',
    description: 'A process that works in a loop and logs what it does. No Service.',
    form: { ...base, kind: 'Deployment', name: 'worker', image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo "worked on job $RANDOM at $(date)"; sleep 5; done'] },
  },
  {
    id: 'cronjob',
    title: 'CronJob',
    description: 'A job every minute that prints the date and exits.',
    form: { ...base, kind: 'CronJob', name: 'hello', image: 'busybox:1.36', command: ['sh', '-c', 'date; echo hello from the CronJob'] },
  },
  {
    id: 'statefulset',
    title: 'StatefulSet with storage',
    description: 'Each replica keeps its own volume; it appends a line at every start and shows the history.',
    form: {
      ...base,
      kind: 'StatefulSet',
      name: 'store',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'echo "started $(hostname) at $(date)" >> /data/history.log; cat /data/history.log; while true; do sleep 3600; done'],
      replicas: 2,
    },
  },
];

export const emptyForm = (): DeployForm => ({ ...base, kind: 'Deployment', name: '', image: '', command: [] });

/** what is wrong with the form, per field, in words (empty when it can be deployed) */
export function formProblems(f: DeployForm): Partial<Record<keyof DeployForm, string>> {
  const out: Partial<Record<keyof DeployForm, string>> = {};
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(f.name) || f.name.length > 52) out.name = 'lower case letters, digits and "-", starting and ending with a letter or digit, at most 52 characters';
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(f.namespace)) out.namespace = 'a namespace name: lower case letters, digits and "-"';
  if (!f.image.trim()) out.image = 'an image is required, e.g. python:3.12-alpine';
  if (!Number.isInteger(f.replicas) || f.replicas < 0 || f.replicas > 1000) out.replicas = 'a whole number from 0 to 1000';
  if (f.ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) out.ports = 'ports are numbers from 1 to 65535';
  if (f.expose !== 'none' && f.ports.length === 0 && f.kind !== 'CronJob') out.expose = 'a Service needs at least one port';
  if (f.env.some((e) => !/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(e.name))) out.env = 'variable names: letters, digits, "_", "-" and ".", not starting with a digit';
  if (f.kind === 'CronJob' && f.schedule.trim().split(/\s+/).length !== 5) out.schedule = 'five fields: minute hour day-of-month month day-of-week, e.g. */5 * * * *';
  if (f.httpReadiness && f.ports.length === 0) out.httpReadiness = 'an HTTP readiness check needs a port';
  return out;
}
