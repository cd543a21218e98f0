// ESLint flat config for the whole monorepo. `npm run lint` runs it together with `prettier --check .`;
// formatting is Prettier's job, so no rule here is about layout.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// The `globals` package is not a dependency; these are the host globals our plain JS files may use.
const nodeGlobals = {
  __dirname: 'readonly',
  __filename: 'readonly',
  Buffer: 'readonly',
  clearImmediate: 'readonly',
  clearInterval: 'readonly',
  clearTimeout: 'readonly',
  console: 'readonly',
  exports: 'writable',
  module: 'writable',
  process: 'readonly',
  queueMicrotask: 'readonly',
  require: 'readonly',
  setImmediate: 'readonly',
  setInterval: 'readonly',
  setTimeout: 'readonly',
  structuredClone: 'readonly',
  TextDecoder: 'readonly',
  TextEncoder: 'readonly',
  URL: 'readonly',
  URLSearchParams: 'readonly',
};
const browserGlobals = {
  document: 'readonly',
  fetch: 'readonly',
  location: 'readonly',
  navigator: 'readonly',
  performance: 'readonly',
  self: 'readonly',
  window: 'readonly',
  Worker: 'readonly',
};

export default defineConfig(
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '**/coverage/',
    '**/*.tgz',
    '.jest-tmp/',
    '.jest-workers/',
    'test-results/',
    'docs/.vitepress/cache/',
    'docs/.vitepress/dist/',
    'docs/api/',
    'docs/public/demo/', // the live demo's bundles, written by docs/scripts/prepare.mjs
    'docs/public/bench/',
    'bench/results/',
  ]),

  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 'latest', globals: { ...nodeGlobals, ...browserGlobals } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
  },

  // TypeScript everywhere: the syntactic rules (cheap, no type information).
  {
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Tests, examples and benchmarks may need `any` to feed bad input; shipped code may not (below).
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },

  // Shipped library code: no `any`, and the type-aware rules that catch real bugs (lost promises, awaiting
  // non-promises, throwing non-errors). Each package's tsconfig.json includes exactly its src/, so the project
  // service gets its types from the same program as `tsc -b`.
  {
    files: ['packages/*/src/**/*.{ts,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
);
