// `wheelhouse start` (npm start): the app on the built-in cluster. Until the desktop shell lands,
// this serves the built-in cluster and tells the user how to reach it.
import { defaultDataDir } from './args';
import { runClusterStart } from './cluster-start';

export async function runStart(argv: string[]): Promise<number> {
  return runClusterStart(['--data-dir', defaultDataDir(), ...argv]);
}
