// portForward.* on the bridge. The watch stream sends the whole list (forwards are few) at most
// every 200 ms, so connection counts can change quickly without flooding the renderer.
import type { BridgeRouter } from '../../engine/bridge/router';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { PortForwardService } from './port-forward-service';

export interface RegisterPortForwardsOptions {
  /** desktop: opens a URL in the user's browser (Electron's shell.openExternal, through the host) */
  openExternal?: (url: string) => Promise<void>;
}

const THROTTLE_MS = 200;

export function registerPortForwards(router: BridgeRouter, service: PortForwardService, options: RegisterPortForwardsOptions = {}): void {
  router.handle('portForward.start', (spec) => service.start(spec));
  router.handle('portForward.stop', async ({ id }) => service.stop(id));
  router.handle('portForward.list', async (p) => service.list(p?.clusterId));
  router.stream('portForward.watch', async (_p, sink) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = service.onDidChange(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        sink.send(service.list());
      }, THROTTLE_MS);
    });
    void sink.closed.then(() => {
      off();
      if (timer) clearTimeout(timer);
    });
    return service.list();
  });
  router.handle('portForward.open', async ({ id }) => {
    const forward = service.get(id);
    if (!forward) throw new BridgeFailure('NotFound', `no port-forward ${id}`);
    if (!options.openExternal) throw new BridgeFailure('Invalid', `this engine cannot open a browser; open ${forward.url} yourself`);
    await options.openExternal(forward.url);
  });
}
