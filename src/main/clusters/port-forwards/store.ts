// Forwards remembered per cluster, so they come back when the app starts: one small JSON file in
// the engine's config folder, replaced atomically (temp file + rename) like clusters.json.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PortForwardSpec } from '../../../shared/bridge/methods-terminals';

export interface SavedForward extends PortForwardSpec {
  id: string;
  /** the port it was bound to, reused on restart so bookmarks keep working */
  localPort: number;
}

export class PortForwardStore {
  constructor(private readonly path: string) {}

  read(): SavedForward[] {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      return [];
    }
    const list = (raw as { forwards?: unknown })?.forwards;
    return Array.isArray(list) ? list.filter(isSaved) : [];
  }

  write(forwards: SavedForward[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ forwards }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
  }
}

function isSaved(f: unknown): f is SavedForward {
  const o = f as SavedForward;
  return (
    !!o &&
    typeof o.id === 'string' &&
    typeof o.clusterId === 'string' &&
    typeof o.namespace === 'string' &&
    !!o.target &&
    (o.target.kind === 'pod' || o.target.kind === 'service') &&
    typeof o.target.name === 'string' &&
    (typeof o.port === 'number' || typeof o.port === 'string') &&
    Number.isInteger(o.localPort)
  );
}
