// The kubeconfig contexts the app shows, kept current: the built-in cluster first, then what kubectl
// would read (KUBECONFIG or ~/.kube/config, merged by kubectl's rules), then each file or folder the
// user added, as its own source. Files are watched; a change reloads everything and fires
// onDidChange. A broken file is reported on its own and never hides the other files' contexts.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Emitter, type Logger } from '../logger';
import type { SettingsStore } from '../settings/settings-store';
import { contextEntries } from './entries';
import { mergeKubeconfigs } from './merge';
import { kubectlPaths } from './paths';
import { readKubeconfigPath } from './read-files';
import { PathWatcher } from './watcher';
import type { ContextEntry, FileProblem, KubeconfigFile, SourcePath } from './types';

export interface KubeconfigSourceOptions {
  /** the engine's environment: KUBECONFIG is read from it */
  env: { KUBECONFIG?: string };
  home: string;
  /** KUBECONFIG's list separator; default the host's (':' or ';') */
  delimiter?: string;
  /** the built-in cluster's admin kubeconfig */
  builtinKubeconfigPath?: string;
  settings: SettingsStore;
  logger: Logger;
  /** watch the files for changes (default true) */
  watch?: boolean;
  debounceMs?: number;
}

export interface SourceStatus extends SourcePath {
  /** why (some of) the path could not be used, e.g. "config.yaml line 4: bad indentation…" */
  error?: string;
}

interface Snapshot {
  entries: ContextEntry[];
  sources: SourceStatus[];
  problems: FileProblem[];
  currentContext?: string;
}

export class KubeconfigSource {
  private snapshot: Snapshot = { entries: [], sources: [], problems: [] };
  private readonly changed = new Emitter<void>();
  private readonly watcher: PathWatcher | undefined;
  private watchKey = '';
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: KubeconfigSourceOptions) {
    this.watcher = options.watch === false ? undefined : new PathWatcher(() => this.reload(), options.debounceMs ?? 150, options.logger);
    this.reload();
  }

  contexts(): ContextEntry[] {
    return this.snapshot.entries;
  }

  get(id: string): ContextEntry | undefined {
    return this.snapshot.entries.find((e) => e.id === id);
  }

  sources(): SourceStatus[] {
    return this.snapshot.sources;
  }

  problems(): FileProblem[] {
    return this.snapshot.problems;
  }

  /** kubectl's current-context (from KUBECONFIG or ~/.kube/config) */
  currentContext(): string | undefined {
    return this.snapshot.currentContext;
  }

  add(path: string): void {
    const abs = resolve(path);
    this.options.settings.update((s) => ({ ...s, addedKubeconfigs: s.addedKubeconfigs.includes(abs) ? s.addedKubeconfigs : [...s.addedKubeconfigs, abs] }));
    this.reload();
  }

  remove(path: string): void {
    const abs = resolve(path);
    this.options.settings.update((s) => ({ ...s, addedKubeconfigs: s.addedKubeconfigs.filter((p) => p !== abs) }));
    this.reload();
  }

  reload(): void {
    const next = this.load();
    this.watch(next.sources);
    if (JSON.stringify(next) === JSON.stringify(this.snapshot)) return;
    this.snapshot = next;
    for (const p of next.problems) this.options.logger.warn(`kubeconfig ${describeProblem(p)}`);
    this.changed.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
  }

  private load(): Snapshot {
    const { env, home, delimiter, builtinKubeconfigPath, settings } = this.options;
    const kubectl = kubectlPaths({ KUBECONFIG: env.KUBECONFIG, home, delimiter }).map((s) => ({ ...s, path: resolve(s.path) }));
    const added = settings.read().addedKubeconfigs.map((path) => ({ path: resolve(path), origin: 'added' as const }));
    const snap: Snapshot = { entries: [], sources: [], problems: [] };
    if (builtinKubeconfigPath) {
      const read = readKubeconfigPath(resolve(builtinKubeconfigPath));
      snap.entries.push(builtinEntry(resolve(builtinKubeconfigPath), read.files[0]));
      snap.sources.push(withError({ path: resolve(builtinKubeconfigPath), origin: 'builtin' }, read.problems));
    }
    const kubectlFiles: KubeconfigFile[] = [];
    for (const source of kubectl) {
      const read = readKubeconfigPath(source.path);
      kubectlFiles.push(...read.files);
      snap.problems.push(...read.problems);
      snap.sources.push(withError(source, read.problems));
    }
    const merged = mergeKubeconfigs(kubectlFiles);
    snap.currentContext = merged.currentContext;
    snap.entries.push(...contextEntries(merged));
    const seen = new Set(kubectlFiles.map((f) => f.path));
    for (const source of added) {
      const read = readKubeconfigPath(source.path);
      snap.problems.push(...read.problems);
      snap.sources.push(withError(source, read.problems));
      // an added file is its own kubeconfig: its contexts find clusters and users in that file
      for (const file of read.files.filter((f) => !seen.has(f.path))) {
        seen.add(file.path);
        snap.entries.push(...contextEntries(mergeKubeconfigs([file])));
      }
    }
    return snap;
  }

  private watch(sources: SourcePath[]): void {
    if (!this.watcher) return;
    const paths = sources.map((s) => ({ path: s.path, isFolder: isFolder(s.path) }));
    // a folder that appears or vanishes changes what can be watched
    const key = JSON.stringify([paths, paths.map((p) => existsSync(dirname(p.path)))]);
    if (key === this.watchKey) return;
    this.watchKey = key;
    this.watcher.setPaths(paths);
  }
}

function builtinEntry(path: string, file: KubeconfigFile | undefined): ContextEntry {
  const name = file?.currentContext ?? [...(file?.contexts.keys() ?? [])][0] ?? 'wheelhouse-local';
  const context = file?.contexts.get(name) ?? { cluster: '', user: '' };
  return {
    id: 'local',
    source: path,
    name,
    context,
    clusterName: context.cluster,
    userName: context.user,
    cluster: file?.clusters.get(context.cluster),
    user: file?.users.get(context.user),
    builtIn: true,
  };
}

const withError = (source: SourcePath, problems: FileProblem[]): SourceStatus =>
  problems.length === 0 ? source : { ...source, error: problems.map(describeProblem).join('; ') };

export const describeProblem = (p: FileProblem): string => `${p.file}${p.line ? ` line ${p.line}` : ''}: ${p.message}`;

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};
