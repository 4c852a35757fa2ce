// Lint for the whole repository: `npm run lint`, and a step of `npm test`.
//
// typescript-eslint's recommended rules without type information: the type-aware set took
// 58 s of CPU (2 min 40 s on the shared 2-core machine) against 22 s for these, and `tsc`
// checks the types in `npm run typecheck`. react-hooks for the web app. gongzhi/boundaries
// (eslint-rules/boundaries.js) keeps modules behind their index.ts and core, web and the
// shared contracts on their side (docs/architecture.md, "The module template").
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import boundaries from './eslint-rules/boundaries.js';

export default defineConfig(
  { ignores: ['dist/**', 'test-results/**', 'coverage/**', 'data/**', '.tmp/**', '.vite/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      // `catch {}` is how best-effort clean-up (kill, unlink, rollback) says "whatever happens".
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `interface PermissionRegistry extends Record<…, true> {}` is how a module adds its
      // permissions and error codes to the platform's registries (declaration merging).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },

  /* The web app: browser globals and the rules of hooks. */
  {
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    extends: [reactHooks.configs.flat.recommended],
    rules: {
      // The React Compiler's rules, which the app (not compiled by it) does not follow on
      // purpose: useMemo(todayIso, []) passes a named function; useStickyOptions keeps the
      // labels of earlier searches in a ref read during render; QuarterFilters mirrors the
      // URL's query into its search box in an effect.
      'react-hooks/use-memo': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/set-state-in-effect': 'off',
    },
  },

  /* Boundaries. */
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { gongzhi: { rules: { boundaries } } },
    rules: {
      'gongzhi/boundaries': [
        'error',
        {
          modules: ['src/server/modules', 'src/web/modules'],
          layers: [
            // core runs in the browser, the CLI and the server (a receipt is checked in the browser)
            { from: 'src/core', forbid: ['src/server', 'src/web', 'src/cli', 'node:'] },
            // the web app knows the server only through the shared contracts (src/contracts)
            { from: 'src/web', forbid: ['src/server', 'src/cli'] },
            { from: 'src/contracts', forbid: ['src/server', 'src/web', 'src/cli'] },
          ],
        },
      ],
    },
  },
  {
    // Core's tests and their helpers run under Vitest in Node: they check the hashes against
    // node:crypto, an independent SHA-256.
    files: ['src/core/**/*.test.ts', 'src/core/**/test-support.ts'],
    rules: { 'gongzhi/boundaries': 'off' },
  },
);
