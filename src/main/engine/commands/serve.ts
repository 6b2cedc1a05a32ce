// `wheelhouse serve`: the engine headless, its UI served to a browser at a printed URL (web mode).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from '../engine';
import { startWebServer } from '../web/server';
import { configDir, rendererDir } from '../paths';
import { defaultDataDir, localRuntime } from './args';

/** the package root (the folder holding package.json), from src/ through tsx or from dist/ and its chunks */
export const packageRoot = (): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

export async function runServe(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, 'local-runtime': { type: 'string' } } });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, got "${values.port}"`);
  const engine = await startEngine({
    mode: 'web',
    clusterDataDir: resolve(values['data-dir'] ?? defaultDataDir()),
    configDir: configDir(),
    log: (line) => console.error(line),
    localRuntime: localRuntime(values['local-runtime']),
  });
  const web = await startWebServer(engine.router, rendererDir(packageRoot()), port);
  console.log(`wheelhouse: built-in cluster ready at ${engine.cluster.url} (kubeconfig: ${engine.cluster.kubeconfigPath})`);
  console.log(`wheelhouse: open ${web.url}`);
  await new Promise<void>((done) => {
    process.once('SIGTERM', done);
    process.once('SIGINT', done);
  });
  await web.close();
  await engine.stop();
  return 0;
}
