import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Each module owns its tables: only the owner writes a table in SQL;
 * another module changes it through the owner's service. Every table the migrations create has an
 * owner here, so a new table cannot slip past. Reads are free (joins for names, scoping) except for
 * the guarded tables below. Tooling (apps/cli, libs/matching/eval, migrations) is not scanned.
 */
const ROOT = path.join(__dirname, '..', '..', '..');
const LIBS = path.join(ROOT, 'libs');
const MIGRATIONS = path.join(ROOT, 'migrations');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return files(full);
    return name.endsWith('.ts') && !/\.(e2e-)?spec\.ts$/.test(name) ? [full] : [];
  });
}

const sources = readdirSync(LIBS)
  .filter((lib) => statSync(path.join(LIBS, lib, 'src')).isDirectory())
  .flatMap((lib) => files(path.join(LIBS, lib, 'src')).map((file) => ({ lib, file })));

/** The up() half of a migration (what a down() drops again does not count). */
const upOf = (source: string) => source.split(/async down\(/)[0] ?? source;
const migrationUps = readdirSync(MIGRATIONS)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => upOf(readFileSync(path.join(MIGRATIONS, name), 'utf8')));
const namesIn = (pattern: RegExp) =>
  migrationUps.flatMap((up) => [...up.matchAll(pattern)].map((m) => m[1] as string));

/** Every table the migrations create and have not dropped again in a later up(). */
const dropped = new Set(namesIn(/DROP TABLE (?:IF EXISTS )?"?([a-z_]+)"?/gi));
const tables = new Set(
  namesIn(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/gi).filter((t) => !dropped.has(t)),
);

/** A table is owned by the lib that declares its @Entity … */
const owner = new Map<string, string>();
for (const { lib, file } of sources) {
  for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\('([a-z_]+)'\)/g))
    owner.set(m[1] as string, lib);
}
/** … or, for a table without an entity, by the lib named here. */
const OWNER_WITHOUT_ENTITY: Record<string, string> = {
  auth_links: 'auth',
  user_browsers: 'auth',
  employer_proposal_marks: 'werkgever-pages',
  geocode_cache: 'geo',
  identity_provider_domains: 'auth',
  import_jobs: 'import',
  import_links: 'import',
  postcode_areas: 'geo',
  recovery_codes: 'auth',
  second_factors: 'auth',
  interest_signals: 'interests',
  ladder_measurements: 'trajectories',
  learning_goals: 'trajectories',
  match_alert_known: 'alerts',
  match_alert_subscriptions: 'alerts',
  organisation_identity_providers: 'auth',
  outbox_workers: 'outbox',
  retention_runs: 'privacy',
  terms_acceptances: 'web',
  trajectories: 'trajectories',
  trajectory_hours: 'trajectories',
  trajectory_rules: 'trajectories',
  trajectory_transitions: 'trajectories',
  web_sessions: 'web',
};
for (const [table, lib] of Object.entries(OWNER_WITHOUT_ENTITY)) owner.set(table, lib);

/**
 * Writes across a boundary that remain, each with its reason. Adding to this list is a design
 * decision, not a way to make the test pass.
 */
const ALLOWED_WRITES = new Set([
  // Erasure is the one routine that blanks a candidate file and its accounts, in one transaction.
  'privacy → candidates',
  'privacy → candidate_protected',
  'privacy → users',
  // An employer is its own tenant: creating or removing one creates or removes its organisation.
  'employers → organisations',
  // The very first start creates the administrators' organisation with the first administrator.
  'auth → organisations',
]);

/**
 * Tables whose rows only their owner reads; others ask the owner's service, which states and audits
 * the purpose (CandidatesService.protectedFactsFor for candidate_protected: contact details, health
 * and benefit facts, AVG art. 9).
 */
const GUARDED_READS = new Set(['candidate_protected']);
/** Reads of a guarded table outside its owner that remain, each with its reason. */
const ALLOWED_READS = new Set<string>([
  // Erasure must wipe the protected part and export must hand all of it over (AVG art. 17, 15):
  // both run in one transaction with the rest of the file.
  'privacy → candidate_protected',
]);

const allowedEntityRead = (lib: string, _file: string) =>
  ALLOWED_READS.has(`${lib} → candidate_protected`);

/** The SQL text of a file: its string and template literals (so comments and names do not count). */
function sqlOf(text: string): string {
  return [...text.matchAll(/`[^`]*`|'(?:[^'\\\n]|\\.)*'/g)].map((m) => m[0]).join('\n');
}

function crossings(pattern: RegExp, allowed: Set<string>, only?: Set<string>): string[] {
  const found = new Set<string>();
  for (const { lib, file } of sources) {
    for (const m of sqlOf(readFileSync(file, 'utf8')).matchAll(pattern)) {
      const table = m[1] as string;
      if (only && !only.has(table)) continue;
      const tableOwner = owner.get(table);
      if (tableOwner && tableOwner !== lib) {
        const key = `${lib} → ${table}`;
        if (!allowed.has(key)) found.add(`${key} (${path.relative(LIBS, file)})`);
      }
    }
  }
  return [...found].sort();
}

describe('each module owns its tables', () => {
  it('finds every table of the migrations, and an owner for each', () => {
    expect(tables.size).toBeGreaterThanOrEqual(38);
    // Dropped by a later migration's up(): no longer a table, so it needs no owner.
    expect(tables.has('password_reset_tokens')).toBe(false);
    expect([...tables].filter((t) => !owner.has(t))).toEqual([]);
    expect(owner.get('vacancies')).toBe('vacancies');
    expect(owner.get('trajectory_hours')).toBe('trajectories');
  });

  it('names no owner for a table the migrations do not create', () => {
    expect([...owner.keys()].filter((t) => !tables.has(t))).toEqual([]);
  });

  it('has no SQL write to a table of another module', () => {
    expect(
      crossings(/\b(?:UPDATE|INSERT\s+INTO|DELETE\s+FROM)\s+"?([a-z_]+)/gi, ALLOWED_WRITES),
    ).toEqual([]);
  });

  it('reads a guarded table only in its owner', () => {
    // A read in SQL (DELETE FROM is a write, checked above) …
    const inSql = crossings(
      /(?<!DELETE\s+)\b(?:FROM|JOIN)\s+"?([a-z_]+)/gi,
      ALLOWED_READS,
      GUARDED_READS,
    );
    // … or through the entity (a repository or the protectedData relation of Candidate).
    const throughEntity = sources
      .filter(({ lib, file }) => lib !== 'candidates' && !allowedEntityRead(lib, file))
      .filter(({ file }) =>
        /\bprotectedData\b|\bCandidateProtected\b/.test(readFileSync(file, 'utf8')),
      )
      .map(({ lib, file }) => `${lib} → candidate_protected (${path.relative(LIBS, file)})`);
    expect([...inSql, ...throughEntity]).toEqual([]);
  });
});
