// Decides a cluster's state the way a user experiences it: can we reach it, does it accept our
// credentials (/api), and may we list namespaces (what the app needs to show anything).
import type { KubeConfig } from '@kubernetes/client-node';
import type { ConnectionState } from '../../../shared/bridge/types';
import type { ContextEntry } from '../kubeconfig/types';
import { describeRequestFailure, statusMessage } from './describe-failure';
import { kubeGet, RequestFailure } from './kube-request';

export interface ProbeResult {
  state: Exclude<ConnectionState, 'disconnected' | 'connecting'>;
  message?: string;
}

export async function probeCluster(kc: KubeConfig, entry: ContextEntry, shellPath: string): Promise<ProbeResult> {
  try {
    const api = await kubeGet(kc, '/api', { timeoutMs: 10_000 });
    const apiState = judge(api.status, api.body, 'the server rejected the credentials');
    if (apiState) return apiState;
    const ns = await kubeGet(kc, '/api/v1/namespaces?limit=1', { timeoutMs: 10_000 });
    return judge(ns.status, ns.body, 'namespaces cannot be listed') ?? { state: 'online' };
  } catch (err) {
    const message = describeRequestFailure(err, entry, shellPath);
    return { state: err instanceof RequestFailure && err.stage === 'credentials' ? 'unauthorized' : 'offline', message };
  }
}

function judge(status: number, body: string, what: string): ProbeResult | undefined {
  if (status >= 200 && status < 300) return undefined;
  const detail = statusMessage(body) ?? body.trim().slice(0, 200);
  if (status === 401) return { state: 'unauthorized', message: `${what} (401 Unauthorized)${detail ? `: ${detail}` : ''}` };
  if (status === 403) return { state: 'forbidden', message: `${what === 'namespaces cannot be listed' ? what : 'access denied'} (403 Forbidden)${detail ? `: ${detail}` : ''}` };
  return { state: 'offline', message: `the server answered ${status}${detail ? `: ${detail}` : ''}` };
}
