// Lint, and above all the dependency rules of ../shared/DESIGN.md:
//   shared ← everything; renderer imports only shared; only src/main/electron imports 'electron';
//   store ← apiserver ← client ← {scheduler, controllers, kubelet, proxy, dns}.
// The rules match relative import paths by folder name, which needs no module resolver (the
// resolvers on npm need native bindings that the build machines' registry does not carry).
import tseslint from 'typescript-eslint';

// A layer is reached by climbing out of the importing folder ("../store", "../../apiserver/x");
// a sibling file that happens to share a layer's name ("./cluster") is not a layer.
const segment = (name) => `^(\\.\\./)+(.*/)?${name}(/|$)`;
const forbid = (folders, message) => folders.map((f) => ({ regex: segment(f), message }));
const components = ['scheduler', 'controllers', 'kubelet', 'proxy', 'dns'];
const electron = { name: 'electron', message: "Only src/main/electron imports 'electron'." };

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { paths: [electron] }],
    },
  },
  layer(['src/shared/**'], forbid(['main', 'renderer', 'controlplane', 'engine', 'clusters', 'electron'], 'src/shared is pure: it imports nothing else.')),
  layer(['src/renderer/**'], forbid(['main', 'controlplane', 'engine', 'clusters', 'electron'], 'The renderer reaches the engine only through the bridge (src/shared types).')),
  layer(['src/main/controlplane/store/**'], forbid(['apiserver', 'client', 'cluster', ...components], 'The store is the bottom layer.')),
  layer(['src/main/controlplane/apiserver/**'], forbid(['client', 'cluster', ...components], 'The API server depends only on the store.')),
  layer(['src/main/controlplane/client/**/!(*.test|test-support).ts'], forbid(['store', 'cluster', ...components], 'The client talks to the API server, never to the store.')),
  layer(['src/main/controlplane/client/**/{*.test,test-support}.ts'], forbid(['store', ...components], 'Tests get their API server from cluster/in-process, never a store.')),
  ...components.map((c) =>
    layer([`src/main/controlplane/${c}/**`], forbid(['store', ...components.filter((o) => o !== c)], 'Components act through the API (client), as in Kubernetes; never the store, nor each other.')),
  ),
  { files: ['src/main/electron/**'], rules: { 'no-restricted-imports': 'off' } },
);
