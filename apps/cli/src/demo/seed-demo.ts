import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '@werkbrug/auth';
import { loadLauncherConfig, secretBoxFor, type SecretBox } from '@werkbrug/config';
import { seedPostcodeAreas } from '@werkbrug/geo';
import {
  generateCandidate,
  CANDIDATE_COLUMNS,
  PROTECTED_COLUMNS,
  type Caseload,
  type GeneratedCandidate,
} from './demo-candidates';
import { generateEmployers, type DemoEmployer } from './demo-employers';
import { insertContactMoments } from './demo-contacts';
import { insertDemoProposals } from './demo-proposals';
import { DEMO_ORGANISATIONS, FERM_WERK } from './demo-organisations';
import { insertPlacements } from './demo-placements';
import { STORY, storyCandidate, storyEmployer, storyWorkplaces } from './demo-story';
import { insertTrajectories } from './demo-trajectories';
import { generateVacancy, VACANCY_COLUMNS, type VacancyRecord } from './demo-vacancies';
import { WERKSOORT_CODES, type WerksoortCode } from './demo-werksoorten';
import { insertRows } from './insert-rows';
import { Random, WeightedTable } from './random';
import { queryRows } from '@werkbrug/database';

export interface SeedDemoOptions {
  vacancies: number;
  candidates: number;
  /** Same seed, same demo region (given the same reference date). */
  seed?: number;
  log?: (line: string) => void;
  /** The one password of every demo user. */
  password: string;
  /** Employers to create; by default 60, growing with the vacancies to about 50 each, at most 2000. */
  employers?: number;
  /** Reference date for relative dates (start dates, birthdays, ladder measurements); default today. */
  today?: Date;
  /** Seals the demo staff's TOTP secret; default: the server's key from the environment. */
  secretBox?: SecretBox;
}

/**
 * The one TOTP secret of every demo werkmakelaar (README "Demo walkthrough"): add it to any
 * authenticator app, or run `npm run cli -- totp` for the current code.
 */
export const DEMO_TOTP_SECRET = 'WERKBRUGDEMOTWEESTAPSINLOGGENXYZ';

/** The server's SecretBox as the API sees it, from the environment the CLI runs in. */
export function secretBoxFromEnv(env: NodeJS.ProcessEnv = process.env): SecretBox {
  return secretBoxFor({
    secretKey: env.WERKBRUG_SECRET_KEY || null,
    dataDir: loadLauncherConfig(env).dataDir,
    databaseUrl: env.DATABASE_URL ?? '',
    meiliKey: env.MEILI_MASTER_KEY ?? env.MEILI_API_KEY ?? '',
  });
}

/** The demo staff sign in with a second factor: all of them with DEMO_TOTP_SECRET, set up already. */
async function enrolDemoStaff(em: EntityManager, box: SecretBox): Promise<number> {
  const staff = await queryRows<{ id: string }>(
    em,
    `SELECT id FROM users WHERE role IN ('werkmakelaar', 'admin') AND email LIKE '%.demo'
        AND NOT EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = users.id)`,
  );
  for (const { id } of staff)
    await queryRows(
      em,
      `INSERT INTO second_factors (user_id, secret_sealed, enrolled_at) VALUES ($1, $2, now())`,
      [id, box.seal(DEMO_TOTP_SECRET, `totp:${id}`)],
    );
  return staff.length;
}

export interface SeedDemoResult {
  organisations: number;
  employers: number;
  vacancies: number;
  candidates: number;
  users: number;
}

export const DEFAULT_DEMO_SEED = 20251123;

/** ~500 rows per statement keeps bind parameters (500 × 35 for vacancies) under PostgreSQL's 65,535. */
const BATCH_SIZE = 500;
const WERKGEVER_USERS = 6;
const KANDIDAAT_USERS = 5;
/** At most this share of the candidates has a running placement. */
const PLACED_SHARE = 0.15;

