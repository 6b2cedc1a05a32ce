// Which kubeconfig files kubectl would read: the KUBECONFIG list, else ~/.kube/config.
import { join, delimiter as hostDelimiter } from 'node:path';
import type { SourcePath } from './types';

export interface PathsEnv {
  KUBECONFIG?: string;
  home: string;
  /** ':' on Unix, ';' on Windows */
  delimiter?: string;
}

export function kubectlPaths(env: PathsEnv): SourcePath[] {
  const list = env.KUBECONFIG;
  // As client-go: any non-empty KUBECONFIG replaces the default, even one that names no file (":")
  if (list !== undefined && list !== '') {
    const seen = new Set<string>();
    const paths: SourcePath[] = [];
    for (const path of list.split(env.delimiter ?? hostDelimiter)) {
      if (path === '' || seen.has(path)) continue;
      seen.add(path);
      paths.push({ path, origin: 'KUBECONFIG' });
    }
    return paths;
  }
  return [{ path: join(env.home, '.kube', 'config'), origin: 'default' }];
}
