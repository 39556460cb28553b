// ESLint with typescript-eslint's strictest type-aware rules (strictTypeChecked) over the sources,
// rules, tests and scripts. Two deliberate settings, explained where they are made.
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'bench/.work/', 'node_modules/'] },
  eslint.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: ['./tsconfig.check.json', './tsconfig.browser.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // With noUncheckedIndexedAccess every index read is `T | undefined`; `!` after a bounds check
      // or a regex match that must have matched says so more plainly than a dead branch would.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Messages interpolate counts and line numbers all the time; strings and numbers only.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // The tool handles terminal and XML control characters on purpose (pager erase, escaping).
      'no-control-regex': 'off',
    },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