interface UserRecord {
  id: string;
  email: string;
  password_hash: string;
  role: 'werkmakelaar' | 'werkgever' | 'kandidaat';
  organisation_id: string;
  employer_id: string | null;
  candidate_id: string | null;
  display_name: string;
}
const USER_COLUMNS: readonly (keyof UserRecord)[] = [
  'id',
  'email',
  'password_hash',
  'role',
  'organisation_id',
  'employer_id',
  'candidate_id',
  'display_name',
];

interface OrganisationRecord {
  id: string;
  kind: string;
  name: string;
  region: string;
}
const ORGANISATION_COLUMNS: readonly (keyof OrganisationRecord)[] = [
  'id',
  'kind',
  'name',
  'region',
];

/**
 * Fills a realistic demo region: the Ferm Werk werkbedrijf, its four gemeenten and a
 * re-integratiebedrijf with werkmakelaars, regional employers with vacancies, and candidates, with
 * running placements behind every filled place, proposals that fit, trajectories and contact moments.
 * The three README accounts share one story (demo-story.ts): kandidaat1 in werkmakelaar1's caseload,
 * werkgever1's lunchroom with her best match. Does nothing when the organisation Ferm Werk already exists.
 *
 * Everything happens in one transaction, so a failed run leaves no half region behind and
 * the next run starts cleanly; batches of multi-row INSERTs keep 100,000s of rows fast.
 */
