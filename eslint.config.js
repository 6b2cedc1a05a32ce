// Lint, and above all the dependency rules of ../shared/DESIGN.md:
//   shared ← everything; renderer imports only shared; only src/main/electron imports 'electron';
//   store ← apiserver ← client ← {scheduler, controllers, kubelet, proxy, dns}.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const cp = './src/main/controlplane';
const zone = (target, from, message) => ({ target, from, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    // Without a resolver, extensionless TypeScript imports would go unchecked by the layer rules.
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            zone('./src/shared', ['./src/main', './src/renderer'], 'src/shared is pure: it imports nothing else.'),
            zone('./src/renderer', './src/main', 'The renderer reaches the engine only through the bridge (src/shared types).'),
            zone(`${cp}/store`, [`${cp}/apiserver`, `${cp}/client`, `${cp}/scheduler`, `${cp}/controllers`, `${cp}/kubelet`, `${cp}/proxy`, `${cp}/dns`], 'The store is the bottom layer.'),
            zone(`${cp}/apiserver`, [`${cp}/client`, `${cp}/scheduler`, `${cp}/controllers`, `${cp}/kubelet`, `${cp}/proxy`, `${cp}/dns`], 'The API server depends only on the store.'),
            zone(`${cp}/client`, [`${cp}/store`, `${cp}/scheduler`, `${cp}/controllers`, `${cp}/kubelet`, `${cp}/proxy`, `${cp}/dns`], 'The client talks to the API server, never to the store.'),
            ...['scheduler', 'controllers', 'kubelet', 'proxy', 'dns'].map((c) =>
              zone(`${cp}/${c}`, [`${cp}/store`], 'Components act through the API, as in Kubernetes; they never touch the store.'),
            ),
          ],
        },
      ],
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: "Only src/main/electron imports 'electron'." }] }],
    },
  },
  {
    files: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
