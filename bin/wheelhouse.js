#!/usr/bin/env node
// Runs the bundled CLI when it exists (fast start), else the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'wheelhouse.js');
if (existsSync(bundled) && !process.env.WHEELHOUSE_FROM_SOURCE) {
  await import(pathToFileURL(bundled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'main', 'engine', 'cli.ts')).href);
}
