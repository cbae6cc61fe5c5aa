// @ts-check
/**
 * ESLint flat config. Besides the usual rules it enforces the one-way layers of
 * ../shared/docs/STYLE.md: a wrong import fails `npm run lint` (and the layer test).
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeModules = builtinModules.flatMap((name) => [
  name,
  `${name}/*`,
  `node:${name}`,
  `node:${name}/*`,
]);

const noNode = {
  paths: nodeModules.map((name) => ({ name, message: 'Node modules are for electron/ only.' })),
  patterns: [{ group: ['node:*'], message: 'Node modules are for electron/ only.' }],
};
const noElectron = [{ name: 'electron', message: 'Only electron/ may import electron.' }];
const noUpwardLayer = (folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `${folder}/**`],
    message: `This layer may not import from ${folder}/.`,
  }));

/** Only electron/main/ipc.ts and the preload may talk IPC directly. */
const ipcImports = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Register channels through electron/main/ipc.ts; the renderer uses the preload bridge.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='openExternal']",
          message:
            'Open external links only through safeOpenExternal (electron/main/external-links.ts).',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Document content is rendered through an allowlist into React elements.',
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...noNode.paths,
            ...noElectron,
            { name: 'react', message: 'shared/ is pure TypeScript.' },
            { name: 'react-dom', message: 'shared/ is pure TypeScript.' },
          ],
          patterns: [...noNode.patterns, ...noUpwardLayer(['electron', 'renderer'])],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'fetch',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...noNode.paths, ...noElectron],
          patterns: [...noNode.patterns, ...noUpwardLayer(['electron'])],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['electron/**', 'test/**', '*.js', '*.ts', '.ci/**', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Tests drive the mocked shell.openExternal to prove it is only reached after confirmation.
    files: ['test/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/main/ipc.ts', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [ipcImports], patterns: noUpwardLayer(['renderer']) },
      ],
    },
  },
  {
    files: ['electron/main/external-links.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
