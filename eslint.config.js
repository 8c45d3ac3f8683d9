// Lint, including the layering of ARCHITECTURE.md: each folder may import only what its layer allows.
// test/layering.test.ts proves these rules bite.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { paths: paths.map((name) => ({ name, message: 'not allowed in this layer (ARCHITECTURE.md)' })), patterns }],
});

export const layerRules = {
  core: restrict(
    [
      { group: ['**/data/**', '**/electron/**', '**/renderer/**', '**/test/**'], message: 'core/ is pure: it may import only core/ (ARCHITECTURE.md)' },
      { group: ['react', 'react-dom', 'vega*', 'react-vega', 'better-sqlite3', 'electron', 'saxes', 'xmllint-wasm'], message: 'core/ may use apache-arrow and small pure libraries only' },
    ],
    nodeBuiltins,
  ),
  data: restrict([
    { group: ['**/renderer/**', '**/electron/**'], message: 'data/ may import core/ only (ARCHITECTURE.md)' },
    { group: ['react', 'react-dom', 'vega*', 'react-vega', 'electron'], message: 'UI and Electron packages do not belong in data/' },
  ]),
  electron: restrict([
    { group: ['**/data/**', '**/renderer/**'], message: 'electron/ may import core/ (the contract) only; data runs in a utilityProcess' },
    { group: ['better-sqlite3', 'react', 'react-dom', 'vega*', 'saxes', 'xmllint-wasm'], message: 'the Electron shell stays thin' },
  ]),
  // The synthetic region and its ground truth must be independent of what they test.
  generate: restrict([
    { group: ['**/core/**', '**/model/**', '**/import/**', '**/service*', '**/renderer/**', '**/electron/**'], message: 'data/generate/ computes its ground truth independently: it may not import core/, data/model, data/import or the service' },
    { group: ['react', 'react-dom', 'vega*', 'react-vega', 'electron', 'better-sqlite3', 'apache-arrow'], message: 'the generator writes files only' },
  ]),
  renderer: restrict(
    [
      { group: ['**/data/**', '**/electron/**', '**/test/**'], message: 'renderer/ talks to window.spiegel only (ARCHITECTURE.md)' },
      { group: ['better-sqlite3', 'electron', 'saxes', 'xmllint-wasm'], message: 'Node-only packages do not belong in the renderer' },
    ],
    nodeBuiltins,
  ),
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'build/out/**', 'test/artifacts/**', '.spiegel/**', 'release/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly', fetch: 'readonly', btoa: 'readonly', atob: 'readonly', sessionStorage: 'readonly', localStorage: 'readonly', navigator: 'readonly', location: 'readonly', Blob: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['core/**/*.ts'], ignores: ['core/**/*.test.ts'], rules: layerRules.core },
  { files: ['data/**/*.ts'], ignores: ['data/**/*.test.ts'], rules: layerRules.data },
  { files: ['data/generate/**/*.ts'], ignores: ['data/generate/**/*.test.ts'], rules: layerRules.generate },
  { files: ['electron/**/*.ts'], ignores: ['electron/**/*.test.ts'], rules: layerRules.electron },
  { files: ['renderer/**/*.{ts,tsx}'], ignores: ['renderer/**/*.test.ts'], rules: layerRules.renderer },
);
