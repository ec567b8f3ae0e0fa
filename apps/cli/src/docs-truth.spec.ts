import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CLI_COMMANDS } from './command-names';

/**
 * Keeps README.md and docs/*.md true to the code: every `npm run` script, CLI command and
 * environment variable they name exists, relative links lead somewhere, and the README's
 * configuration table lists every environment variable the code reads. The known names come from
 * package.json, the CLI's command list and the TypeScript source itself, never from a copy here.
 */

const ROOT = path.resolve(__dirname, '../../..');
const SOURCE_DIRS = ['libs', 'apps', 'test'];

/**
 * Variables the code reads that are not configuration, so the README's table leaves them out.
 * Each with the reason.
 */
const NOT_CONFIGURATION: Record<string, string> = {
  HOME: "the operating system's, passed on to child processes in tests",
  PATH: "the operating system's, passed on to child processes in tests",
  WERKBRUG_SUPERVISED: 'set by `npm start` for the API and worker it supervises',
  WERKBRUG_SUPERVISOR: 'set by `npm start` for its own supervisor process',
};

/** Variables of other programs that the docs may name (in commands to copy). */
const OTHER_PROGRAMS: Record<string, string> = {
  FAKETIME_DONT_FAKE_MONOTONIC: 'faketime, for the time-of-day run of the suite',
  POSTGRES_USER: 'the official PostgreSQL image, in the docker compose backup commands',
  POSTGRES_DB: 'the official PostgreSQL image, in the docker compose backup commands',
};

// ---------------------------------------------------------------------------------------------
// What the code has

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const isEnv = (node: ts.Expression) =>
  (ts.isIdentifier(node) && node.text === 'env') ||
  (ts.isPropertyAccessExpression(node) && node.name.text === 'env');

/**
 * Walks one file's syntax tree (comments are not in it). An environment variable is read as
 * `env.X` / `process.env.X` / `env['X']`, as `helper(env, 'X', …)` (the config readers), or named
 * by a parameter whose name ends in `Variable` (`portVariable: 'METRICS_PORT' | …`). Code names
 * are UPPER_SNAKE identifiers and string literals: constants, problem codes, reason codes.
 */
function scanSource(file: string, envReads: Set<string>, codeNames: Set<string>) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node) && isEnv(node.expression)) envReads.add(node.name.text);
    if (
      ts.isElementAccessExpression(node) &&
      isEnv(node.expression) &&
      ts.isStringLiteral(node.argumentExpression)
    )
      envReads.add(node.argumentExpression.text);
    if (ts.isCallExpression(node)) {
      const at = node.arguments.findIndex((a) => isEnv(a));
      const name = at >= 0 ? node.arguments[at + 1] : undefined;
      if (name && ts.isStringLiteral(name) && UPPER_SNAKE.test(name.text)) envReads.add(name.text);
    }
    if (ts.isParameter(node) && /variable$/i.test(node.name.getText(source)) && node.type) {
      const types = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
      for (const t of types)
        if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) envReads.add(t.literal.text);
    }
    if ((ts.isIdentifier(node) || ts.isStringLiteralLike(node)) && UPPER_SNAKE.test(node.text))
      codeNames.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function scanCode() {
  const envReads = new Set<string>();
  const codeNames = new Set<string>();
  for (const dir of SOURCE_DIRS)
    for (const file of sourceFiles(path.join(ROOT, dir))) scanSource(file, envReads, codeNames);
  return { envReads, codeNames };
}

const { envReads: ENV_READS, codeNames: CODE_NAMES } = scanCode();
const NPM_SCRIPTS = new Set(
  Object.keys(
    (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: object })
      .scripts,
  ),
);
const CLI = new Set<string>(CLI_COMMANDS);

// ---------------------------------------------------------------------------------------------
// What a page says

interface Doc {
  file: string;
  text: string;
}

interface Line {
  no: number;
  text: string;
  fenced: boolean;
}

function linesOf(doc: Doc): Line[] {
  let fenced = false;
  return doc.text.split('\n').map((text, i) => {
    const fence = /^\s*```/.test(text);
    if (fence) fenced = !fenced;
    return { no: i + 1, text, fenced: fenced || fence };
  });
}

/** Every match of `pattern` (with a first group), with where it is. */
function found(doc: Doc, pattern: RegExp, where: (l: Line) => boolean = () => true) {
  return linesOf(doc)
    .filter(where)
    .flatMap((l) =>
      [...l.text.matchAll(pattern)].map((m) => ({ at: `${doc.file}:${l.no}`, name: m[1] })),
    );
}

const inlineCode = (l: Line) =>
  l.fenced ? [] : [...l.text.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

const ENV_TOKEN = /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\b/g;

type Check = (doc: Doc) => string[];

const npmScriptsExist: Check = (doc) =>
  found(doc, /\bnpm run ([a-z][\w:-]*)/g)
    .filter(({ name }) => !NPM_SCRIPTS.has(name))
    .map(({ at, name }) => `${at}: "npm run ${name}" is not a script in package.json`);

const cliCommandsExist: Check = (doc) =>
  [
    ...found(doc, /\bnpm run cli -- ([a-z][\w-]*)/g),
    ...found(doc, /\bdist\/apps\/cli\/src\/main\.js ([a-z][\w-]*)/g),
  ]
    .filter(({ name }) => !CLI.has(name))
    .map(({ at, name }) => `${at}: "${name}" is not a CLI command (apps/cli/src/command-names.ts)`);

/**
 * In inline code, an UPPER_SNAKE name must be a variable the code reads, a name the code has (a
 * constant or a code such as `TOO_FAR`), or another program's variable. In a command block,
 * `NAME=value` sets a variable: it must be one the code reads (or another program's).
 */
const environmentVariablesAreRead: Check = (doc) => {
  const inProse = linesOf(doc).flatMap((l) =>
    inlineCode(l).flatMap((code) =>
      [...code.matchAll(ENV_TOKEN)]
        .map((m) => m[1])
        .filter(
          (name) => !ENV_READS.has(name) && !CODE_NAMES.has(name) && !(name in OTHER_PROGRAMS),
        )
        .map(
          (name) =>
            `${doc.file}:${l.no}: \`${name}\` is not an environment variable the code reads`,
        ),
    ),
  );
  const inCommands = found(doc, /(?:^|\s)([A-Z][A-Z0-9_]*)=/g, (l) => l.fenced)
    .filter(({ name }) => !ENV_READS.has(name) && !(name in OTHER_PROGRAMS))
    .map(({ at, name }) => `${at}: ${name}=… sets a variable the code does not read`);
  return [...inProse, ...inCommands];
};

