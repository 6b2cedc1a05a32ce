// `wheelhouse cluster start`: serves the built-in cluster headless until SIGTERM/SIGINT.
import { startCluster } from '../../controlplane/cluster/cluster';
import { planNodes } from '../../controlplane/kubelet';
import { parseClusterFlags } from './args';

export async function runClusterStart(argv: string[]): Promise<number> {
  const flags = parseClusterFlags(argv);
  const started = performance.now();
  const cluster = await startCluster({
    dataDir: flags.dataDir,
    port: flags.port,
    kubeconfigPath: flags.kubeconfig,
    nodes: planNodes(flags.nodePlan),
    localRuntime: flags.localRuntime,
    log: (line) => console.error(line),
  });
  const ms = Math.round(performance.now() - started);
  console.log(`wheelhouse: cluster ready at ${cluster.url} in ${ms} ms`);
  console.log(`wheelhouse: kubeconfig written to ${cluster.kubeconfigPath} — try: kubectl --kubeconfig ${cluster.kubeconfigPath} get nodes`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.error(`wheelhouse: ${signal} received, stopping`);
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await cluster.stop();
  console.error('wheelhouse: cluster stopped');
  return 0;
}
