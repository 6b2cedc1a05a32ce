// terminal.open / terminal.resize on the bridge. A session lives exactly as long as its stream:
// output goes out as binary frames, keystrokes come in the same way, one event says how it ended,
// and cancelling the stream (closing the tab, the window going away) ends the session.
import type { TerminalTarget } from '../../../shared/bridge/methods-terminals';
import { BridgeFailure } from '../../engine/bridge/errors';
import type { BridgeRouter, Connection } from '../../engine/bridge/router';
import type { TerminalSession } from './session';
import { TerminalService, type TerminalServiceDeps } from './terminal-service';

const sessions = new WeakMap<Connection, Map<number, TerminalSession>>();

function size(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > 2000) throw new BridgeFailure('Invalid', `terminal ${what} must be a whole number from 1 to 2000 (got ${JSON.stringify(n)})`);
  return n;
}

export function registerTerminals(router: BridgeRouter, deps: TerminalServiceDeps): { service: TerminalService; dispose(): void } {
  const service = new TerminalService(deps);
  const open = new Set<TerminalSession>();
  router.stream('terminal.open', async (params, sink, conn) => {
    if (!conn.supportsBinary) throw new BridgeFailure('Invalid', 'this connection to the engine carries text only; terminals need binary frames (restart the app to update it)');
    const { cols, rows, ...target } = params ?? ({} as typeof params);
    const { session, opened } = await service.open(target as TerminalTarget, size(cols, 'columns'), size(rows, 'rows'));
    let perConn = sessions.get(conn);
    if (!perConn) sessions.set(conn, (perConn = new Map()));
    perConn.set(sink.id, session);
    open.add(session);
    session.onData((bytes) => sink.sendBytes(bytes));
    sink.onBytes((bytes) => session.write(bytes));
    session.onEnd((end) => {
      sink.send({ type: 'exit', ...end });
      sink.end();
    });
    void sink.closed.then(() => {
      perConn.delete(sink.id);
      open.delete(session);
      session.close();
    });
    return opened;
  });
  router.handle('terminal.resize', async ({ sessionId, cols, rows }, conn) => {
    const session = sessions.get(conn)?.get(sessionId);
    if (!session) throw new BridgeFailure('NotFound', `no terminal session ${sessionId} is open on this connection`);
    session.resize(size(cols, 'columns'), size(rows, 'rows'));
  });
  return {
    service,
    dispose: () => {
      for (const s of open) s.close();
      open.clear();
    },
  };
}