const relativeLinksResolve: Check = (doc) =>
  found(doc, /\]\(([^)#\s]+)(?:#[^)]*)?\)/g)
    .filter(({ name }) => !/^[a-z]+:/.test(name))
    .filter(({ name }) => !existsSync(path.join(ROOT, path.dirname(doc.file), name)))
    .map(({ at, name }) => `${at}: link to ${name}, which does not exist`);

/** The names in the first column of the README's "Configuration" table. */
function configurationTable(readme: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration'));
  if (!section) return [];
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)])
    .map((m) => m[1]);
}

// ---------------------------------------------------------------------------------------------

function docs(): Doc[] {
  const pages = readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`);
  return ['README.md', ...pages].map((file) => ({
    file,
    text: readFileSync(path.join(ROOT, file), 'utf8'),
  }));
}

const CHECKS: Array<[string, Check]> = [
  ['every `npm run X` is a script in package.json', npmScriptsExist],
  ['every `npm run cli -- X` is a CLI command', cliCommandsExist],
  ['every environment variable named is one the code reads', environmentVariablesAreRead],
  ['every relative link leads to a file', relativeLinksResolve],
];

describe('the documentation is true to the code', () => {
  const pages = docs();

  it('reads the code: it found the known variables and commands', () => {
    // Guards the scanners themselves: if these stop being found, the checks below prove nothing.
    expect([...ENV_READS]).toEqual(
      expect.arrayContaining(['DATABASE_URL', 'OUTBOX_BATCH_SIZE', 'METRICS_PORT', 'NO_COLOR']),
    );
    expect(CODE_NAMES).toContain('TOO_FAR');
    expect(NPM_SCRIPTS).toContain('cli');
    expect(pages.map((p) => p.file)).toContain('docs/architecture.md');
  });

  it.each(CHECKS)('%s', (_, check) => {
    expect(pages.flatMap(check)).toEqual([]);
  });

  it("the README's configuration table lists every environment variable the code reads", () => {
    const table = new Set(configurationTable(pages[0].text));
    const missing = [...ENV_READS].filter((n) => !table.has(n) && !(n in NOT_CONFIGURATION));
    expect(missing.sort()).toEqual([]);
  });

  it("the README's configuration table names only variables the code reads", () => {
    const unread = configurationTable(pages[0].text).filter((n) => !ENV_READS.has(n));
    expect(unread).toEqual([]);
  });
});

describe('the checks catch what they are for', () => {
  const doc = (text: string): Doc => ({ file: 'docs/example.md', text });

  it.each<[string, Check, string, number]>([
    ['an unknown script', npmScriptsExist, 'run `npm run nope` first', 1],
    ['a known script', npmScriptsExist, 'then `npm run seed -- --demo`', 0],
    ['npm start and npm test', npmScriptsExist, '`npm start` and `npm test`', 0],
    ['an unknown CLI command', cliCommandsExist, '`npm run cli -- nope`', 1],
    [
      'an unknown command in a container',
      cliCommandsExist,
      'node dist/apps/cli/src/main.js nope',
      1,
    ],
    ['a known CLI command', cliCommandsExist, '`npm run cli -- backup --to DIR`', 0],
    ['an unknown variable', environmentVariablesAreRead, 'set `WERKBRUG_NOPE`', 1],
    ['a known variable', environmentVariablesAreRead, 'set `MEILI_URL=http://x`', 0],
    ['a problem code', environmentVariablesAreRead, 'answers `409 STALE_VERSION`', 0],
    [
      'an unknown variable set in a command',
      environmentVariablesAreRead,
      '```sh\nNOPE=1 npm start\n```',
      1,
    ],
    [
      'a known variable set in a command',
      environmentVariablesAreRead,
      '```sh\nPORT=8080 npm start\n```',
      0,
    ],
    ['a broken link', relativeLinksResolve, 'see [the page](nope.md)', 1],
    ['a link to a page', relativeLinksResolve, 'see [the page](architecture.md#layers)', 0],
    ['a web link', relativeLinksResolve, 'see [PDOK](https://api.pdok.nl/)', 0],
  ])('%s', (_, check, text, problems) => {
    expect(check(doc(text))).toHaveLength(problems);
  });

  it('reads the names of the configuration table', () => {
    const readme =
      '## Configuration\n\n| variable | meaning |\n|---|---|\n| `PORT`, `HOST` | where |\n\n## Next\n| `NOPE` | x |';
    expect(configurationTable(readme)).toEqual(['PORT', 'HOST']);
  });
});
