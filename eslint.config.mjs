// Lint, including the layer boundaries of DESIGN.md:
//   shared/    imports nothing outside itself (only zod and ipaddr.js from npm), no node, no electron
//   renderer/  never imports node built-ins, electron, or the Node side of the repo
//   electron/  only electron/app/ may import 'electron'; the engine, CLI and host run in plain Node
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import formatjs from 'eslint-plugin-formatjs';
import jsxText from './scripts/lint/jsx-text.mjs';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noNode = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'This layer must not use Node built-ins.' })),
};

const rule = (extra) => ['error', { paths: [...(extra.paths ?? [])], patterns: [...(extra.patterns ?? [])] }];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'release/', 'test-results/', 'playwright-report/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': rule({
        paths: [...noNode.paths, { name: 'electron', message: 'shared/ is runtime-neutral.' }],
        patterns: [
          {
            group: ['**/electron/**', '**/renderer/**', '**/assets/**', 'react', 'react-dom', 'zustand', 'recharts', 'ws', 'commander'],
            message: 'shared/ imports nothing outside itself (zod and ipaddr.js excepted).',
          },
        ],
      }),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': rule({
        paths: [...noNode.paths, { name: 'electron', message: 'The renderer talks to the engine only through the contract client.' }],
        patterns: [{ group: ['**/electron/**', 'ws', 'commander'], message: 'The renderer imports shared/ and itself only.' }],
      }),
    },
  },
  {
    // Issue 13: every word a user reads comes from a catalog (renderer/i18n/catalogs), in English,
    // German and Dutch. A literal in JSX text or in a user-facing attribute fails here; symbols and
    // data (protocol names, examples) live in named constants outside the JSX.
    files: ['renderer/**/*.tsx'],
    plugins: { formatjs, i18n: jsxText },
    rules: {
      // formatjs/no-literal-string-in-jsx, with `{' '}` let through (scripts/lint/jsx-text.mjs).
      'i18n/no-literal-string-in-jsx': [
        'error',
        {
          props: {
            include: [
              // DOM attributes people read or hear: title, placeholder, alt, aria-label (the rule's
              // defaults), and label on any element.
              ['*', '{title,label,placeholder,alt,summary}'],
              // The app's own components that take display text.
              ['{SocketTablePanel,ChartCard,DonutChart,StateHistoryChart,ScanSection,VirtualTable,TableState,AuthorizationDialog,Dialog}', '{heading,empty,what,message,title,label}'],
              // Recharts series names show in legends and tooltips.
              ['{Bar,Line,Area,Pie,Legend,Tooltip}', 'name'],
            ],
          },
        },
      ],
      // Messages written inline (defineMessage, formatMessage with defaultMessage) follow the same
      // rules as the catalogs: placeholders given, no doubled spaces.
      'formatjs/enforce-placeholders': 'error',
      'formatjs/no-multiple-whitespaces': 'error',
      'formatjs/no-multiple-plurals': 'error',
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/app/**'],
    rules: {
      'no-restricted-imports': rule({
        paths: [{ name: 'electron', message: 'Only electron/app/ may import electron: the engine, CLI and host run in plain Node.' }],
        patterns: [{ group: ['**/renderer/**', '**/app/**'], message: 'The Node side never imports the renderer or the Electron glue.' }],
      }),
    },
  },
  {
    files: ['electron/app/**/*.ts'],
    rules: {
      'no-restricted-imports': rule({
        patterns: [{ group: ['**/renderer/**'], message: 'The Electron glue never imports the renderer.' }],
      }),
    },
  },
);
