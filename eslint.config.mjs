// ESLint flat config: typescript-eslint's recommended rules over the TypeScript sources, tests, scripts, bench and
// eval code, with unused code (variables, imports, parameters not prefixed by _) as errors. Formatting is Prettier's
// job (npm run format:check), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The few Node globals the plain-JavaScript files use (TypeScript files are checked by tsc, not no-undef).
const NODE_GLOBALS = Object.fromEntries(
  [
    'require',
    'module',
    '__dirname',
    '__filename',
    'process',
    'console',
    'Buffer',
    'setTimeout',
    'clearTimeout',
    'URL',
    'TextDecoder',
    'TextEncoder',
  ].map((g) => [g, 'readonly']),
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'scratch/**', '.eval-out/**', 'examples/editor/vendor/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
      'no-unreachable': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // Tests load modules afresh (jest.isolateModules) or as a CommonJS consumer would: require() is the point there.
    // They also read untyped JSON answers and browser globals, where `any` is the honest type.
    files: ['test/**/*.ts', 'test/**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: NODE_GLOBALS },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
