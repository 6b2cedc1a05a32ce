// The clusters' settings, one small JSON file in the engine's config folder. Writes go to a temp
// file that is renamed over the old one, so a crash never leaves half a file behind.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface ClusterSettings {
  /** kubeconfig files and folders the user added in the app, in the order added */
  addedKubeconfigs: string[];
}

const EMPTY: ClusterSettings = { addedKubeconfigs: [] };

export class SettingsStore {
  constructor(private readonly path: string) {}

  read(): ClusterSettings {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      // missing or unreadable: start clean rather than refuse to start
      return { ...EMPTY, addedKubeconfigs: [] };
    }
    const added = (raw as Partial<ClusterSettings>)?.addedKubeconfigs;
    return { addedKubeconfigs: Array.isArray(added) ? added.filter((p): p is string => typeof p === 'string') : [] };
  }

  update(change: (settings: ClusterSettings) => ClusterSettings): ClusterSettings {
    const next = change(this.read());
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    return next;
  }
}
