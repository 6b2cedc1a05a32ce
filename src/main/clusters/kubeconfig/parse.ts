// Parses one kubeconfig file's text. Problems name the file and the line, so a user can fix the
// file; a broken file never takes other files' contexts down (the caller keeps them apart).
import { LineCounter, parseDocument, isMap, isSeq, type Document } from 'yaml';
import type { FileProblem, KubeconfigFile } from './types';

export type ParseResult = { file: KubeconfigFile; problem?: undefined } | { file?: undefined; problem: FileProblem };

const LISTS = [
  ['clusters', 'cluster'],
  ['users', 'user'],
  ['contexts', 'context'],
] as const;

export function parseKubeconfig(path: string, text: string): ParseResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const lineOf = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lines.linePos(offset).line);
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    return { problem: { file: path, line: err.linePos?.[0]?.line ?? lineOf(err.pos[0]), message: firstLine(err.message) } };
  }
  if (doc.contents !== null && !isMap(doc.contents)) {
    return { problem: { file: path, line: lineOf(doc.contents?.range?.[0]), message: 'a kubeconfig must be a YAML mapping (apiVersion, clusters, users, contexts…)' } };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const file: KubeconfigFile = { path, clusters: new Map(), users: new Map(), contexts: new Map() };
  for (const [key, field] of LISTS) {
    const problem = readList(doc, raw, key, field, (name, value) => (file[key] as Map<string, unknown>).set(name, value));
    if (problem) return { problem: { file: path, line: lineOf(problem.offset), message: problem.message } };
  }
  if (typeof raw['current-context'] === 'string' && raw['current-context'] !== '') file.currentContext = raw['current-context'];
  if (raw.preferences && typeof raw.preferences === 'object') file.preferences = raw.preferences as Record<string, unknown>;
  return { file };
}

function readList(
  doc: Document,
  raw: Record<string, unknown>,
  key: string,
  field: string,
  add: (name: string, value: Record<string, unknown>) => void,
): { offset?: number; message: string } | undefined {
  const list = raw[key];
  if (list === undefined || list === null) return undefined;
  const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
  if (!Array.isArray(list)) return { offset: node?.range?.[0], message: `"${key}" must be a list` };
  const seq = doc.get(key) as unknown;
  for (const [i, item] of list.entries()) {
    const itemNode = isSeq(seq) ? (seq.items[i] as { range?: [number, number, number] } | undefined) : undefined;
    const at = itemNode?.range?.[0];
    if (!item || typeof item !== 'object') return { offset: at, message: `${key}[${i}] must be a mapping with "name" and "${field}"` };
    const { name, [field]: value } = item as Record<string, unknown>;
    if (typeof name !== 'string' || name === '') return { offset: at, message: `${key}[${i}] has no name` };
    if (value !== undefined && value !== null && typeof value !== 'object') return { offset: at, message: `${key}[${i}] (${name}): "${field}" must be a mapping` };
    add(name, (value ?? {}) as Record<string, unknown>);
  }
  return undefined;
}

const firstLine = (message: string): string => message.split('\n')[0]!.trim();