export async function seedDemo(db: DataSource, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = options.log ?? (() => undefined);
  for (const key of ['vacancies', 'candidates'] as const) {
    if (!Number.isInteger(options[key]) || options[key] < 0) {
      throw new Error(`seedDemo: ${key} must be a whole number of 0 or more`);
    }
  }
  const existing = await queryRows<unknown>(db, `SELECT 1 FROM organisations WHERE name = $1`, [
    FERM_WERK,
  ]);
  if (existing.length > 0) {
    log(`demo data exists (organisation '${FERM_WERK}' found): nothing inserted`);
    return countAll(db);
  }

  const werksoortIds = await loadWerksoorten(db);
  // Hashed once and shared: demo users have one password, and argon2 is slow on purpose.
  const passwordHash = await hashPassword(options.password);
  const root = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const now = options.today ?? new Date();
  const today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
  const employerCount =
    options.employers ?? Math.max(60, Math.min(2000, Math.ceil(options.vacancies / 50)));

  const result = await db.transaction(async (em) => {
    await seedPostcodeAreas(em);
    const taken = new Set(
      (await queryRows<{ name: string }>(em, `SELECT name FROM organisations`)).map((r) => r.name),
    );

    const caseloads = await insertCaseloadOrganisations(
      em,
      root.fork('organisations'),
      passwordHash,
    );
    // The demo story (demo-story.ts): werkgever1's lunchroom comes first, then the generated employers.
    const story = root.fork('story');
    const lunchroom = storyEmployer(story);
    const employers = [
      lunchroom,
      ...generateEmployers(
        root.fork('employers'),
        employerCount - 1,
        new Set([...taken, lunchroom.name]),
        new Set([lunchroom.kvkNumber]),
      ),
    ];
    // Ferm Werk, the regional werkbedrijf, brought the employers in; its region is theirs.
    const fermWerk = DEMO_ORGANISATIONS.findIndex((o) => o.name === FERM_WERK);
    await insertEmployers(
      em,
      employers,
      {
        organisationId: caseloads[fermWerk].organisationId,
        region: DEMO_ORGANISATIONS[fermWerk].region,
      },
      log,
    );
    const werkgevers = await insertWerkgeverUsers(
      em,
      root.fork('werkgevers'),
      employers,
      passwordHash,
    );
    // The lunchroom's workplaces come first; kandidaat1's has two places, one filled by an earlier placement.
    const lunchroomWorkplaces = storyWorkplaces(story, lunchroom, werksoortIds, today).slice(
      0,
      options.vacancies,
    );
    const workplace = lunchroomWorkplaces[0] ?? null;
    const wanted = new Map<string, number>(workplace ? [[workplace.id, 1]] : []);
    await insertVacancies(
      em,
      root.fork('vacancies'),
      employers,
      werksoortIds,
      { total: options.vacancies, first: lunchroomWorkplaces, wanted },
      today,
      log,
    );
    // kandidaat1 is in werkmakelaar1's caseload at Ferm Werk (werkmakelaar1 is its first werkmakelaar).
    const noor =
      options.candidates > 0
        ? storyCandidate(
            story,
            caseloads[fermWerk].organisationId,
            caseloads[fermWerk].werkmakelaarIds[0],
            today,
          )
        : null;
    const kandidaten = await insertCandidates(
      em,
      root.fork('candidates'),
      caseloads,
      { total: options.candidates, first: noor },
      today,
      passwordHash,
      log,
    );
    const storyIds = new Set(noor ? [noor.candidate.id] : []);
    // Filled places are real placements of fitting candidates; kandidaat1 stays free for the walkthrough.
    const placements = await insertPlacements(em, root.fork('placements'), wanted, today, {
      exclude: storyIds,
      thorough: new Set(workplace ? [workplace.id] : []),
      maxShare: PLACED_SHARE,
    });
    log(`demo placements: ${placements} running, each filled place a placement`);
    // werkgever1's lunchroom gets proposals to answer, each a fit by the matching engine.
    const proposals = await insertDemoProposals(em, {
      employerId: lunchroom.id,
      werkmakelaarEmail: STORY.werkmakelaarEmail,
      count: 8,
      exclude: [...storyIds],
    });
    log(`demo proposals: ${proposals} for ${lunchroom.name}, each a fit by the matching engine`);
    // Trajectories, hours, ladder histories and switches, so the outcome reports show real numbers.
    await insertTrajectories(em, root.fork('trajectories'), today, log);
    // Contact moments in the 14-day rhythm, so "Geen contact" flags the few who slipped.
    const contacts = await insertContactMoments(em, root.fork('contacts'), today, storyIds);
    log(
      `demo contact moments: ${contacts.moments} (${contacts.slipped} candidates out of the 14-day rhythm)`,
    );
    const werkmakelaars = caseloads.reduce((n, c) => n + c.werkmakelaarIds.length, 0);
    await enrolDemoStaff(em, options.secretBox ?? secretBoxFromEnv());
    return {
      organisations: DEMO_ORGANISATIONS.length + employers.length,
      employers: employers.length,
      vacancies: options.vacancies,
      candidates: options.candidates,
      users: werkmakelaars + werkgevers.length + kandidaten.length,
      logins: [STORY.werkmakelaarEmail, ...werkgevers.slice(0, 1), ...kandidaten.slice(0, 1)],
      story:
        noor && workplace
          ? `${noor.displayName} (kandidaat1) fits '${workplace.title}' at ${lunchroom.name} (werkgever1)`
          : null,
    };
  });

  // The caller reports the counts and timing; the logins are only known here.
  const { logins, story, ...counts } = result;
  log(`demo logins (all with the demo password): ${logins.join(', ')}`);
  log(
    `demo werkmakelaars sign in with a code of the TOTP secret ${DEMO_TOTP_SECRET} (any authenticator app, or: npm run cli -- totp)`,
  );
  if (story) log(`demo story: ${story}; README.md "Demo walkthrough" plays it`);
  return counts;
}

async function loadWerksoorten(db: DataSource): Promise<Map<WerksoortCode, string>> {
  const rows = await queryRows<{ id: string; code: WerksoortCode }>(
    db,
    `SELECT id, code FROM werksoorten WHERE code = ANY($1)`,
    [WERKSOORT_CODES],
  );
  const ids = new Map(rows.map((r) => [r.code, r.id]));
  const missing = WERKSOORT_CODES.filter((code) => !ids.has(code));
  if (missing.length > 0) {
    throw new Error(`seed the werksoorten before the demo region; missing: ${missing.join(', ')}`);
  }
  return ids;
}

