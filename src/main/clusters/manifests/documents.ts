// Multi-document YAML as the editor holds it: each document's object, where it starts, its parse
// errors with their lines, and the line of any field path (so server causes can be underlined).
import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { ApplyIssue } from '../../../shared/bridge/types';

export interface ManifestDocument {
  /** 0-based position among the non-empty documents */
  index: number;
  doc: Document.Parsed;
  obj?: Record<string, any>;
  /** 1-based line where the document starts */
  line: number;
  issues: ApplyIssue[];
}

export interface ParsedManifest {
  docs: ManifestDocument[];
  lines: LineCounter;
}

const lineAt = (lines: LineCounter, offset: number): number => lines.linePos(offset).line;

const objectIssue = (obj: unknown, line: number): ApplyIssue | undefined => {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { line, message: 'the document is not a Kubernetes object (expected a mapping)' };
  const o = obj as Record<string, unknown>;
  if (typeof o.apiVersion !== 'string' || !o.apiVersion) return { line, field: 'apiVersion', message: 'apiVersion is not set' };
  if (typeof o.kind !== 'string' || !o.kind) return { line, field: 'kind', message: 'kind is not set' };
  const name = (o.metadata as Record<string, unknown> | undefined)?.name;
  if (typeof name !== 'string' || !name) return { line, field: 'metadata.name', message: 'metadata.name is not set' };
  return undefined;
};

export const parseManifest = (text: string): ParsedManifest => {
  const lines = new LineCounter();
  const all = parseAllDocuments(text, { lineCounter: lines, prettyErrors: true });
  const list = Array.isArray(all) ? all : [];
  const docs: ManifestDocument[] = [];
  for (const doc of list) {
    if (doc.contents === null && !doc.errors.length) continue;
    const line = lineAt(lines, doc.contents?.range?.[0] ?? doc.range[0]);
    const issues: ApplyIssue[] = doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? line, message: e.message.split('\n')[0] }));
    const entry: ManifestDocument = { index: docs.length, doc, line, issues };
    if (!issues.length) {
      const obj = doc.toJS({ maxAliasCount: 100 });
      const bad = objectIssue(obj, line);
      if (bad) issues.push(bad.field ? { ...bad, line: lineOfField(entry, lines, bad.field === 'metadata.name' ? 'metadata' : bad.field) ?? line } : bad);
      else entry.obj = obj;
    }
    docs.push(entry);
  }
  return { docs, lines };
};

/** "spec.template.spec.containers[0].image" → ['spec','template','spec','containers',0,'image'] */
export const fieldSegments = (field: string): (string | number)[] => {
  const out: (string | number)[] = [];
  for (const m of field.replace(/^\./, '').matchAll(/([^.[\]]+)|\[(\d+)\]|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else break; // [name=x] selectors: stop at the list
  }
  return out;
};

/** the 1-based line of the deepest part of the field path present in the document */
export const lineOfField = (d: ManifestDocument, lines: LineCounter, field: string): number | undefined => {
  let node: unknown = d.doc.contents;
  let line: number | undefined;
  for (const seg of fieldSegments(field)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const key = pair.key as Node | undefined;
      if (key?.range) line = lineAt(lines, key.range[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) line = lineAt(lines, item.range[0]);
      node = item;
    } else break;
  }
  return line ?? d.line;
};
