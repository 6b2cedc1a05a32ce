// The engine as Electron's utility process runs it: the main process hands over one MessagePort per
// window, and each becomes a bridge connection. No 'electron' import: the port is typed structurally.
import { serveEndpoint, portEndpoint, type PortLike } from './bridge/carriers';
import { startEngine } from './engine';
import { configDir } from './paths';
import { defaultDataDir } from './commands/args';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('engine host: run me as an Electron utility process');

const engine = await startEngine({ mode: 'desktop', clusterDataDir: defaultDataDir(), configDir: configDir(), log: (line) => console.error(line) });
parentPort.on('message', (e) => {
  const [port] = e.ports;
  if (!port) return;
  serveEndpoint(engine.router, portEndpoint(port));
  port.start();
});
parentPort.postMessage({ type: 'ready', cluster: engine.cluster.url });
process.on('SIGTERM', () => void engine.stop().then(() => process.exit(0)));
