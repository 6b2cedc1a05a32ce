// Watches kubeconfig files and folders and calls back once per burst of changes. It watches each
// file's folder, not the file: editors and kubectl replace files by rename, which ends a watch
// on the file itself.
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Logger } from '../logger';

export class PathWatcher {
  private watchers = new Map<string, FSWatcher>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly onChange: () => void,
    private readonly debounceMs: number,
    private readonly logger: Logger,
  ) {}

  /** watches exactly these paths (files or folders) from now on */
  setPaths(paths: { path: string; isFolder: boolean }[]): void {
    const wanted = new Map<string, (name: string | null) => boolean>();
    for (const { path, isFolder } of paths) {
      if (isFolder) wanted.set(path, () => true);
      const dir = dirname(path);
      const prev = wanted.get(dir);
      const file = basename(path);
      wanted.set(dir, (name) => name === null || name === file || name.startsWith(`${file}.`) || (prev?.(name) ?? false));
    }
    for (const [dir, w] of this.watchers) {
      if (wanted.has(dir)) continue;
      w.close();
      this.watchers.delete(dir);
    }
    for (const [dir, filter] of wanted) {
      this.watchers.get(dir)?.close();
      this.watchers.delete(dir);
      // a folder that does not exist yet (~/.kube before the first cluster): watch for its creation
      const w = this.open(dir, filter) ?? this.open(dirname(dir), (name) => name === null || name === basename(dir));
      if (w) this.watchers.set(dir, w);
    }
  }

  private open(dir: string, filter: (name: string | null) => boolean): FSWatcher | undefined {
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (filter(name === null ? null : String(name))) this.schedule();
      });
      w.on('error', (err) => this.logger.warn(`stopped watching ${dir}`, err));
      return w;
    } catch {
      return undefined;
    }
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.onChange(), this.debounceMs);
    this.timer.unref?.();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
  }
}
