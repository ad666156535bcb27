// Lint enforces the layer rules of the style guide: core <- store <- node <- cli, and core <- web.
// A wrong arrow is an error, so `npm test` fails on it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const serverPackages = ['fastify', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'pino', 'cli-progress', 'commander'];

/** Restrict imports for files of one layer. */
function layer(files, forbiddenLayers, extraPatterns = [], extraPaths = []) {
  const layerPatterns = forbiddenLayers.map((name) => ({
    group: [`**/${name}`, `**/${name}/**`],
    message: `This layer must not import from src/${name} (layers point one way: core <- store <- node <- cli; core <- web).`,
  }));
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: extraPaths,
          patterns: [
            ...layerPatterns,
            ...extraPatterns,
          ],
        },
      ],
    },
  };
}

// Outside its own folder, a layer is reached only through its index.ts.
const throughIndex = ['core', 'store', 'node'].map((name) => ({
  group: [`../${name}/*/**`, `../../${name}/*/**`, `../${name}/!(index).js`, `../../${name}/!(index).js`],
  message: `Import src/${name} through its index.ts, which states its public surface.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'vectors/**', 'data/**', 'coverage/**', 'src/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(
    ['src/core/**/*.ts'],
    ['store', 'node', 'cli', 'web'],
    [{ group: serverPackages, message: 'src/core is pure: no server packages.' }],
    nodeBuiltins
      .filter((name) => !name.startsWith('_'))
      .map((name) => ({ name, message: 'src/core is pure TypeScript: no Node built-ins (it also runs in the browser and in workers).' })),
  ),
  layer(['src/store/**/*.ts'], ['node', 'cli', 'web'], throughIndex.filter((_, i) => i === 0)),
  layer(['src/node/**/*.ts'], ['cli', 'web'], throughIndex.filter((_, i) => i < 2)),
  layer(['src/cli/**/*.ts'], ['web'], throughIndex),
  // The web app runs in the browser, with React's rules of hooks.
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  layer(
    ['src/web/**/*.{ts,tsx}'],
    ['store', 'node', 'cli'],
    [{ group: serverPackages, message: 'The web app talks to its node over HTTP only.' }],
    nodeBuiltins.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: 'The web app runs in the browser.' })),
  ),
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
