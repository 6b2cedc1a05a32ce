// The contract every controller of the controller manager follows (controller-runtime's tiny one):
// it registers informer handlers that enqueue keys, and a level-based reconcile per key. The
// manager owns the queue, the workers and the retry rules (client/run-workers), never the controller.
import type { ApiClient, Clock, EventRecorder, Logger, SharedInformerFactory } from '../client';
import type { WorkQueue } from '../client';

export interface ControllerContext {
  /** acts as system:kube-controller-manager */
  client: ApiClient;
  /** shared by every controller: one informer (and one API watch) per kind */
  informers: SharedInformerFactory;
  /** Events with source.component = the controller's component name (e.g. deployment-controller) */
  recorder: EventRecorder;
  clock: Clock;
  logger: Logger;
  /** the controller's own queue of "namespace/name" (or "name") keys */
  queue: WorkQueue;
  /** folder for things a controller keeps on disk (the local volume provisioner); undefined in memory */
  dataDir?: string;
}

export interface Controller {
  /** upstream's controller name, e.g. "deployment" (kube-controller-manager --controllers) */
  readonly name: string;
  /** Events' source.component, e.g. "deployment-controller" */
  readonly component: string;
  /** how many keys may be reconciled at once (always one worker per key) */
  readonly workers?: number;
  /** asks for informers and registers handlers that call ctx.queue.add(key); no I/O here */
  register(ctx: ControllerContext): void;
  /** level-based: read listers, compute, write; throw to be retried; {requeueAfterMs} to look again later */
  reconcile(key: string): Promise<void | { requeueAfterMs: number }>;
  /** optional periodic work not tied to a key (e.g. node heartbeats check), every `intervalMs` */
  tick?: { intervalMs: number; run(): Promise<void> };
}

export type ControllerFactory = () => Controller;