async function countAll(db: DataSource): Promise<SeedDemoResult> {
  const [row] = await queryRows<SeedDemoResult>(
    db,
    `SELECT (SELECT count(*) FROM organisations)::int AS organisations,
            (SELECT count(*) FROM employers)::int AS employers,
            (SELECT count(*) FROM vacancies)::int AS vacancies,
            (SELECT count(*) FROM candidates)::int AS candidates,
            (SELECT count(*) FROM users)::int AS users`,
  );
  return row;
}

interface WeightedCaseload extends Caseload {
  share: number;
}

/** Ferm Werk, the gemeenten and Loket3, each with its werkmakelaars (werkmakelaar1@fermwerk.demo). */
async function insertCaseloadOrganisations(
  em: EntityManager,
  rng: Random,
  passwordHash: string,
): Promise<WeightedCaseload[]> {
  const organisations: OrganisationRecord[] = [];
  const users: UserRecord[] = [];
  const caseloads: WeightedCaseload[] = [];
  for (const spec of DEMO_ORGANISATIONS) {
    const id = rng.uuid();
    organisations.push({ id, kind: spec.kind, name: spec.name, region: spec.region });
    const werkmakelaarIds = spec.werkmakelaars.map((displayName, i) => {
      const user: UserRecord = {
        id: rng.uuid(),
        email: `werkmakelaar${i + 1}@${spec.domain}`,
        password_hash: passwordHash,
        role: 'werkmakelaar',
        organisation_id: id,
        employer_id: null,
        candidate_id: null,
        display_name: displayName,
      };
      users.push(user);
      return user.id;
    });
    caseloads.push({
      organisationId: id,
      werkmakelaarIds,
      municipality: spec.municipality,
      neighbourShare: spec.neighbourShare,
      share: spec.candidateShare,
    });
  }
  await insertRows(em, 'organisations', ORGANISATION_COLUMNS, organisations);
  await insertRows(em, 'users', USER_COLUMNS, users);
  return caseloads;
}

async function insertEmployers(
  em: EntityManager,
  employers: readonly DemoEmployer[],
  owner: { organisationId: string; region: string },
  log: (line: string) => void,
): Promise<void> {
  for (let start = 0; start < employers.length; start += BATCH_SIZE) {
    const batch = employers.slice(start, start + BATCH_SIZE);
    await insertRows(
      em,
      'organisations',
      ORGANISATION_COLUMNS,
      batch.map((e) => ({
        id: e.organisationId,
        kind: 'werkgever',
        name: e.name,
        region: e.area.municipality,
      })),
    );
    await insertRows(
      em,
      'employers',
      [
        'id',
        'organisation_id',
        'owner_organisation_id',
        'region',
        'name',
        'kvk_number',
        'sbi_code',
        'sbi_version',
        'contact_name',
        'contact_email',
        'contact_phone',
      ],
      batch.map((e) => ({
        id: e.id,
        organisation_id: e.organisationId,
        owner_organisation_id: owner.organisationId,
        region: owner.region,
        name: e.name,
        kvk_number: e.kvkNumber,
        sbi_code: e.sbiCode,
        sbi_version: '2008',
        contact_name: e.contactName,
        contact_email: e.contactEmail,
        contact_phone: e.contactPhone,
      })),
    );
    await insertRows(
      em,
      'employer_locations',
      ['employer_id', 'address', 'postcode', 'place', 'lat', 'lng'],
      batch.map((e) => ({ employer_id: e.id, ...e.location })),
    );
    log(`employers ${start + batch.length}/${employers.length}`);
  }
}

