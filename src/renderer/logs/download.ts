// Everything the view holds, as a .log file: the text a person sees (colours stripped), with the
// timestamp and pod label when the view shows them.
import { stripAnsi } from './ansi';
import type { LineStore } from './line-store';

export function logText(store: LineStore, opts: { timestamps: boolean; labels: boolean }): string {
  const out: string[] = [];
  for (let i = store.first; i < store.end; i++) {
    if (store.marker(i)) continue;
    const src = opts.labels ? store.source(i) : undefined;
    const ts = opts.timestamps ? store.ts(i) : undefined;
    out.push(`${ts ? `${ts} ` : ''}${src ? `[${src.pod}/${src.container}] ` : ''}${stripAnsi(store.text(i))}`);
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

export function downloadLog(store: LineStore, fileName: string, opts: { timestamps: boolean; labels: boolean }): void {
  const url = URL.createObjectURL(new Blob([logText(store, opts)], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName.replace(/[^\w.-]+/g, '_');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
