// kubelet's two heartbeats: the node's Lease in kube-node-lease renewed every 10 s (40 s duration),
// and the Node's status (conditions' lastHeartbeatTime) every 5 minutes or when something changed.
import { StatusError } from '../../../shared/k8s/status';
import { microTime, type ApiClient, type Clock, type Logger } from '../client';
import type { NodeConfig } from './node-config';
import { nodeStatus } from './node-object';

type Obj = Record<string, any>;

export const LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
export const STATUS_REPORT_MS = 5 * 60_000;

export class Heartbeat {
  private lease?: Obj;

  constructor(
    private readonly config: NodeConfig,
    private readonly client: ApiClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async renewLease(node: Obj | undefined, retry = true): Promise<void> {
    const now = microTime(this.clock.now());
    const spec = { holderIdentity: this.config.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: now };
    try {
      if (this.lease) {
        this.lease = await this.client.update({ ...this.lease, spec: { ...this.lease.spec, ...spec } });
        return;
      }
      const ownerReferences = node ? [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }] : undefined;
      this.lease = await this.client.create({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.config.name, namespace: LEASE_NAMESPACE, ownerReferences }, spec });
    } catch (err) {
      // Another copy changed it, or it already exists: read it and renew on top of it next time.
      if (retry && err instanceof StatusError && (err.code === 409 || err.code === 404)) {
        this.lease = err.code === 409 ? await this.client.get('coordination.k8s.io/v1', 'Lease', LEASE_NAMESPACE, this.config.name).catch(() => undefined) : undefined;
        return this.renewLease(node, false);
      }
      this.logger.warn(`node ${this.config.name}: lease renewal failed`, err);
    }
  }

  async reportStatus(runtimeVersion: string): Promise<Obj | undefined> {
    try {
      const node = await this.client.get('v1', 'Node', undefined, this.config.name);
      return await this.client.updateStatus({ ...node, status: nodeStatus(this.config, runtimeVersion, this.clock.now(), node.status) });
    } catch (err) {
      this.logger.warn(`node ${this.config.name}: status update failed`, err);
      return undefined;
    }
  }
}
