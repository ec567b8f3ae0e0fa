// @ts-check
import path from 'node:path';
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** `libs/<name>/...` → name; anything outside libs → null. */
function libOf(file) {
  const parts = path.relative(root, file).split(path.sep);
  return parts[0] === 'libs' && parts.length > 2 ? parts[1] : null;
}

/**
 * The libs in layers, lowest first: a lib may import another lib (`@werkbrug/<lib>`) only from a
 * lower layer, so there are no circles between libs and the graph reads bottom-up. A new lib gets a
 * layer here. Foundations at the bottom, then the outbox and mail, auth, the domain modules in the
 * order they build on each other, the web foundation, and the page libs on top.
 */
const LIB_LAYERS = {
  // Foundations: no Werkbrug imports, or only configuration.
  config: 0,
  jobs: 0,
  database: 1,
  search: 1,
  embedded: 1,
  geo: 2,
  http: 2,
  outbox: 2,
  domain: 3,
  mail: 3,
  metrics: 3,
  // Accounts, tokens, one-time links (sends its mail through libs/mail).
  auth: 4,
  audit: 5,
  health: 5,
  organisations: 5,
  // Above audit (a merge is audited in its own transaction), below the libs whose records hold one.
  werksoorten: 5.5,
  candidates: 6,
  employers: 6,
  caseload: 7,
  privacy: 7,
  vacancies: 7,
  interests: 8,
  matching: 8,
  proposals: 8,
  trajectories: 8,
  alerts: 9,
  placements: 9,
  // Prices placements too (the agreed instruments of a placement).
  instruments: 10,
  reports: 9,
  // Import and export of candidates, employers and workplaces: through their services.
  import: 10,
  // The web foundation (sessions, views, account pages), below every page lib.
  web: 11,
  // Page libs.
  'werkgever-pages': 12,
  'kandidaat-pages': 12,
  // The administrators' pages show the audit trail in the candidate's plain words (kandidaat-pages).
  'beheer-pages': 13,
  // The werkmakelaar works on behalf of employers and candidates: it reuses the employer's workplace
  // form and the candidate's plain words, and the import flow it shares with the administrator.
  'werkmakelaar-pages': 14,
};

/**
 * Each lib is reached from outside only through its alias `@werkbrug/<lib>` (its public index), so a
 * lib's internals can move without breaking others and the dependency graph stays visible; and a lib
 * imports only libs on a lower layer (LIB_LAYERS).
 */
const libBoundaries = {
  meta: {
    type: 'problem',
    messages: {
      crossLib:
        "Relative import from lib '{{from}}' into lib '{{to}}': import it as '@werkbrug/{{to}}' (export what you need from libs/{{to}}/src/index.ts).",
      intoLibSrc:
        "Relative import into libs/{{to}}/src from outside libs: import it as '@werkbrug/{{to}}'.",
      upward:
        "Lib '{{from}}' (layer {{fromLayer}}) imports '@werkbrug/{{to}}' (layer {{toLayer}}): a lib may import only libs on a lower layer (LIB_LAYERS in eslint.config.mjs). Move the shared part down, or the caller up (for example into apps/api).",
      unknownLib:
        "Lib '{{lib}}' has no layer: add it to LIB_LAYERS in eslint.config.mjs (above the libs it imports, below the libs that import it).",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const fromLib = libOf(file);
    const layerOf = (lib) => (Object.hasOwn(LIB_LAYERS, lib) ? LIB_LAYERS[lib] : undefined);
    const checkAlias = (node, source) => {
      if (!fromLib) return;
      const toLib = source.slice('@werkbrug/'.length).split('/')[0];
      if (toLib === fromLib) return;
      const fromLayer = layerOf(fromLib);
      const toLayer = layerOf(toLib);
      if (fromLayer === undefined || toLayer === undefined) {
        context.report({
          node: node.source,
          messageId: 'unknownLib',
          data: { lib: fromLayer === undefined ? fromLib : toLib },
        });
      } else if (toLayer >= fromLayer) {
        context.report({
          node: node.source,
          messageId: 'upward',
          data: { from: fromLib, fromLayer, to: toLib, toLayer },
        });
      }
    };
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string') return;
      if (source.startsWith('@werkbrug/')) return checkAlias(node, source);
      if (!source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const toLib = libOf(target);
      if (!toLib) return;
      const parts = path.relative(root, target).split(path.sep);
      if (fromLib && fromLib !== toLib) {
        context.report({
          node: node.source,
          messageId: 'crossLib',
          data: { from: fromLib, to: toLib },
        });
      } else if (!fromLib && parts[2] === 'src') {
        context.report({ node: node.source, messageId: 'intoLibSrc', data: { to: toLib } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

/**
 * Raw SQL runs through queryRows<Row>() from @werkbrug/database, which makes each call declare its
 * rows; TypeORM's own query() (DataSource, EntityManager, QueryRunner) answers `any`. Found by type:
 * the called `query` is the one TypeORM declares.
 */
const typedSql = {
  meta: {
    type: 'problem',
    messages: {
      rawQuery:
        "TypeORM's query() returns `any`: run raw SQL as queryRows<Row>(runner, sql, params) from '@werkbrug/database', with Row the shape of its rows.",
    },
    schema: [],
  },
  create(context) {
    const services = context.sourceCode.parserServices;
    if (!services?.program) return {};
    const checker = services.program.getTypeChecker();
    return {
      "CallExpression > MemberExpression.callee[property.name='query']"(node) {
        const tsNode = services.esTreeNodeToTSNodeMap.get(node.property);
        const symbol = checker.getSymbolAtLocation(tsNode);
        const declared = symbol?.declarations?.[0]?.getSourceFile().fileName ?? '';
        if (/[\\/]node_modules[\\/]typeorm[\\/]/.test(declared))
          context.report({ node, messageId: 'rawQuery' });
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', '.werkbrug/**', 'coverage/**', '.test-stack/**'],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
      // Type-aware rules: every .ts file is in tsconfig.json, so the project service finds its program.
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { werkbrug: { rules: { 'lib-boundaries': libBoundaries, 'typed-sql': typedSql } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      // A promise nobody awaits loses its error (an unhandled rejection) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // A new member of a union (a status, a role, a topic) must be handled in every switch over it.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: false },
      ],
      'werkbrug/lib-boundaries': 'error',
      'no-console': 'off',
    },
  },
  {
    // "Today" is the Dutch date (today() in @werkbrug/domain). PostgreSQL's current_date is the
    // server's time zone (UTC in the embedded default): a day behind between midnight and 01:00.
    files: ['libs/**/*.ts', 'apps/api/**/*.ts', 'apps/worker/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...['Literal[value=/current_date/i]', 'TemplateElement[value.raw=/current_date/i]'].map(
          (selector) => ({
            selector,
            message:
              "PostgreSQL's current_date is the server's time zone, not the Dutch date: pass today() from @werkbrug/domain as a $n::date parameter.",
          }),
        ),
      ],
    },
  },
  {
    // Raw SQL answers `any` (TypeORM's query<T = any>): every row gets a declared type through
    // queryRows<Row>() from @werkbrug/database, and these rules stop an untyped value flowing on.
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: [
      // Tests build fixtures, read responses and poke at internals freely; the rules guard the
      // shipped code, and a test that reads the wrong shape fails on its own assertions.
      '**/*.spec.ts',
      '**/*.e2e-spec.ts',
      'test/**',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      'werkbrug/typed-sql': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
      },
    },
  },
);
