import { DataSource } from 'typeorm';
import { hashPassword, type Role } from '@werkbrug/auth';
import {
  enrolTestUser,
  freshCode,
  isStaff,
  knownRole,
  rememberRole,
  rememberSecret,
} from './second-factor';
import type { TestApp } from './test-app';

export const PASSWORD = 'Test-wachtwoord-lang-2026';
let passwordHash: Promise<string> | undefined;

export async function insertOrganisation(
  db: DataSource,
  kind: string,
  name: string,
): Promise<string> {
  const [row] = await db.query(
    `INSERT INTO organisations (kind, name, region) VALUES ($1, $2, 'Woerden') RETURNING id`,
    [kind, name],
  );
  return row.id;
}

export async function insertUser(
  db: DataSource,
  role: Role,
  email: string,
  organisationId: string,
  links: { employerId?: string; candidateId?: string } = {},
): Promise<string> {
  passwordHash ??= hashPassword(PASSWORD);
  const [row] = await db.query(
    `INSERT INTO users (email, password_hash, role, organisation_id, employer_id, candidate_id, display_name)
     VALUES ($1, $2, $3, $4, $5, $6, $1) RETURNING id`,
    [
      email,
      await passwordHash,
      role,
      organisationId,
      links.employerId ?? null,
      links.candidateId ?? null,
    ],
  );
  rememberRole(email, role);
  // Staff sign in with a second factor: set up already, with a secret the helpers can compute.
  if (isStaff(role)) await enrolTestUser(db, row.id, email);
  return row.id;
}

/**
 * POST /api/auth/token as the account's owner would: with a fresh code of their authenticator app
 * when the account needs one (a fixture-made staff user, or the server says MFA_REQUIRED); an
 * account without an app yet sets one up through the API first (MFA_SETUP_REQUIRED).
 */
export async function tokenResponseFor(t: TestApp, email: string, password = PASSWORD) {
  const role = knownRole(email);
  const first = await t
    .http()
    .post('/api/auth/token')
    .send({
      email,
      password,
      ...(role && isStaff(role) ? { otp: await freshCode(email) } : {}),
    });
  if (first.status === 401 && first.body?.code === 'MFA_REQUIRED')
    return t
      .http()
      .post('/api/auth/token')
      .send({ email, password, otp: await freshCode(email) });
  if (first.status === 403 && first.body?.code === 'MFA_SETUP_REQUIRED') {
    const setup = await t.http().post('/api/auth/mfa/setup').send({ email, password });
    if (setup.status !== 200)
      throw new Error(`set-up ${email} failed: ${setup.status} ${JSON.stringify(setup.body)}`);
    rememberSecret(email, setup.body.secret);
    return t
      .http()
      .post('/api/auth/mfa/confirm')
      .send({ email, password, otp: await freshCode(email) });
  }
  return first;
}

