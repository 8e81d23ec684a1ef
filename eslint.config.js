// ESLint: typescript-eslint's type-aware recommended rules everywhere, the React hooks rules
// (with the React Compiler's) and jsx-a11y for the components. Formatting is Prettier's job:
// eslint-config-prettier comes last and switches off every rule that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig, globalIgnores } from 'eslint/config';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    'dist/',
    'test-results/',
    'playwright-report/',
    'e2e/screenshots/',
    '.scratch/',
    // Written by the kernel generator, checked against it by a test.
    '**/*.generated.ts',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each realm has its own tsconfig (its own lib: DOM, WebWorker, Node); a file is
        // checked by the first project that includes it.
        project: [
          './tsconfig.core.json',
          './tsconfig.worker.json',
          './tsconfig.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `_name` marks a parameter kept for its position in a signature.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },

  // Plain JavaScript (build scripts, this file) is in no tsconfig: syntax rules only.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },

  {
    files: ['src/app/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['src/app/**/*.tsx'],
    extends: [reactHooks.configs.flat.recommended, jsxA11y.flatConfigs.recommended],
  },
  {
    files: ['src/app/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['src/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ['*.{js,ts}', 'scripts/**', 'bench/**', 'e2e/**', 'src/cli/**', 'src/**/*.test.ts'],
    languageOptions: { globals: globals.node },
  },

  prettier,
);
