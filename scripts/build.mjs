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
  logLevel: 'warning',
});

// The official schemas, loaded lazily by the API server's schema service.
const { writeDefinitions } = await import('./gen-schemas.mjs');
writeDefinitions(process.cwd(), 'dist/k8s-definitions.json');