export async function tokenFor(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const res = await tokenResponseFor(t, email, password);
  if (res.status !== 200)
    throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export const vacancyBody = (overrides: Record<string, unknown> = {}) => ({
  werksoort: 'groen',
  title: 'Medewerker groenonderhoud',
  description: 'Snoeien, maaien en onkruid wieden in de parken van Woerden.',
  location: {
    address: 'Stationsweg 1',
    postcode: '3445 AA',
    place: 'Woerden',
    lat: 52.0857,
    lng: 4.8833,
  },
  arrangements: ['proefplaatsing', 'regulier'],
  hoursMin: 16,
  hoursMax: 32,
  workingDays: ['ma', 'di', 'wo', 'do'],
  dayparts: ['ochtend', 'middag'],
  hoursAdjustable: true,
  requiredCertificates: [],
  desiredCertificates: ['vca'],
  minLanguageLevel: 'A2',
  demands: { lifting: 2, standing: 2, pace: 1, stimuli: 1, outdoor: 3 },
  jobcoachWelcome: true,
  places: 2,
  instruments: ['loonkostensubsidie', 'jobcoaching'],
  ...overrides,
});

export const candidateBody = (overrides: Record<string, unknown> = {}) => ({
  werksoortWishes: ['groen', 'productie'],
  interests: 'buiten werken met planten',
  hoursMin: 12,
  hoursMax: 24,
  days: ['ma', 'di', 'wo'],
  dayparts: ['ochtend'],
  homeArea: { postcode: '3441 AB', place: 'Woerden', lat: 52.086, lng: 4.88 },
  travelMode: 'fiets',
  maxTravelKm: 10,
  ladderRung: 4,
  ladderMeasuredOn: '2026-10-01',
  route: 'participatie',
  certificates: ['vca'],
  languageLevel: 'B1',
  abilities: { lifting: 2, standing: 2, pace: 2, stimuli: 1, outdoor: 3 },
  supportNeeds: { jobcoach: true },
  personal: {
    firstName: 'Sanne',
    lastName: 'de Vries',
    email: 'sanne.devries@example.nl',
    phone: '06-12345678',
    dateOfBirth: '1994-03-12',
    benefitType: 'participatiewet',
    banenafspraak: true,
    loonwaardePct: 60,
    notes: 'Rugklachten; liever geen zwaar tilwerk boven de 15 kg.',
  },
  ...overrides,
});

export interface World {
  adminToken: string;
  orgA: string;
  orgB: string;
  wmA: { id: string; token: string };
  wmB: { id: string; token: string };
  employer: { id: string; organisationId: string; token: string; userId: string };
  otherEmployer: { id: string; token: string };
  candidateA: { id: string; token: string; userId: string };
  candidateB: { id: string };
  vacancy: { id: string };
  otherVacancy: { id: string };
}

/**
 * Two broker organisations, two employers, a candidate in each organisation, and one user per role.
 * Built through the API where it matters (employers, vacancies, candidates) so outbox and audit rows are real.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const adminOrg = await insertOrganisation(t.db, 'beheer', 'Werkbrug beheer');
  await insertUser(t.db, 'admin', 'admin@test.nl', adminOrg);
  const orgA = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
  const orgB = await insertOrganisation(t.db, 'gemeente', 'Gemeente Oudewater');
  const wmAId = await insertUser(t.db, 'werkmakelaar', 'wm.a@test.nl', orgA);
  const wmBId = await insertUser(t.db, 'werkmakelaar', 'wm.b@test.nl', orgB);
  const adminToken = await tokenFor(t, 'admin@test.nl');
  const wmAToken = await tokenFor(t, 'wm.a@test.nl');
  const wmBToken = await tokenFor(t, 'wm.b@test.nl');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  const mkEmployer = async (name: string, kvk: string) => {
    const res = await t
      .http()
      .post('/api/employers')
      .set(auth(wmAToken))
      .send({
        name,
        kvkNumber: kvk,
        locations: [
          {
            address: 'Industrieweg 4',
            postcode: '3442 AC',
            place: 'Woerden',
            lat: 52.09,
            lng: 4.87,
          },
        ],
      });
    if (res.status !== 201) throw new Error(`employer: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; organisationId: string };
  };
  const employer = await mkEmployer('Hoveniersbedrijf Groen & Zo', '12345678');
  const other = await mkEmployer('Schoonmaakbedrijf Glans', '87654321');
  const employerUser = await insertUser(
    t.db,
    'werkgever',
    'werkgever@groenenzo.nl',
    employer.organisationId,
    {
      employerId: employer.id,
    },
  );
  await insertUser(t.db, 'werkgever', 'werkgever@glans.nl', other.organisationId, {
    employerId: other.id,
  });
  const employerToken = await tokenFor(t, 'werkgever@groenenzo.nl');
  const otherEmployerToken = await tokenFor(t, 'werkgever@glans.nl');

  const mkVacancy = async (employerId: string, overrides: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post('/api/vacancies')
      .set(auth(wmAToken))
      .send(vacancyBody({ employerId, ...overrides }));
    if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const vacancy = await mkVacancy(employer.id);
  const otherVacancy = await mkVacancy(other.id, {
    werksoort: 'schoonmaak',
    title: 'Schoonmaker kantoren',
  });

  const mkCandidate = async (token: string, overrides: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post('/api/candidates')
      .set(auth(token))
      .send(candidateBody(overrides));
    if (res.status !== 201) throw new Error(`candidate: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const candidateA = await mkCandidate(wmAToken);
  const candidateB = await mkCandidate(wmBToken, {
    personal: {
      ...candidateBody().personal,
      firstName: 'Ahmed',
      lastName: 'Bakker',
      email: 'ahmed@example.nl',
    },
  });
  const candidateUser = await insertUser(t.db, 'kandidaat', 'sanne@test.nl', orgA, {
    candidateId: candidateA.id,
  });
  const candidateToken = await tokenFor(t, 'sanne@test.nl');

  return {
    adminToken,
    orgA,
    orgB,
    wmA: { id: wmAId, token: wmAToken },
    wmB: { id: wmBId, token: wmBToken },
    employer: {
      id: employer.id,
      organisationId: employer.organisationId,
      token: employerToken,
      userId: employerUser,
    },
    otherEmployer: { id: other.id, token: otherEmployerToken },
    candidateA: { id: candidateA.id, token: candidateToken, userId: candidateUser },
    candidateB,
    vacancy,
    otherVacancy,
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A fingerprint of every business table, to prove a rejected request changed nothing. */
export async function snapshot(db: DataSource): Promise<string> {
  const tables = [
    'organisations',
    'users',
    'werksoorten',
    'employers',
    'employer_locations',
    'vacancies',
    'candidates',
    'candidate_protected',
    'outbox_messages',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const [row] = await db.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') AS h FROM ${table} t`,
    );
    parts.push(`${table}:${row.n}:${row.h}`);
  }
  return parts.join('\n');
}
