// Asks for the local port (blank picks a free one), then starts the forward; a failure (no ready
// pod behind the Service, port taken) is shown in the dialog, worded by the engine.
import { useState } from 'react';
import type { PortForwardSpec } from '../../shared/bridge/methods-terminals';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import { Modal } from '../components/Modal';

export function StartForwardDialog({ spec, onClose, onStarted }: { spec: Omit<PortForwardSpec, 'localPort'>; onClose(): void; onStarted(): void }) {
  const client = useBridge();
  const [local, setLocal] = useState(typeof spec.port === 'number' && spec.port >= 1024 ? String(spec.port) : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const localPort = local.trim() === '' ? 0 : Number(local);
  const valid = Number.isInteger(localPort) && localPort >= 0 && localPort <= 65535;
  const start = () => {
    setBusy(true);
    setError(undefined);
    client.call('portForward.start', { ...spec, localPort }).then(onStarted, (e: unknown) => {
      setBusy(false);
      setError(toBridgeError(e).message);
    });
  };
  return (
    <Modal
      title={`Forward ${spec.target.kind}/${spec.target.name} port ${spec.port}`}
      onClose={onClose}
      footer={
        <>
          <button onClick={onClose}>Cancel</button>
          <button className="primary" disabled={!valid || busy} onClick={start}>
            {busy ? 'Starting…' : 'Start'}
          </button>
        </>
      }
    >
      <label className="field">
        Local port on 127.0.0.1 (blank: any free port)
        <input type="number" min={0} max={65535} value={local} onChange={(e) => setLocal(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && valid && !busy && start()} aria-label="Local port" />
      </label>
      {!valid ? <p className="error-text">A port is a whole number from 1 to 65535.</p> : null}
      {error ? <p className="error-text" role="alert">{error}</p> : null}
    </Modal>
  );
}
