// Bundles the engine CLI into dist/ so that `wheelhouse` starts without a TypeScript loader.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

mkdirSync('dist', { recursive: true });
await build({
  entryPoints: { wheelhouse: 'src/main/engine/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  // Lazily imported parts (X.509 generation, ajv, YAML) stay in their own chunks, so a start that
  // does not need them does not load them.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

// The desktop shell: Electron main (ESM), the sandboxed preload (must be CommonJS), and the engine
// host the main process starts as a utility process. 'electron' comes from the Electron runtime.
const electronCommon = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external: ['electron'] };
await build({ ...electronCommon, entryPoints: { main: 'src/main/electron/main.ts' }, outfile: 'dist/electron/main.mjs', format: 'esm', packages: 'external' });
await build({ ...electronCommon, entryPoints: ['src/main/electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' });
await build({ ...electronCommon, entryPoints: ['src/main/engine/host.ts'], outfile: 'dist/electron/engine-host.mjs', format: 'esm', packages: 'external' });

// The official schemas, loaded lazily by the API server's schema service.
const { writeDefinitions } = await import('./gen-schemas.mjs');
writeDefinitions(process.cwd(), 'dist/k8s-definitions.json');

// The renderer (React UI) for the Electron window and web mode: see build-renderer.mjs.
const { buildRenderer } = await import('./build-renderer.mjs');
await buildRenderer();
