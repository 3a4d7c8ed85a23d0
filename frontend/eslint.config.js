import js from '@eslint/js';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'test-results', 'playwright-report', 'src/lib/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, reactHooks.configs.flat['recommended-latest']],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // Import boundaries (bulletproof-react). Shared code: src/lib (API client, auth, i18n, offline,
    // shared hooks), src/components (shared UI), src/app (the shell: providers, layout, router).
    // Features: src/features/<name>. Dependencies point one way only:
    //   app -> features -> components -> lib
    // - src/lib imports nothing from features, components or the app;
    // - src/components imports nothing from features or the app;
    // - a feature imports neither the app shell nor another feature: what two features share
    //   goes to src/lib (data, hooks) or src/components (UI).
    // Tests and src/test-support may reach anything.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test-support/**'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      // Type-only imports and re-exports count too, and so do lazy import()s.
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/elements': [
        { type: 'lib', pattern: 'src/lib' },
        { type: 'components', pattern: 'src/components' },
        { type: 'app', pattern: 'src/app' },
        { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
        { type: 'test-support', pattern: 'src/test-support' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'lib' } },
              disallow: { to: { element: { type: ['feature', 'components', 'app', 'test-support'] } } },
              message: 'src/lib is the bottom layer: it imports nothing from features, components or the app.',
            },
            {
              from: { element: { type: 'components' } },
              disallow: { to: { element: { type: ['feature', 'app', 'test-support'] } } },
              message: 'Shared components import nothing from features or the app: move what they need to src/lib.',
            },
            {
              from: { element: { type: 'feature' } },
              disallow: { to: { element: { type: ['app', 'test-support'] } } },
              message: 'Features do not import the app shell (nor test helpers).',
            },
            {
              from: { element: { type: 'feature' } },
              disallow: { to: { element: { type: 'feature', captured: { feature: '!{{ from.captured.feature }}' } } } },
              message: 'No cross-feature imports ({{ from.captured.feature }} -> {{ to.captured.feature }}): move shared code to src/lib or src/components.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['scripts/**/*.mjs', 'eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
