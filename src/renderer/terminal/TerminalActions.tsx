// The drawer's terminal row: Shell (with a container picker) and Forward for a pod's container
// ports, Forward for a Service's ports, and Node shell on the built-in cluster's local node.
import { useState } from 'react';
import type { ObjectRef, ResourceKind } from '../../shared/bridge/types';
import { useTerminalDock } from './dock-context';

interface Props {
  clusterId: string;
  kind: ResourceKind;
  target: ObjectRef;
  object?: Record<string, unknown>;
}

interface PortChoice {
  label: string;
  port: number | string;
}

type Obj = { spec?: { containers?: { name: string; ports?: { name?: string; containerPort: number; protocol?: string }[] }[]; ports?: { name?: string; port: number; protocol?: string }[] }; metadata?: { labels?: Record<string, string> } };

export function TerminalActions({ clusterId, kind, target, object }: Props) {
  const dock = useTerminalDock();
  const obj = (object ?? {}) as Obj;
  const containers = obj.spec?.containers?.map((c) => c.name) ?? [];
  const [container, setContainer] = useState<string>();
  if (!dock || kind.group !== '' || !object) return null;
  const chosen = container ?? containers[0];
  if (kind.kind === 'Pod') {
    const ports: PortChoice[] = (obj.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => ({ label: `${p.containerPort}${p.name ? ` (${p.name})` : ''}`, port: p.containerPort })));
    return (
      <div className="term-actions">
        <button onClick={() => dock.openTerminal({ kind: 'pod', clusterId, namespace: target.namespace ?? 'default', pod: target.name, container: chosen })}>Shell</button>
        {containers.length > 1 ? (
          <select aria-label="Container" value={chosen} onChange={(e) => setContainer(e.target.value)}>
            {containers.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        ) : null}
        <ForwardButtons ports={ports} onPick={(port) => dock.startForward({ clusterId, namespace: target.namespace ?? 'default', target: { kind: 'pod', name: target.name }, port })} />
      </div>
    );
  }
  if (kind.kind === 'Service') {
    const ports: PortChoice[] = (obj.spec?.ports ?? []).filter((p) => (p.protocol ?? 'TCP') === 'TCP').map((p) => ({ label: `${p.port}${p.name ? ` (${p.name})` : ''}`, port: p.port }));
    return (
      <div className="term-actions">
        <ForwardButtons ports={ports} onPick={(port) => dock.startForward({ clusterId, namespace: target.namespace ?? 'default', target: { kind: 'service', name: target.name }, port })} />
      </div>
    );
  }
  if (kind.kind === 'Node' && dock.isBuiltIn(clusterId) && obj.metadata?.labels?.['wheelhouse.dev/simulated'] !== 'true') {
    return (
      <div className="term-actions">
        <button onClick={() => dock.openTerminal({ kind: 'node', clusterId, node: target.name })} title="A login shell on this machine: the built-in cluster's local node is this computer">
          Node shell
        </button>
      </div>
    );
  }
  return null;
}

function ForwardButtons({ ports, onPick }: { ports: PortChoice[]; onPick(port: number | string): void }) {
  if (!ports.length) return <span className="muted">No TCP ports declared to forward.</span>;
  return (
    <>
      <span className="muted">Forward port:</span>
      {ports.map((p) => (
        <button key={String(p.port)} onClick={() => onPick(p.port)} aria-label={`Forward port ${p.port}`}>
          {p.label}
        </button>
      ))}
    </>
  );
}
