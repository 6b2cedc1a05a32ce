// A server's refusal → issues the editor can underline: each Status cause's field is placed on
// the line where that field is written in the document.
import type { LineCounter } from 'yaml';
import type { ApplyIssue } from '../../../shared/bridge/types';
import { lineOfField, type ManifestDocument } from './documents';

interface Cause {
  field?: string;
  message?: string;
  reason?: string;
}

/** "spec.replicas: Invalid value: -1: must be…" → spec.replicas */
const fieldInMessage = (message: string): string | undefined => /^\.?([A-Za-z][\w-]*(?:(?:\.[\w-]+)|\[\d+\])*): /.exec(message)?.[1];

export const issuesFromError = (err: unknown, d: ManifestDocument, lines: LineCounter): ApplyIssue[] => {
  const e = err as { code?: unknown; body?: any; message?: string };
  const status = e.body && typeof e.body === 'object' ? e.body : undefined;
  const causes: Cause[] = status?.details?.causes ?? [];
  const place = (field: string | undefined, message: string): ApplyIssue => {
    const f = field?.replace(/^\./, '');
    return { line: f ? lineOfField(d, lines, f) : d.line, ...(f ? { field: f } : {}), message };
  };
  if (causes.length) return causes.map((c) => place(c.field ?? (c.message ? fieldInMessage(c.message) : undefined), c.field && c.message ? `${c.field}: ${c.message}` : (c.message ?? c.reason ?? 'invalid')));
  const message = status?.message ?? e.message ?? String(err);
  const inner = /: (\.?[A-Za-z][\w-]*(?:\.[\w-]+|\[\d+\])+): /.exec(message)?.[1];
  return [place(fieldInMessage(message) ?? inner, message)];
};
