// Asks the cluster (SelfSubjectAccessReview via access.check) which of the shown actions the user
// may run, so denied ones are disabled with the reason instead of failing on click.
import type { AccessResult } from '../../shared/bridge/types';
import { useBridge } from '../bridge/context';
import { useCall } from '../hooks/useCall';
import type { ActionDef } from './catalog';

export function useAccess(clusterId: string, actions: ActionDef[]): (a: ActionDef) => AccessResult | undefined {
  const client = useBridge();
  const checks = actions.map((a) => a.check);
  const key = actions.length ? `${clusterId}|${JSON.stringify(checks)}` : null;
  const { data, error } = useCall(key, () => client.call('access.check', { clusterId, checks }));
  return (a) => {
    if (error) return undefined; // unknown: let the server decide on click
    const i = actions.indexOf(a);
    return i >= 0 ? data?.[i] : undefined;
  };
}
