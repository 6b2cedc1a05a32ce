// Runs an action on an object: asks first when it is destructive or needs input, then calls the
// bridge, and reports what happened (or what went wrong, naming the object) as a notice.
import { useEffect, useState, type ReactNode } from 'react';
import type { ObjectRef, ResourceKind } from '../../shared/bridge/types';
import { useBridge } from '../bridge/context';
import { toBridgeError } from '../hooks/useCall';
import type { ActionDef } from './catalog';
import { ConfirmDialog, DeleteDialog, describeRef, RollbackDialog, ScaleDialog } from './dialogs';
import { openLogsOf } from '../logs/LogsButton';

export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

export interface ActionTarget {
  kind: ResourceKind;
  ref: ObjectRef;
  object?: Record<string, unknown>;
}

export function useActionRunner(clusterId: string, onEdit: (t: ActionTarget) => void, onDone: () => void) {
  const client = useBridge();
  const [dialog, setDialog] = useState<ReactNode>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const close = () => setDialog(null);
  useEffect(() => {
    // good news fades; a failure stays until dismissed
    if (notice?.tone !== 'info') return;
    const t = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(t);
  }, [notice]);

  const perform = async (label: string, what: string, call: () => Promise<unknown>) => {
    close();
    try {
      const result = await call();
      const extra = result && typeof result === 'object' && 'job' in result ? ` (job ${(result as { job: string }).job})` : '';
      const drained = result && typeof result === 'object' && 'errors' in result ? (result as { errors: string[] }).errors : [];
      setNotice(drained.length ? { tone: 'error', text: `${label} ${what}: ${drained.join('; ')}` } : { tone: 'info', text: `${label} ${what}: done${extra}` });
      onDone();
    } catch (err) {
      setNotice({ tone: 'error', text: `${label} ${what} failed: ${toBridgeError(err).message}` });
    }
  };

  const run = (action: ActionDef, { kind, ref, object }: ActionTarget) => {
    const what = describeRef(kind.kind, ref);
    const ask = (title: string, body: string, verb: string, call: () => Promise<unknown>) =>
      setDialog(<ConfirmDialog title={title} body={body} verb={verb} onCancel={close} onConfirm={() => perform(verb, what, call)} />);
    switch (action.id) {
      case 'logs':
        return openLogsOf(client, clusterId, kind, ref);
      case 'edit':
        return onEdit({ kind, ref, object });
      case 'delete':
        return setDialog(<DeleteDialog what={what} onCancel={close} onConfirm={(propagation) => perform('Delete', what, () => client.call('action.delete', { clusterId, ref, propagation }))} />);
      case 'scale': {
        const current = (object?.spec as { replicas?: number } | undefined)?.replicas;
        return setDialog(<ScaleDialog what={what} current={current} onCancel={close} onConfirm={(replicas) => perform('Scale', what, () => client.call('action.scale', { clusterId, ref, replicas }))} />);
      }
      case 'restart':
        return ask(`Restart ${what}?`, `Every pod of ${what} is replaced, a few at a time.`, 'Restart', () => client.call('action.restart', { clusterId, ref }));
      case 'rollback':
        return setDialog(<RollbackDialog what={what} clusterId={clusterId} target={ref} onCancel={close} onConfirm={(revision) => perform('Roll back', what, () => client.call('action.rollback', { clusterId, ref, revision }))} />);
      case 'cordon':
      case 'uncordon':
        return perform(action.label, what, () => client.call('action.cordon', { clusterId, node: ref.name, unschedulable: action.id === 'cordon' }));
      case 'drain':
        return ask(`Drain ${what}?`, `${what} is cordoned and its pods are evicted (DaemonSet pods are left alone).`, 'Drain', () =>
          client.call('action.drain', { clusterId, node: ref.name, ignoreDaemonSets: true, deleteEmptyDirData: true }),
        );
      case 'trigger':
        return perform('Trigger', what, () => client.call('action.trigger', { clusterId, ref }));
      case 'suspend':
      case 'resume':
        if (action.destructive) return ask(`Suspend ${what}?`, `The running pods of ${what} are stopped.`, 'Suspend', () => client.call('action.suspend', { clusterId, ref, suspend: true }));
        return perform(action.label, what, () => client.call('action.suspend', { clusterId, ref, suspend: action.id === 'suspend' }));
    }
  };
  return { run, dialog, notice, clearNotice: () => setNotice(null) };
}
