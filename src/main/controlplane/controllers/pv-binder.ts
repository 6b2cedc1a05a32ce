// PersistentVolumeBinderController (upstream pkg/controller/volume/persistentvolume) with the
// local-path provisioner built in. Keys are claims ("ns/name") and volumes ("name"); claims are
// synced in pv-claim-sync.ts, volumes in pv-volume-sync.ts.
// Upstream assigns the default class to a claim that names none in admission, and retroactively in
// this controller; this binder does the latter, and where the API server refuses that update it
// treats such a claim as belonging to the default class.
import { keyOf, type Obj } from '../client';
import type { Controller, ControllerContext } from './types';
import { byClaim, CLAIM_INDEX, syncClaim, type BinderEnv } from './pv-claim-sync';
import { LocalPathProvisioner } from './pv-local-provisioner';
import { syncVolume } from './pv-volume-sync';

export class PersistentVolumeBinderController implements Controller {
  readonly name = 'persistentvolume-binder';
  readonly component = 'persistentvolume-controller';
  readonly workers = 2;
  private ctx!: ControllerContext;
  private env!: BinderEnv;

  register(ctx: ControllerContext): void {
    this.ctx = ctx;
    const informer = (apiVersion: string, kind: string) => ctx.informers.informerFor(apiVersion, kind);
    const claims = informer('v1', 'PersistentVolumeClaim');
    const volumes = informer('v1', 'PersistentVolume');
    const classes = informer('storage.k8s.io/v1', 'StorageClass');
    const nodes = informer('v1', 'Node');
    const pods = ctx.informers.informerFor('v1', 'Pod', { [CLAIM_INDEX]: byClaim });
    this.env = {
      client: ctx.client,
      recorder: ctx.recorder,
      logger: ctx.logger,
      claims: claims.lister,
      volumes: volumes.lister,
      classes: classes.lister,
      nodes: nodes.lister,
      pods: pods.lister,
      provisioner: new LocalPathProvisioner(ctx.dataDir),
      defaultRefused: new Set(),
    };
    const enqueue = (obj: Obj): void => ctx.queue.add(keyOf(obj));
    const handlers = { onAdd: enqueue, onUpdate: (_old: Obj, obj: Obj) => enqueue(obj), onDelete: enqueue };
    claims.addEventHandler(handlers);
    volumes.addEventHandler(handlers);
    // A volume that becomes free may be what a waiting claim needs.
    const onFreeVolume = (pv: Obj): void => {
      if (!pv.spec?.claimRef) this.enqueueUnboundClaims();
    };
    volumes.addEventHandler({ onAdd: onFreeVolume, onUpdate: (_old, pv) => onFreeVolume(pv) });
    const enqueueClaim = (claim: Obj): void => {
      const ref = claim.spec?.volumeName;
      if (ref) ctx.queue.add(ref);
    };
    claims.addEventHandler({ onDelete: enqueueClaim });
    const onPod = (pod: Obj): void => {
      if (pod.spec?.nodeName) for (const key of byClaim(pod)) ctx.queue.add(key);
    };
    pods.addEventHandler({ onAdd: onPod, onUpdate: (old, pod) => !old.spec?.nodeName && onPod(pod) });
    // A new default class may adopt claims waiting for one.
    classes.addEventHandler({ onAdd: () => this.enqueueUnboundClaims() });
  }

  /** upstream resyncs every 15 s too, for whatever no event announces */
  readonly tick = {
    intervalMs: 15_000,
    run: async (): Promise<void> => {
      this.enqueueUnboundClaims();
      for (const pv of this.env.volumes.list()) this.ctx.queue.add(keyOf(pv));
    },
  };

  private enqueueUnboundClaims(): void {
    for (const c of this.env.claims.list()) if (!c.spec?.volumeName) this.ctx.queue.add(keyOf(c));
  }

  async reconcile(key: string): Promise<void> {
    if (key.includes('/')) {
      const claim = this.env.claims.get(key);
      if (claim) await syncClaim(this.env, claim);
      return;
    }
    const pv = this.env.volumes.get(key);
    if (pv) await syncVolume(this.env, this.ctx.queue, pv);
  }
}

export const persistentVolumeBinderController = (): Controller => new PersistentVolumeBinderController();
