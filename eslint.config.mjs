// ESLint flat config for every Nx project (api, web, contracts, e2e = tests/, bench).
//
// Stack (checked with Node 20.20, npm 11, Nx 23.2.1):
// - eslint 10.16 + @eslint/js 10.0 (installed explicitly: the Nx plugin fails to load without it)
//   + typescript-eslint 8.74 + @nx/eslint and @nx/eslint-plugin exactly 23.2.1 (`--save-exact`).
// - Import boundaries: @nx/enforce-module-boundaries with project tags (set in each project.json),
//   not dependency-cruiser (its 18.x needs Node 22; nothing else needed). The rule reads Nx's cached
//   project graph and is SILENTLY SKIPPED when there is none (a fresh clone linted with a bare
//   `npx eslint`): this file builds the graph first when it is missing (below). `nx run-many -t lint`
//   always has it.
// - typescript-eslint `recommended`, without type information. Measured on 2 cores: the type-aware
//   `recommendedTypeChecked` took the api lint from ~6 s to ~17 s and the web from ~7 s to ~22 s, and
//   reports ~1,400 findings in the API alone (nearly all no-unsafe-* on untyped library values);
//   `typecheck` (tsc over every project) runs in `npm test` anyway.
// - eslint-plugin-react-hooks 7.1 (its peer range takes eslint 10) for apps/web.
import js from '@eslint/js';
import { createProjectGraphAsync, readCachedProjectGraph } from '@nx/devkit';
import nx from '@nx/eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CODE = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];

/**
 * What each API module may import (the other modules it builds on). A module missing here, or an
 * import of a module not listed, fails lint; the table itself must have no loop (checked below).
 */
const API_MODULE_DEPENDENCIES = {
  access: [],
  audit: ['access'],
  countries: ['access', 'audit'],
  health: ['access'],
  accounts: ['access', 'audit', 'countries'],
  notifications: ['access', 'accounts'],
  media: ['access', 'audit', 'countries'],
  content: ['access', 'audit', 'countries', 'media'],
  search: ['access', 'countries', 'content', 'media'],
  review: ['access', 'audit', 'countries', 'content', 'media', 'notifications', 'search'],
  site: ['access', 'countries', 'content', 'media'],
  demo: ['accounts', 'content', 'countries', 'media'],
  oai: ['access', 'content', 'countries', 'media', 'site'],
  partners: ['access', 'audit', 'content', 'countries', 'site'],
  exchange: ['access', 'audit', 'content', 'countries'],
  people: ['access', 'audit', 'content', 'countries', 'search'],
};

try {
  readCachedProjectGraph();
} catch {
  await createProjectGraphAsync({ exitOnError: true });
}

export default defineConfig(
  globalIgnores(['**/dist/', '**/node_modules/', '**/.nx/', '**/coverage/', 'tests/artifacts/', '**/.data/']),

  { files: CODE, extends: [js.configs.recommended] },
  { files: CODE, extends: [tseslint.configs.recommended] },

  {
    files: CODE,
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names: tsc's noUnusedLocals/noUnusedParameters already fail typecheck; `_`-prefixed
      // names are the deliberate exceptions (arity-bound callbacks, rest-destructuring to omit a key).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
    },
  },

  // The browser app.
  {
    files: ['apps/web/src/**/*.{ts,tsx}', 'apps/web/test-setup.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  // Known findings of the React Compiler rules that the plugin's 7.x recommended set adds, left for the
  // work that reshapes these components (the public pages are being optimised, the data hooks move to
  // TanStack Query): each needs a redesign, not a mechanical fix. Scoped to the files as they are, so
  // new code gets the full set.
  {
    // setState called at the start of an effect (loading flags, resetting from props).
    files: ['apps/web/src/components/search/SearchBox.tsx'],
    rules: { 'react-hooks/set-state-in-effect': 'off' },
  },
  {
    // A "latest value" ref written during render (read later by callbacks).
    files: ['apps/web/src/components/media/DeepZoom.tsx', 'apps/web/src/pages/studio/MediaManager.tsx'],
    rules: { 'react-hooks/refs': 'off' },
  },

  // Import boundaries. Tags: scope:api, scope:web, scope:shared (libs/contracts), type:e2e (tests/),
  // type:bench (bench/). The apps import only the shared contracts (through `@vitrina/contracts`), never
  // each other; libs import no app. A relative import into another project always fails
  // (noRelativeOrAbsoluteImportsAcrossLibraries) whatever the tags; the tag constraints cover imports
  // through path aliases.
  {
    files: CODE,
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries()] },
  },
  // The browser tests and the benches drive the built API and reuse its test support and a few of its
  // modules (media checks, the search planner): relative imports into apps/api/src and apps/api/test are
  // allowed there, and only there.
  {
    files: ['tests/**', 'bench/**'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['^(\\.\\./)+apps/api/(src|test)/'])] },
  },

  // Module layers inside the API (apps/api/src/modules/<module>): each module imports only the modules
  // listed for it below, so no two modules import each other. @nx/enforce-module-boundaries works between
  // Nx projects only, so folders inside one project are held by core `no-restricted-imports`.
  ...apiModuleLayers(),
  // Web pages are features: a page folder never imports another (shared pieces live in components/).
  ...webPageFolders(),

  // CommonJS helpers (preloaded with `node --require`) are CommonJS on purpose.
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

/** Options of @nx/enforce-module-boundaries; `allow` holds regular expressions matched against import strings. */
function boundaries(allow = []) {
  return {
    // The root's vitest.timeouts.mts (one set of test timeouts for every project) belongs to no project.
    allow: ['^(\\.\\./)+vitest\\.timeouts\\.mts$', ...allow],
    depConstraints: [
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared'] },
      { sourceTag: 'type:bench', onlyDependOnLibsWithTags: ['scope:api', 'scope:web', 'scope:shared'] },
    ],
  };
}

function assertNoLoop(graph) {
  const done = new Set();
  const visit = (name, path) => {
    if (path.includes(name)) throw new Error(`eslint.config.mjs: API modules import each other in a loop: ${[...path, name].join(' -> ')}`);
    if (done.has(name)) return;
    for (const next of graph[name] ?? []) visit(next, [...path, name]);
    done.add(name);
  };
  for (const name of Object.keys(graph)) visit(name, []);
}

/** A config block refusing, in `files`, relative imports of the folders named (after any `../`, and `<parent>/`). */
function refusedFolders(files, parent, folders, message) {
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: `^(\\.\\./)+(${parent}/)?(${folders.join('|')})(/|$)`, message }] }],
    },
  };
}

function apiModuleLayers() {
  assertNoLoop(API_MODULE_DEPENDENCIES);
  const modules = Object.keys(API_MODULE_DEPENDENCIES);
  return modules.map((name) =>
    refusedFolders(
      [`apps/api/src/modules/${name}/**/*.ts`],
      'modules',
      modules.filter((other) => other !== name && !API_MODULE_DEPENDENCIES[name].includes(other)),
      `${name}/ builds on ${API_MODULE_DEPENDENCIES[name].join(', ') || 'no other module'} only (API_MODULE_DEPENDENCIES in eslint.config.mjs).`,
    ),
  );
}

function webPageFolders() {
  const folders = ['admin', 'review', 'search', 'studio', 'visitor'];
  return folders.map((name) =>
    refusedFolders(
      [`apps/web/src/pages/${name}/**/*.{ts,tsx}`],
      'pages',
      folders.filter((other) => other !== name),
      'A page folder does not import another; move what both need to components/ or api/.',
    ),
  );
}