/** A werkgever login for the first employers (one per sector): werkgever1@<slug>.demo. */
async function insertWerkgeverUsers(
  em: EntityManager,
  rng: Random,
  employers: readonly DemoEmployer[],
  passwordHash: string,
): Promise<string[]> {
  const users: UserRecord[] = employers.slice(0, WERKGEVER_USERS).map((e) => ({
    id: rng.uuid(),
    email: `werkgever1@${e.slug}.demo`,
    password_hash: passwordHash,
    role: 'werkgever',
    organisation_id: e.organisationId,
    employer_id: e.id,
    candidate_id: null,
    display_name: e.contactName,
  }));
  await insertRows(em, 'users', USER_COLUMNS, users);
  return users.map((u) => u.email);
}

/**
 * `total` workplaces: `first` (the story's lunchroom's) and generated ones. The places a generated workplace
 * has filled go into `wanted` and the row starts with none filled: insertPlacements fills them with
 * real placements and counts them.
 */
async function insertVacancies(
  em: EntityManager,
  rng: Random,
  employers: readonly DemoEmployer[],
  werksoortIds: ReadonlyMap<WerksoortCode, string>,
  plan: { total: number; first: readonly VacancyRecord[]; wanted: Map<string, number> },
  today: Date,
  log: (line: string) => void,
): Promise<void> {
  const { total, first, wanted } = plan;
  const byEmployer = new WeightedTable(employers.map((e) => [e, e.size] as const));
  for (let done = 0; done < total; ) {
    const count = Math.min(BATCH_SIZE, total - done);
    const rows = Array.from(
      { length: count },
      (_, i) => first[done + i] ?? generateVacancy(rng, byEmployer.pick(rng), werksoortIds, today),
    );
    for (const row of rows) {
      if (row.places_filled > 0) wanted.set(row.id, row.places_filled);
      row.places_filled = 0;
    }
    await insertRows(em, 'vacancies', VACANCY_COLUMNS, rows);
    done += count;
    log(`vacancies ${done}/${total}`);
  }
}

/**
 * `total` candidates with their protected part: `first` (the story's kandidaat1) and generated ones;
 * the first few get a kandidaat login (kandidaat1@demo.werkbrug, kandidaat2@…).
 */
async function insertCandidates(
  em: EntityManager,
  rng: Random,
  caseloads: readonly WeightedCaseload[],
  plan: { total: number; first: GeneratedCandidate | null },
  today: Date,
  passwordHash: string,
  log: (line: string) => void,
): Promise<string[]> {
  const { total, first } = plan;
  const byCaseload = new WeightedTable(caseloads.map((c) => [c, c.share] as const));
  const users: UserRecord[] = [];
  for (let done = 0; done < total; ) {
    const count = Math.min(BATCH_SIZE, total - done);
    const generated = Array.from({ length: count }, (_, i) =>
      done === 0 && i === 0 && first ? first : generateCandidate(rng, byCaseload.pick(rng), today),
    );
    for (const g of generated) {
      if (users.length >= KANDIDAAT_USERS) break;
      const email = `kandidaat${users.length + 1}@demo.werkbrug`;
      g.protectedData.email = email;
      users.push({
        id: rng.uuid(),
        email,
        password_hash: passwordHash,
        role: 'kandidaat',
        organisation_id: g.candidate.organisation_id,
        employer_id: null,
        candidate_id: g.candidate.id,
        display_name: g.displayName,
      });
    }
    await insertRows(
      em,
      'candidates',
      CANDIDATE_COLUMNS,
      generated.map((g) => g.candidate),
    );
    await insertRows(
      em,
      'candidate_protected',
      PROTECTED_COLUMNS,
      generated.map((g) => g.protectedData),
    );
    done += count;
    log(`candidates ${done}/${total}`);
  }
  await insertRows(em, 'users', USER_COLUMNS, users);
  return users.map((u) => u.email);
}
