// Reads kubeconfig paths from disk. A missing file is skipped silently, as kubectl does; a folder
// contributes every file in it that parses as a kubeconfig (as Lens does).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseKubeconfig } from './parse';
import { resolveRelativePaths } from './resolve-paths';
import type { FileProblem, KubeconfigFile } from './types';

export interface ReadResult {
  files: KubeconfigFile[];
  problems: FileProblem[];
}

export function readKubeconfigPath(path: string): ReadResult {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    if (isMissing(err)) return { files: [], problems: [] };
    return { files: [], problems: [{ file: path, message: `cannot read: ${(err as Error).message}` }] };
  }
  return isDir ? readFolder(path) : readFile(path, false);
}

function readFolder(dir: string): ReadResult {
  const result: ReadResult = { files: [], problems: [] };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch (err) {
    return { files: [], problems: [{ file: dir, message: `cannot read folder: ${(err as Error).message}` }] };
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    const one = readFile(path, true);
    result.files.push(...one.files);
    result.problems.push(...one.problems);
  }
  return result;
}

function readFile(path: string, inFolder: boolean): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) return { files: [], problems: [] };
    return { files: [], problems: [{ file: path, message: `cannot read: ${(err as Error).message}` }] };
  }
  // In a folder, files that are not kubeconfigs (READMEs, scripts) are not errors; a broken
  // file that clearly means to be one still is, so the user learns why its contexts vanished.
  if (inFolder && !looksLikeKubeconfig(text)) return { files: [], problems: [] };
  const parsed = parseKubeconfig(path, text);
  if (parsed.problem) return { files: [], problems: [parsed.problem] };
  if (inFolder && parsed.file.contexts.size === 0 && parsed.file.clusters.size === 0) return { files: [], problems: [] };
  return { files: [resolveRelativePaths(parsed.file)], problems: [] };
}

const looksLikeKubeconfig = (text: string): boolean => /^\s*(kind:\s*Config\b|contexts:|clusters:)/m.test(text);

const isMissing = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');
