// The deploy form: every DeployForm field as an input, its problem (formProblems) under it.
// Lists (command, ports, env) are edited as text, one entry a line, and parsed on each change.
import type { ReactNode } from 'react';
import type { DeployForm, ExposeAs, WorkloadKind } from '../../shared/deploy/templates';

type Problems = Partial<Record<keyof DeployForm, string>>;

export const commandText = (f: DeployForm): string => f.command.join('\n');
export const portsText = (f: DeployForm): string => f.ports.join(', ');
export const envText = (f: DeployForm): string => f.env.map((e) => `${e.name}=${e.value}`).join('\n');

export const parseCommand = (t: string): string[] => t.split('\n').filter((l) => l.trim() !== '');
export const parsePorts = (t: string): number[] => t.split(/[\s,]+/).filter(Boolean).map(Number);
export const parseEnv = (t: string): DeployForm['env'] =>
  t.split('\n').filter((l) => l.trim()).map((l) => {
    const i = l.indexOf('=');
    return i < 0 ? { name: l.trim(), value: '' } : { name: l.slice(0, i).trim(), value: l.slice(i + 1) };
  });

function Row({ label, id, error, children }: { label: string; id: string; error?: string; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <div className="field-error" role="alert">{error}</div> : null}
    </>
  );
}

export interface TextFields {
  command: string;
  ports: string;
  env: string;
}

export function FormFields({ form, text, problems, onForm, onText }: { form: DeployForm; text: TextFields; problems: Problems; onForm(f: DeployForm): void; onText(t: TextFields): void }) {
  const set = <K extends keyof DeployForm>(k: K, v: DeployForm[K]) => onForm({ ...form, [k]: v });
  const res = (k: keyof DeployForm['resources'], v: string) => set('resources', { ...form.resources, [k]: v });
  return (
    <div className="deploy-form">
      <Row label="Kind" id="d-kind">
        <select id="d-kind" value={form.kind} onChange={(e) => set('kind', e.target.value as WorkloadKind)}>
          <option>Deployment</option>
          <option>StatefulSet</option>
          <option>CronJob</option>
        </select>
      </Row>
      <Row label="Name" id="d-name" error={problems.name}>
        <input id="d-name" value={form.name} onChange={(e) => set('name', e.target.value)} />
      </Row>
      <Row label="Namespace" id="d-ns" error={problems.namespace}>
        <input id="d-ns" value={form.namespace} onChange={(e) => set('namespace', e.target.value)} />
      </Row>
      <Row label="Image" id="d-image" error={problems.image}>
        <input id="d-image" value={form.image} onChange={(e) => set('image', e.target.value)} placeholder="python:3.12-alpine" />
      </Row>
      <Row label="Command (one argument a line)" id="d-cmd">
        <textarea id="d-cmd" rows={3} value={text.command} onChange={(e) => onText({ ...text, command: e.target.value })} placeholder="(the image's own entrypoint)" />
      </Row>
      {form.kind === 'CronJob' ? (
        <Row label="Schedule" id="d-sched" error={problems.schedule}>
          <input id="d-sched" value={form.schedule} onChange={(e) => set('schedule', e.target.value)} />
        </Row>
      ) : (
        <Row label="Replicas" id="d-rep" error={problems.replicas}>
          <input id="d-rep" type="number" min={0} value={form.replicas} onChange={(e) => set('replicas', Number(e.target.value))} />
        </Row>
      )}
      <Row label="Ports" id="d-ports" error={problems.ports}>
        <input id="d-ports" value={text.ports} onChange={(e) => onText({ ...text, ports: e.target.value })} placeholder="8080, 9090" />
      </Row>
      <Row label="Env (NAME=value a line)" id="d-env" error={problems.env}>
        <textarea id="d-env" rows={2} value={text.env} onChange={(e) => onText({ ...text, env: e.target.value })} />
      </Row>
      <Row label="Requests cpu / mem" id="d-req">
        <div className="res">
          <input id="d-req" aria-label="CPU request" value={form.resources.cpuRequest} onChange={(e) => res('cpuRequest', e.target.value)} placeholder="50m" />
          <input aria-label="Memory request" value={form.resources.memoryRequest} onChange={(e) => res('memoryRequest', e.target.value)} placeholder="64Mi" />
        </div>
      </Row>
      <Row label="Limits cpu / mem" id="d-lim">
        <div className="res">
          <input id="d-lim" aria-label="CPU limit" value={form.resources.cpuLimit} onChange={(e) => res('cpuLimit', e.target.value)} placeholder="none" />
          <input aria-label="Memory limit" value={form.resources.memoryLimit} onChange={(e) => res('memoryLimit', e.target.value)} placeholder="none" />
        </div>
      </Row>
      {form.kind === 'StatefulSet' ? (
        <Row label="Volume size / path" id="d-vol">
          <div className="res">
            <input id="d-vol" aria-label="Volume size" value={form.storage.size} onChange={(e) => set('storage', { ...form.storage, size: e.target.value })} />
            <input aria-label="Mount path" value={form.storage.mountPath} onChange={(e) => set('storage', { ...form.storage, mountPath: e.target.value })} />
          </div>
        </Row>
      ) : null}
      {form.kind !== 'CronJob' ? (
        <Row label="Expose as" id="d-expose" error={problems.expose}>
          <select id="d-expose" value={form.expose} onChange={(e) => set('expose', e.target.value as ExposeAs)}>
            <option value="none">no Service</option>
            <option>ClusterIP</option>
            <option>NodePort</option>
            <option>LoadBalancer</option>
          </select>
        </Row>
      ) : null}
      <Row label="Readiness" id="d-ready" error={problems.httpReadiness}>
        <label>
          <input id="d-ready" type="checkbox" checked={form.httpReadiness} onChange={(e) => set('httpReadiness', e.target.checked)} style={{ width: 'auto' }} /> HTTP GET / on the first port
        </label>
      </Row>
    </div>
  );
}
