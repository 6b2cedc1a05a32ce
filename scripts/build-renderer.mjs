// Bundles the renderer (src/renderer/main.tsx) for the browser into dist/renderer/ with its
// index.html and styles.css. Everything is local files: the page's CSP allows nothing remote.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';

export async function buildRenderer({ outdir = 'dist/renderer', minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: { main: 'src/renderer/main.tsx' },
    outdir,
    bundle: true,
    platform: 'browser',
    // a classic script, not a module: module scripts from file:// (the Electron window) are refused
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    minify,
    sourcemap: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': minify ? '"production"' : '"development"' },
    logLevel: 'warning',
  });
  copyFileSync('src/renderer/index.html', `${outdir}/index.html`);
  copyFileSync('src/renderer/styles.css', `${outdir}/styles.css`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildRenderer({ minify: !process.argv.includes('--dev') });
