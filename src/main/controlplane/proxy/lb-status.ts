// The load balancer of a type=LoadBalancer Service is this host: 127.0.0.1 on the Service's own
// ports. Its status says so once every port listens; while a port is taken by something else the
// ingress stays empty and a Warning Event says which port, as a cloud's service controller would.
import type { ApiClient, EventRecorder, Obj } from '../client';
import { type Frontend, frontendKey } from './frontend';
import { NODE_IP } from './service-ports';

const INGRESS = [{ ip: NODE_IP, ipMode: 'VIP' }];

export async function reportLoadBalancer(client: ApiClient, recorder: EventRecorder, svc: Obj, failed: Frontend[]): Promise<void> {
  const isLb = svc.spec?.type === 'LoadBalancer';
  const want = isLb && failed.length === 0 ? INGRESS : [];
  const have = svc.status?.loadBalancer?.ingress ?? [];
  if (isLb && failed.length > 0) {
    const ports = failed.map(frontendKey).join(', ');
    recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: failed to ensure load balancer: ${ports} already in use on this host`);
  }
  if (JSON.stringify(have) === JSON.stringify(want)) return;
  const { namespace, name } = svc.metadata;
  await client.patch('v1', 'Service', namespace, name, 'merge', { status: { loadBalancer: { ingress: want.length ? want : null } } }, { subresource: 'status' });
  if (want.length) recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
}
