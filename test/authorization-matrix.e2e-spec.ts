import type { Response } from 'supertest';
import { LoginThrottle, ROLES, totpCode, type Role } from '@werkbrug/auth';
import { ImportService } from '@werkbrug/import';
import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  PASSWORD,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { expressRoutes, nestRoutes, pathParams, type NestRoute } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { WEB_ROUTES } from './support/web-route-table';

/**
 * The authorization matrix: every route × every role (and anonymous) × own/other organisation.
 *
 * EXPECTED is the reviewed statement of who may call what. The suite fails when the app serves a
 * route that is not in the table, when the table names a route the app no longer serves, and when a
 * handler's @Access/@Public declaration is missing or differs from the table. Then every cell is
 * called over HTTP and its status is checked: 401 anonymous, 403 wrong role, 404 another
 * organisation's record where records are scoped, and a success for the own record.
 */

type Principal = 'anonymous' | Role;
type Expectation = 'public' | readonly Role[];

const ALL: readonly Role[] = ROLES;
const BROKERS: readonly Role[] = ['admin', 'werkmakelaar'];
const EMPLOYER_SIDE: readonly Role[] = ['admin', 'werkmakelaar', 'werkgever'];

const EXPECTED: Record<string, Expectation> = {
  'POST /api/auth/token': 'public',
  // Setting up a werkmakelaar's or administrator's authenticator app with the password.
  'POST /api/auth/mfa/setup': 'public',
  'POST /api/auth/mfa/confirm': 'public',
  'POST /api/auth/sign-in-link': 'public',
  'POST /api/auth/sign-in-link/redeem': 'public',
  'POST /api/auth/email-change/confirm': 'public',
  'DELETE /api/auth/token': ALL,
  'GET /api/auth/me': ALL,

  'GET /api/users': BROKERS,
  'POST /api/users': ['admin'],
  'GET /api/users/:id': ALL,
  'PATCH /api/users/:id': ALL,
  // Administrators, and organisation administrators for their own organisation (the matrix's
  // werkmakelaar is one; one without the flag is refused, see "organisation administrators" below).
  'POST /api/users/invitations': BROKERS,
  'POST /api/users/:id/invitation': BROKERS,
  // Apparaten en sessies: one's own; an administrator (organisation administrator: own
  // organisation) ends all of a user's.
  'GET /api/me/sessions': ALL,
  'DELETE /api/me/sessions/:id': ALL,
  'POST /api/me/sessions/end-others': ALL,
  'POST /api/users/:id/sessions/end': BROKERS,
  'POST /api/users/:id/second-factor/reset': BROKERS,

  'GET /api/organisations': ALL,
  'POST /api/organisations': ['admin'],
  'GET /api/organisations/:id': ALL,
  'PATCH /api/organisations/:id': ['admin'],
  // The organisation's own identity provider (OpenID Connect): administrators only.
  'GET /api/organisations/:id/identity-provider': ['admin'],
  'PUT /api/organisations/:id/identity-provider': ['admin'],
  'DELETE /api/organisations/:id/identity-provider': ['admin'],

  'GET /api/werksoorten': ALL,
  'POST /api/werksoorten': ['admin'],
  'GET /api/werksoorten/:id': ALL,
  'PATCH /api/werksoorten/:id': ['admin'],
  'DELETE /api/werksoorten/:id': ['admin'],
  'POST /api/werksoorten/:id/merge': ['admin'],

  'GET /api/employers': EMPLOYER_SIDE,
  'POST /api/employers': BROKERS,
  'GET /api/employers/:id': EMPLOYER_SIDE,
  // Items 5/13: a werkmakelaar edits only employers (and their workplaces) its organisation owns;
  // other organisations in the region get 403, outside the region 404 (test/employer-ownership).
  'PATCH /api/employers/:id': EMPLOYER_SIDE,
  'DELETE /api/employers/:id': ['admin'],

  'GET /api/vacancies': ALL,
  'POST /api/vacancies': EMPLOYER_SIDE,
  'GET /api/vacancies/:id': ALL,
  'PATCH /api/vacancies/:id': EMPLOYER_SIDE,
  'DELETE /api/vacancies/:id': EMPLOYER_SIDE,

  'GET /api/candidates': BROKERS,
  'POST /api/candidates': ['werkmakelaar'],
  'GET /api/candidates/:id': ['admin', 'werkmakelaar', 'kandidaat'],
  'PATCH /api/candidates/:id': ['werkmakelaar', 'kandidaat'],

  'GET /api/candidates/:id/matches': ['werkmakelaar', 'kandidaat'],
  'GET /api/vacancies/:id/matches': ['werkmakelaar'],
  'GET /api/search/vacancies': ALL,

  'GET /api/candidates/:id/export': ['werkmakelaar', 'kandidaat'],
  'DELETE /api/candidates/:id': ['werkmakelaar'],
  'POST /api/me/erasure': ['kandidaat'],
  'GET /api/me/audit': ['kandidaat'],
  'GET /api/admin/audit': ['admin'],

  'GET /api/proposals': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/proposals': ['werkmakelaar'],
  'GET /api/proposals/:id': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'GET /api/proposals/:id/events': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/proposals/:id/consent': ['kandidaat'],
  'POST /api/proposals/:id/consent/withdraw': ['kandidaat'],
  'POST /api/proposals/:id/answer': ['werkgever'],
  'POST /api/proposals/:id/status': ['werkmakelaar', 'kandidaat', 'werkgever'],
  // The kennismaking and meeloopdag: seen by who sees the proposal; the employer offers (or the
  // werkmakelaar), the candidate picks (or the werkmakelaar), any side moves, cancels, records.
  'GET /api/proposals/:id/meetings': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/proposals/:id/meetings': ['werkgever', 'werkmakelaar'],
  'GET /api/meetings/:id': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/meetings/:id/pick': ['kandidaat', 'werkmakelaar'],
  'POST /api/meetings/:id/move': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/meetings/:id/cancel': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/meetings/:id/outcome': ['werkmakelaar', 'kandidaat', 'werkgever'],

  'GET /api/placements': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/placements': ['werkmakelaar'],
  'GET /api/placements/attention': ['werkmakelaar'],
  'GET /api/placements/:id': ['werkmakelaar', 'kandidaat', 'werkgever'],
  'POST /api/placements/:id/extend': ['werkmakelaar'],
  'POST /api/placements/:id/end': ['werkmakelaar'],
  'POST /api/placements/:id/confirm': ['werkgever'],
  'POST /api/placements/:id/request-change': ['werkgever'],
  'POST /api/placements/:id/record-phone-agreement': ['werkmakelaar'],
  'POST /api/placements/:id/adjust': ['werkmakelaar'],
  'POST /api/checkins': ['werkmakelaar'],
  'GET /api/candidates/:id/checkins': ['werkmakelaar'],
  'GET /api/arrangement-rules': EMPLOYER_SIDE,
  'POST /api/arrangement-rules': ['admin'],

  'POST /api/me/interests': ['kandidaat'],
  'GET /api/me/interests': ['kandidaat'],
  'POST /api/me/interests/:id/withdraw': ['kandidaat'],
  'GET /api/interests': ['werkmakelaar'],
  'POST /api/interests/:id/seen': ['werkmakelaar'],
  'GET /api/me/wishes': ['kandidaat'],
  'PATCH /api/me/wishes': ['kandidaat'],
  'GET /api/me/alerts': ['kandidaat'],
  'PUT /api/me/alerts': ['kandidaat'],
  // The unsubscribe link in an alert works without logging in; the signed token is the key.
  'POST /api/alerts/unsubscribe': 'public',
  'GET /api/caseload': ['werkmakelaar'],
  'GET /api/trajectories': ['werkmakelaar'],
  'POST /api/trajectories': ['werkmakelaar'],
  'GET /api/trajectories/:id': ['werkmakelaar'],
  'POST /api/trajectories/:id/end': ['werkmakelaar'],
  'POST /api/trajectories/:id/hours': ['werkmakelaar'],
  'POST /api/trajectories/:id/goals': ['werkmakelaar'],
  'POST /api/trajectories/:id/transitions': ['werkmakelaar'],
  'PATCH /api/learning-goals/:id': ['werkmakelaar'],
  'GET /api/candidates/:id/ladder': ['werkmakelaar'],
  'POST /api/candidates/:id/ladder': ['werkmakelaar'],
  'GET /api/ladder/overdue': ['werkmakelaar'],
  'GET /api/trajectory-rules': BROKERS,
  'POST /api/trajectory-rules': ['admin'],
  'GET /api/reports/ferm-werk': BROKERS,
  'GET /api/reports/ferm-werk/csv': BROKERS,
  'GET /api/reports/funnel': BROKERS,
  'GET /api/reports/funnel/csv': BROKERS,
  'GET /api/reports/durability': BROKERS,
  'GET /api/reports/durability/csv': BROKERS,
  'GET /api/reports/ladder-progress': BROKERS,
  'GET /api/reports/ladder-progress/csv': BROKERS,
  'POST /api/instruments/calculate': ALL,
  'GET /api/instruments': ALL,
  'GET /api/instruments/:code': ALL,
  'POST /api/instruments/:code/versions': ['admin'],
  'GET /api/candidates/:id/instruments': ['werkmakelaar', 'kandidaat'],
  'POST /api/placements/:id/instruments': ['werkmakelaar'],
  'GET /api/placements/:id/instruments': ['werkmakelaar', 'kandidaat'],

  'GET /api/admin/outbox': ['admin'],
  'POST /api/admin/outbox/retry-dead': ['admin'],
  'POST /api/admin/outbox/:id/retry': ['admin'],

  'GET /health': 'public',
  'GET /health/ready': 'public',
  // Import and export (libs/import): werkmakelaars in their own organisation, administrators in any.
  'POST /api/import/:kind': BROKERS,
  'GET /api/import/jobs/:id': BROKERS,
  'POST /api/import/jobs/:id/run': BROKERS,
  'GET /api/import/jobs/:id/report.csv': BROKERS,
  'GET /api/import/jobs/:id/report.xlsx': BROKERS,
  'GET /api/import/templates/:file': BROKERS,
  'GET /api/export/:file': BROKERS,

  // The development mailbox: HTML pages outside /api, answering 404 unless mail goes to files.
  'GET /dev/mail': 'public',
  'GET /dev/mail/:file': 'public',
};

/** Routes that serve HTML pages rather than JSON. */
const HTML_PAGES = ['GET /dev/mail', 'GET /dev/mail/:file'];

/** Routes that serve CSV downloads rather than JSON. */
const CSV_DOWNLOADS = [
  'GET /api/reports/ferm-werk/csv',
  'GET /api/reports/funnel/csv',
  'GET /api/reports/durability/csv',
  'GET /api/reports/ladder-progress/csv',
  'GET /api/import/jobs/:id/report.csv',
];

/** Routes that serve XLSX downloads (or CSV, by the file name asked for). */
const FILE_DOWNLOADS = [
  'GET /api/import/jobs/:id/report.xlsx',
  'GET /api/import/templates/:file',
  'GET /api/export/:file',
];

/** Served by SwaggerModule straight on Express, outside Nest's guards: public by design. */
const DOCUMENTATION = [
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs/index.html',
  'GET /api/docs/swagger-ui-init.js',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs/LICENSE',
  'GET /api/openapi.json',
  'GET /api/openapi.yaml',
];

const PRINCIPALS: readonly Principal[] = ['anonymous', ...ROLES];

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  [...a].sort().join(',') === [...b].sort().join(',');
const describeRule = (e: Expectation | undefined) =>
  e === undefined ? 'nothing' : e === 'public' ? 'public' : `[${e.join(', ')}]`;

describe('authorization matrix: every route × every role × own/other organisation', () => {
  let t: TestApp;
  let w: World;
  let routes: NestRoute[];
  const me = {} as Record<Role, { token: string; userId: string; organisationId: string }>;
  let otherEmployerUserId: string;
  let adminOrg: string;
  const stats = { cells: 0, routes: new Set<string>(), twoHundreds: 0 };
  let counter = 0;
  const next = () => ++counter;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // Search and matching read Meilisearch: index the world the way the worker would.
    await (await searchWorker(t)).drain();
    routes = nestRoutes(t.app);
    const tokens: Record<Role, string> = {
      admin: w.adminToken,
      werkmakelaar: w.wmA.token,
      werkgever: w.employer.token,
      kandidaat: w.candidateA.token,
    };
    for (const role of ROLES) {
      const res = await t.http().get('/api/auth/me').set(bearer(tokens[role])).expect(200);
      me[role] = {
        token: tokens[role],
        userId: res.body.id,
        organisationId: res.body.organisationId,
      };
    }
    adminOrg = me.admin.organisationId;
    // The werkmakelaar manages the users of organisation A (an organisation administrator).
    await t
      .http()
      .patch(`/api/users/${w.wmA.id}`)
      .set(bearer(w.adminToken))
      .send({ organisationAdmin: true, version: 1 })
      .expect(200);
    const other = await t.http().get('/api/auth/me').set(bearer(w.otherEmployer.token));
    otherEmployerUserId = other.body.id;
  });

  afterAll(async () => {
    console.log(
      `authorization matrix: ${stats.routes.size} routes covered, ${PRINCIPALS.length} principals ` +
        `(${PRINCIPALS.join(', ')}), ${stats.cells} matrix cells checked ` +
        `(${stats.twoHundreds} answered 2xx)`,
    );
    await t?.close();
  });

  describe('the route table', () => {
    it('lists exactly the routes the app serves', () => {
      const nestKeys = new Set(routes.map((r) => r.key));
      const served = expressRoutes(t.app).map((r) => r.key);
      const undeclared = [...nestKeys].filter((k) => !(k in EXPECTED) && !(k in WEB_ROUTES));
      const stale = [...Object.keys(EXPECTED), ...Object.keys(WEB_ROUTES)].filter(
        (k) => !nestKeys.has(k),
      );
      // `ALL` layers that no controller declares are middleware mounts (logging, prefix exclusions).
      const foreign = served.filter(
        (k) => !nestKeys.has(k) && !DOCUMENTATION.includes(k) && !k.startsWith('ALL '),
      );
      const goneDocs = DOCUMENTATION.filter((k) => !served.includes(k));
      expect({ undeclared, stale, foreign, goneDocs }).toEqual({
        undeclared: [],
        stale: [],
        foreign: [],
        goneDocs: [],
      });
      expect(routes.length).toBe(new Set(routes.map((r) => r.key)).size);
    });

    it('matches every handler’s @Access/@Public declaration', () => {
      const mismatches: string[] = [];
      for (const route of routes) {
        if (route.key in WEB_ROUTES) {
          // Web pages: the bearer guard lets them through, the session guard applies @WebAccess.
          const web = WEB_ROUTES[route.key];
          const rule = route.webAccess;
          const where = `${route.key} (${route.controller}.${route.handler})`;
          if (!route.access?.public) mismatches.push(`${where}: a web page must be bearer-public`);
          if (!rule) mismatches.push(`${where}: no @WebAccess/@WebPublic declaration`);
          else if (rule.public !== (web === 'public'))
            mismatches.push(`${where}: web access differs from WEB_ROUTES`);
          else if (!rule.public && web !== 'public' && !sameRoles(rule.roles, web))
            mismatches.push(`${where}: declared [${rule.roles.join(', ')}], table says [${web}]`);
          continue;
        }
        const expected = EXPECTED[route.key];
        const where = `${route.key} (${route.controller}.${route.handler})`;
        const declared = route.access;
        if (!declared) mismatches.push(`${where}: no @Access/@Public declaration`);
        else if (declared.public !== (expected === 'public'))
          mismatches.push(
            `${where}: declared ${declared.public ? 'public' : `[${declared.roles.join(', ')}]`}, table says ${describeRule(expected)}`,
          );
        else if (!declared.public && expected !== 'public' && expected !== undefined) {
          if (!sameRoles(declared.roles, expected))
            mismatches.push(
              `${where}: declared [${declared.roles.join(', ')}], table says ${describeRule(expected)}`,
            );
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  // ---- fixtures for the HTTP part -------------------------------------------------------------

  const auth = (p: Principal) => (p === 'anonymous' ? {} : bearer(me[p].token));

  async function created(res: Response, what: string): Promise<string> {
    if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id as string;
  }

  const throwaway = {
    werksoort: async () =>
      created(
        await t
          .http()
          .post('/api/werksoorten')
          .set(bearer(w.adminToken))
          .send({ code: `matrix-weg-${next()}`, name: 'Wegwerp' }),
        'throwaway werksoort',
      ),
    employer: async () =>
      created(
        await t
          .http()
          .post('/api/employers')
          .set(bearer(w.wmA.token))
          .send({
            name: `Wegwerp ${next()}`,
            kvkNumber: String(60_000_000 + counter),
            locations: [{ postcode: '3441 AB' }],
          }),
        'throwaway employer',
      ),
    /** A candidate with personal data of its own, created by a werkmakelaar of that organisation. */
    candidate: async (werkmakelaarToken: string) =>
      created(
        await t
          .http()
          .post('/api/candidates')
          .set(bearer(werkmakelaarToken))
          .send(
            candidateBody({
              personal: { firstName: 'Wegwerp', lastName: `Kandidaat ${next()}` },
            }),
          ),
        'throwaway candidate',
      ),
    vacancy: async (employerId: string) =>
      created(
        await t
          .http()
          .post('/api/vacancies')
          .set(bearer(w.wmA.token))
          .send(vacancyBody({ employerId, title: `Wegwerp ${next()}` })),
        'throwaway vacancy',
      ),
  };

  /**
   * A proposal and a placement per organisation, made through the API: organisation A's for
   * candidate A on the employer's vacancy, organisation B's for candidate B on the other employer's.
   * Both candidates consent, so that only scoping (not a missing consent) can hide them.
   */
  let flows: Promise<{ proposals: [string, string]; placements: [string, string] }> | undefined;
  const flow = () => (flows ??= buildFlows());

  /** A proposal by a werkmakelaar, with the candidate's consent unless told otherwise. */
  async function propose(
    wmToken: string,
    candidateToken: string,
    candidateId: string,
    vacancyId: string,
    consent = true,
  ) {
    const id = await created(
      await t
        .http()
        .post('/api/proposals')
        .set(bearer(wmToken))
        .send({ candidateId, vacancyId, motivation: 'Past bij de wensen.' }),
      'proposal',
    );
    if (!consent) return id;
    const res = await t
      .http()
      .post(`/api/proposals/${id}/consent`)
      .set(bearer(candidateToken))
      .send({ share: ['werkmakelaarContact'] });
    if (res.status !== 200) throw new Error(`consent: ${res.status} ${res.text}`);
    return id;
  }

  /** Organisation A's proposal on a workplace of its own, in the state a step starts from. */
  const freshOwnProposal = async (consent: boolean) =>
    propose(
      w.wmA.token,
      w.candidateA.token,
      w.candidateA.id,
      await throwaway.vacancy(w.employer.id),
      consent,
    );

  async function buildFlows() {
    const candidateBEmail = 'ahmed-login@test.nl';
    await insertUser(t.db, 'kandidaat', candidateBEmail, w.orgB, { candidateId: w.candidateB.id });
    t.app.get(LoginThrottle).reset();
    const candidateBToken = await tokenFor(t, candidateBEmail);
    const place = async (wmToken: string, candidateId: string, vacancyId: string) =>
      created(
        await t.http().post('/api/placements').set(bearer(wmToken)).send({
          candidateId,
          vacancyId,
          arrangement: 'proefplaatsing',
          startDate: '2026-12-01',
          hoursPerWeek: 16,
          candidateConsent: true,
        }),
        'placement',
      );
    return {
      proposals: [
        await propose(w.wmA.token, w.candidateA.token, w.candidateA.id, w.vacancy.id),
        await propose(w.wmB.token, candidateBToken, w.candidateB.id, w.otherVacancy.id),
      ] as [string, string],
      placements: [
        await place(w.wmA.token, w.candidateA.id, w.vacancy.id),
        await place(w.wmB.token, w.candidateB.id, w.otherVacancy.id),
      ] as [string, string],
    };
  }

  type Which = 'own' | 'other';
  /** The record a cell is about, and whether the caller's scope hides it (then 404). */
  interface Target {
    id: string;
    hidden: boolean;
    table: string;
  }
  type Targets = (principal: Principal, which: Which, method: string) => Promise<Target>;
  const asRole = (p: Principal): Role => (p === 'anonymous' ? 'werkmakelaar' : p);

  /** Own/other records per resource, as each role sees them. */
  const TARGETS: Record<string, Targets> = {
    '/api/users/:id': async (p, which) => {
      const role = asRole(p);
      if (which === 'own') return { id: me[role].userId, hidden: false, table: 'users' };
      const id = role === 'werkgever' ? otherEmployerUserId : w.wmB.id;
      return { id, hidden: role !== 'admin', table: 'users' };
    },
    '/api/organisations/:id': async (p, which) => {
      const role = asRole(p);
      if (which === 'own')
        return { id: me[role].organisationId, hidden: false, table: 'organisations' };
      const id = role === 'admin' ? w.orgA : role === 'werkgever' ? adminOrg : w.orgB;
      return { id, hidden: role !== 'admin', table: 'organisations' };
    },
    '/api/werksoorten/:id': async (_p, which, method) => {
      // Reference data: not scoped to an organisation.
      if (method === 'DELETE')
        return { id: await throwaway.werksoort(), hidden: false, table: 'werksoorten' };
      const code = which === 'own' ? 'groen' : 'schoonmaak';
      const [row] = await t.db.query(`SELECT id FROM werksoorten WHERE code = $1`, [code]);
      return { id: row.id, hidden: false, table: 'werksoorten' };
    },
    '/api/employers/:id': async (p, which, method) => {
      const role = asRole(p);
      const hidden = which === 'other' && role === 'werkgever';
      if (method === 'DELETE')
        return { id: await throwaway.employer(), hidden, table: 'employers' };
      return {
        id: which === 'own' ? w.employer.id : w.otherEmployer.id,
        hidden,
        table: 'employers',
      };
    },
    '/api/vacancies/:id': async (p, which, method) => {
      const role = asRole(p);
      const hidden = which === 'other' && role === 'werkgever';
      const employerId = which === 'own' ? w.employer.id : w.otherEmployer.id;
      if (method === 'DELETE')
        return { id: await throwaway.vacancy(employerId), hidden, table: 'vacancies' };
      return { id: which === 'own' ? w.vacancy.id : w.otherVacancy.id, hidden, table: 'vacancies' };
    },
    '/api/candidates/:id': async (p, which, method) => {
      const role = asRole(p);
      const hidden = which === 'other' && role !== 'admin';
      if (method === 'DELETE') {
        const id = await throwaway.candidate(which === 'own' ? w.wmA.token : w.wmB.token);
        return { id, hidden, table: 'candidates' };
      }
      return {
        id: which === 'own' ? w.candidateA.id : w.candidateB.id,
        hidden,
        table: 'candidates',
      };
    },
  };

  // A merge deactivates the werksoort: each call merges a throwaway one into another.
  TARGETS['/api/werksoorten/:id/merge'] = async () => ({
    id: await throwaway.werksoort(),
    hidden: false,
    table: 'werksoorten',
  });
  /**
   * An organisation's identity provider: every cell gets an organisation with one (the own one of
   * the role, or another; a delete a throwaway of its own), keyed by organisation id.
   */
  const withProvider = async (organisationId: string) => {
    await t.db.query(
      `INSERT INTO organisation_identity_providers (organisation_id, issuer, client_id, client_secret_sealed)
       VALUES ($1, 'https://login.matrix.test', 'matrix', 'v1.x.x.x') ON CONFLICT DO NOTHING`,
      [organisationId],
    );
    return organisationId;
  };
  TARGETS['/api/organisations/:id/identity-provider'] = async (p, which, method) => {
    const role = asRole(p);
    if (method === 'DELETE') {
      const [org] = await t.db.query(
        `INSERT INTO organisations (kind, name, region) VALUES ('gemeente', $1, 'Woerden') RETURNING id`,
        [`Matrix idp ${next()}`],
      );
      return {
        id: await withProvider(org.id),
        hidden: role !== 'admin',
        table: 'organisation_identity_providers',
      };
    }
    const org = await (TARGETS['/api/organisations/:id'] as Targets)(p, which, method);
    return {
      id: await withProvider(org.id),
      hidden: role !== 'admin',
      table: 'organisation_identity_providers',
    };
  };
  TARGETS['/api/candidates/:id/matches'] = TARGETS['/api/candidates/:id'] as Targets;
  TARGETS['/api/candidates/:id/export'] = TARGETS['/api/candidates/:id'] as Targets;
  TARGETS['/api/candidates/:id/checkins'] = TARGETS['/api/candidates/:id'] as Targets;
  TARGETS['/api/candidates/:id/instruments'] = TARGETS['/api/candidates/:id'] as Targets;
  // Instruments are reference data, not scoped to an organisation: one code for every cell.
  TARGETS['/api/instruments/:code'] = async () => ({ id: 'wml', hidden: false, table: '' });
  TARGETS['/api/instruments/:code/versions'] = TARGETS['/api/instruments/:code'] as Targets;

  /** Proposals and placements: organisation A's is own for everyone involved in it. */
  const flowTarget =
    (kind: 'proposals' | 'placements', fresh?: () => Promise<string>): Targets =>
    async (p, which) => {
      const ids = (await flow())[kind];
      if (which === 'other') return { id: ids[1], hidden: true, table: kind };
      // Steps of the status machine get a proposal of their own, in the state they start from.
      const allowedHere = p !== 'anonymous' && p !== 'admin';
      const id = fresh && allowedHere ? await fresh() : ids[0];
      return { id, hidden: false, table: kind };
    };
  for (const suffix of ['', '/events'])
    TARGETS[`/api/proposals/:id${suffix}`] = flowTarget('proposals');
  TARGETS['/api/proposals/:id/consent'] = flowTarget('proposals', () => freshOwnProposal(false));
  for (const suffix of ['/consent/withdraw', '/answer', '/status'])
    TARGETS[`/api/proposals/:id${suffix}`] = flowTarget('proposals', () => freshOwnProposal(true));
  for (const suffix of [
    '',
    '/extend',
    '/end',
    '/instruments',
    '/confirm',
    '/request-change',
    '/record-phone-agreement',
    '/adjust',
  ])
    TARGETS[`/api/placements/:id${suffix}`] = flowTarget('placements');
  TARGETS['/api/proposals/:id/meetings'] = flowTarget('proposals');

  /**
   * Meetings: organisation A's offered by its employer on a proposal of its own (a fresh one for
   * each step, so one cell's cancel does not decide the next), B's on B's flow proposal.
   */
  const MATRIX_MOMENT = {
    startsAt: '2030-12-03T10:00:00+01:00',
    endsAt: '2030-12-03T11:00:00+01:00',
    place: 'Matrix',
    withWhom: 'Matrix',
  };
  let lastOption = '00000000-0000-4000-8000-000000000000';
  const offeredMeeting = async (proposalId: string, employerToken: string) => {
    const res = await t
      .http()
      .post(`/api/proposals/${proposalId}/answer`)
      .set(bearer(employerToken))
      .send({ answer: 'interested', meetingKind: 'kennismaking', meetingOptions: [MATRIX_MOMENT] });
    if (res.status !== 200) throw new Error(`meeting: ${res.status} ${res.text}`);
    const list = await t
      .http()
      .get(`/api/proposals/${proposalId}/meetings`)
      .set(bearer(employerToken));
    const [meeting] = list.body as { id: string; options: { id: string }[] }[];
    if (!meeting) throw new Error(`meeting: none on ${proposalId}`);
    return meeting;
  };
  const freshOwnMeeting = async () => {
    const meeting = await offeredMeeting(await freshOwnProposal(true), w.employer.token);
    lastOption = meeting.options[0]?.id ?? lastOption;
    return meeting.id;
  };
  let ownMeeting: Promise<string> | undefined;
  let otherMeeting: Promise<string> | undefined;
  TARGETS['/api/meetings/:id'] = async (p, which, method) => {
    if (which === 'other') {
      otherMeeting ??= (async () =>
        (await offeredMeeting((await flow()).proposals[1], w.otherEmployer.token)).id)();
      return { id: await otherMeeting, hidden: true, table: 'meetings' };
    }
    const allowedHere = p !== 'anonymous' && p !== 'admin';
    if (method !== 'GET' && allowedHere)
      return { id: await freshOwnMeeting(), hidden: false, table: 'meetings' };
    ownMeeting ??= freshOwnMeeting();
    return { id: await ownMeeting, hidden: false, table: 'meetings' };
  };
  for (const suffix of ['/pick', '/move', '/cancel', '/outcome'])
    TARGETS[`/api/meetings/:id${suffix}`] = TARGETS['/api/meetings/:id'] as Targets;
  // No message was written in this test: the page for any file is a 404, to everyone alike.
  TARGETS['/dev/mail/:file'] = async (_p, which) => ({
    id: which === 'own' ? 'geen-bericht.eml' : '..%2F..%2Fetc%2Fpasswd',
    hidden: true,
    table: '',
  });
  TARGETS['/api/vacancies/:id/matches'] = TARGETS['/api/vacancies/:id'] as Targets;
  TARGETS['/api/candidates/:id/ladder'] = TARGETS['/api/candidates/:id'] as Targets;

  /** A trajectory per organisation (A's for candidate A, B's for candidate B), each with a learning goal. */
  let trajectoryFlows:
    | Promise<{ trajectories: [string, string]; goals: [string, string] }>
    | undefined;
  const openTrajectory = async (wmToken: string, candidateId: string) =>
    created(
      await t.http().post('/api/trajectories').set(bearer(wmToken)).send({
        candidateId,
        route: 'jongeren',
        startDate: '2026-01-05',
        form: 'beschut_werk',
      }),
      'trajectory',
    );
  const trajectoryFlow = () =>
    (trajectoryFlows ??= (async () => {
      const trajectories: [string, string] = [
        await openTrajectory(w.wmA.token, w.candidateA.id),
        await openTrajectory(w.wmB.token, w.candidateB.id),
      ];
      const goal = async (token: string, id: string) =>
        created(
          await t
            .http()
            .post(`/api/trajectories/${id}/goals`)
            .set(bearer(token))
            .send({ description: 'Matrix', evaluationDate: '2027-01-01' }),
          'learning goal',
        );
      return {
        trajectories,
        goals: [await goal(w.wmA.token, trajectories[0]), await goal(w.wmB.token, trajectories[1])],
      };
    })());
  const trajectoryTarget =
    (kind: 'trajectories' | 'goals', fresh = false): Targets =>
    async (_p, which) => {
      const ids = (await trajectoryFlow())[kind];
      const table = kind === 'goals' ? 'learning_goals' : 'trajectories';
      if (which === 'other') return { id: ids[1], hidden: true, table };
      // Ending gets a trajectory of its own, so the shared one stays open for the other steps.
      const id = fresh
        ? await openTrajectory(w.wmA.token, await throwaway.candidate(w.wmA.token))
        : ids[0];
      return { id, hidden: false, table };
    };
  for (const suffix of ['', '/hours', '/goals', '/transitions'])
    TARGETS[`/api/trajectories/:id${suffix}`] = trajectoryTarget('trajectories');
  TARGETS['/api/trajectories/:id/end'] = trajectoryTarget('trajectories', true);
  TARGETS['/api/learning-goals/:id'] = trajectoryTarget('goals');

  /** An interest signal of candidate A (organisation A) or B (organisation B), written straight to the table. */
  const signalOf = async (which: Which) => {
    const [candidateId, org, vacancyId] =
      which === 'own'
        ? [w.candidateA.id, w.orgA, w.otherVacancy.id]
        : [w.candidateB.id, w.orgB, w.vacancy.id];
    await t.db.query(
      `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id) VALUES ($1, $2, $3)
       ON CONFLICT (candidate_id, vacancy_id) WHERE withdrawn_at IS NULL DO NOTHING`,
      [candidateId, vacancyId, org],
    );
    const [row] = await t.db.query(
      `SELECT id FROM interest_signals WHERE candidate_id = $1 AND vacancy_id = $2 ORDER BY created_at DESC LIMIT 1`,
      [candidateId, vacancyId],
    );
    return row.id as string;
  };
  // The candidate's own signal, or another candidate's (not theirs: 404); organisation scoping for brokers.
  TARGETS['/api/me/interests/:id/withdraw'] = async (_p, which) => ({
    id: await signalOf(which),
    hidden: which === 'other',
    table: 'interest_signals',
  });
  TARGETS['/api/interests/:id/seen'] = TARGETS['/api/me/interests/:id/withdraw'] as Targets;

  /** Someone invited into an organisation (by the administrator), waiting to choose a password. */
  const invited = async (organisationId: string) =>
    created(
      await t
        .http()
        .post('/api/users/invitations')
        .set(bearer(w.adminToken))
        .send({
          organisationId,
          email: `matrix-uitgenodigd-${next()}@test.nl`,
          displayName: 'Matrix Uitgenodigd',
          role: 'werkmakelaar',
        }),
      'invitation',
    );
  // A reset ends the user's tokens: a werkmakelaar of its own each time (own or other organisation).
  TARGETS['/api/users/:id/second-factor/reset'] = async (p, which) => ({
    id: await insertUser(
      t.db,
      'werkmakelaar',
      `matrix-reset-${next()}@test.nl`,
      which === 'own' ? w.orgA : w.orgB,
    ),
    hidden: which === 'other' && asRole(p) !== 'admin',
    table: 'users',
  });
  // An invitation of the own organisation, or of another (not found for an organisation administrator).
  TARGETS['/api/users/:id/invitation'] = async (p, which) => ({
    id: await invited(which === 'own' ? w.orgA : w.orgB),
    hidden: which === 'other' && asRole(p) !== 'admin',
    table: 'users',
  });
  /**
   * A running web session of the caller's own account (own) or of someone else's (other: not found
   * for everyone, the id says nothing).
   */
  const webSessionOf = async (userId: string) => {
    const [row] = await t.db.query(
      `INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at, browser)
       VALUES (decode(md5(random()::text), 'hex'), $1, 'matrix', now() + interval '1 hour', 'Firefox op Linux')
       RETURNING id`,
      [userId],
    );
    return row.id as string;
  };
  TARGETS['/api/me/sessions/:id'] = async (p, which) => ({
    id: await webSessionOf(which === 'own' ? me[asRole(p)].userId : w.wmB.id),
    hidden: which === 'other',
    table: 'web_sessions',
  });
  // A user whose sessions end: a throwaway account in organisation A (own) or B (other).
  TARGETS['/api/users/:id/sessions/end'] = async (p, which) => ({
    id: await insertUser(
      t.db,
      'werkmakelaar',
      `matrix-sessies-${next()}@test.nl`,
      which === 'own' ? w.orgA : w.orgB,
    ),
    hidden: which === 'other' && asRole(p) !== 'admin',
    table: 'users',
  });
  // A dead outbox message; not scoped to an organisation.
  TARGETS['/api/admin/outbox/:id/retry'] = async () => {
    const [row] = await t.db.query(
      `INSERT INTO outbox_messages (topic, payload, status, attempts, last_error)
       VALUES ('search.settings', '{}'::jsonb, 'dead', 50, 'connect ECONNREFUSED') RETURNING id`,
    );
    return { id: row.id as string, hidden: false, table: 'outbox_messages' };
  };
  /**
   * Import jobs: organisation A's own (a finished dry run, a fresh one for each run) and B's, made
   * through the service the worker uses; kinds, templates and exports by file name.
   */
  const importJob = async (organisationId: string, userEmail: string, done = true) => {
    const [user] = await t.db.query(
      `SELECT id, role, organisation_id FROM users WHERE email = $1`,
      [userEmail],
    );
    const imports = t.app.get(ImportService);
    const job = await imports.submit(
      {
        userId: user.id,
        role: user.role,
        organisationId,
        employerId: null,
        candidateId: null,
      },
      {
        kind: 'employers',
        organisationId,
        fileName: 'matrix.csv',
        bytes: Buffer.from('Naam;KvK-nummer;Postcode\r\n'),
        dryRun: true,
      },
    );
    if (done) while (await imports.processNext());
    return job.id;
  };
  let otherImportJob: Promise<string> | undefined;
  const importTarget: Targets = async (p, which, method) => {
    if (which === 'other') {
      otherImportJob ??= importJob(w.orgB, 'wm.b@test.nl');
      return { id: await otherImportJob, hidden: asRole(p) !== 'admin', table: '' };
    }
    const fresh = method === 'POST' || method === 'GET';
    return { id: fresh ? await importJob(w.orgA, 'wm.a@test.nl') : '', hidden: false, table: '' };
  };
  for (const suffix of ['', '/run', '/report.csv', '/report.xlsx'])
    TARGETS[`/api/import/jobs/:id${suffix}`] = importTarget;
  TARGETS['/api/import/:kind'] = async () => ({ id: 'employers', hidden: false, table: '' });
  TARGETS['/api/import/templates/:file'] = async (_p, which) => ({
    id: which === 'own' ? 'candidates.csv' : 'workplaces.xlsx',
    hidden: false,
    table: '',
  });
  // Employers: every broker exports their own organisation's (candidates only werkmakelaars: import.e2e).
  TARGETS['/api/export/:file'] = async (_p, which) => ({
    id: which === 'own' ? 'employers.csv' : 'workplaces.xlsx',
    hidden: false,
    table: '',
  });

  /** Valid-enough bodies for write routes, per role where it matters; null: the route takes none. */
  const BODIES: Record<string, ((p: Principal) => object | Promise<object>) | null> = {
    'POST /api/admin/outbox/retry-dead': null,
    'POST /api/admin/outbox/:id/retry': null,
    'POST /api/users/invitations': () => ({
      organisationId: w.orgA,
      email: `matrix-uitnodiging-${next()}@test.nl`,
      displayName: 'Matrix',
      role: 'werkmakelaar',
    }),
    'POST /api/users/:id/invitation': null,
    'POST /api/users/:id/sessions/end': null,
    'POST /api/me/sessions/end-others': null,
    // A JSON body without a file: 400 to brokers (the upload itself is import.e2e's).
    'POST /api/import/:kind': () => ({ dryRun: 'true' }),
    'POST /api/import/jobs/:id/run': null,
    'POST /api/me/interests': () => ({ vacancyId: w.vacancy.id, note: 'Matrix' }),
    'POST /api/me/interests/:id/withdraw': null,
    'POST /api/interests/:id/seen': null,
    'PATCH /api/me/wishes': async () => {
      const [row] = await t.db.query(`SELECT version FROM candidates WHERE id = $1`, [
        w.candidateA.id,
      ]);
      return { interests: `matrix ${next()}`, version: row.version };
    },
    'PUT /api/me/alerts': () => ({ active: true, frequency: 'wekelijks' }),
    'POST /api/alerts/unsubscribe': () => ({ token: 'geen-geldig-token' }),
    'POST /api/me/erasure': () => ({ confirm: true }),
    // An employer: no second factor (second-factor.e2e-spec.ts has the werkmakelaar's).
    'POST /api/auth/token': () => ({ email: 'werkgever@glans.nl', password: PASSWORD }),
    // A werkmakelaar without an app yet: the set-up starts (the same secret each time) …
    'POST /api/auth/mfa/setup': async () => {
      const email = `matrix-mfa-${next()}@test.nl`;
      const id = await insertUser(t.db, 'werkmakelaar', email, w.orgA);
      await t.db.query(`DELETE FROM second_factors WHERE user_id = $1`, [id]);
      return { email, password: PASSWORD };
    },
    // … and is confirmed with the app's code (a new werkmakelaar each time).
    'POST /api/auth/mfa/confirm': async () => {
      const email = `matrix-mfa-${next()}@test.nl`;
      const id = await insertUser(t.db, 'werkmakelaar', email, w.orgA);
      await t.db.query(`DELETE FROM second_factors WHERE user_id = $1`, [id]);
      const setup = await t
        .http()
        .post('/api/auth/mfa/setup')
        .send({ email, password: PASSWORD })
        .expect(200);
      return { email, password: PASSWORD, otp: totpCode(setup.body.secret as string) };
    },
    'POST /api/users/:id/second-factor/reset': null,
    'POST /api/auth/sign-in-link': () => ({ email: 'wm.a@test.nl' }),
    // A made-up token: 400 LINK_INVALID to everyone alike (the link, not the caller, decides).
    'POST /api/auth/sign-in-link/redeem': () => ({ token: `al_${'x'.repeat(43)}` }),
    'POST /api/auth/email-change/confirm': () => ({ token: `al_${'y'.repeat(43)}` }),
    'POST /api/users': () => ({
      email: `matrix-${next()}@test.nl`,
      password: 'Een-heel-lang-wachtwoord',
      role: 'werkmakelaar',
      displayName: 'Matrix',
      organisationId: w.orgA,
    }),
    'PATCH /api/users/:id': () => ({ displayName: `Matrix ${next()}` }),
    'POST /api/organisations': () => ({ kind: 'werkbedrijf', name: `Matrix org ${next()}` }),
    'PATCH /api/organisations/:id': () => ({ region: `Regio ${next()}` }),
    'PUT /api/organisations/:id/identity-provider': () => ({
      issuer: 'https://login.matrix.test',
      clientId: 'matrix',
      clientSecret: 'matrix-geheim',
      domains: [`matrix${next()}.test`],
    }),
    'POST /api/werksoorten': () => ({ code: `matrix-${next()}`, name: 'Matrix' }),
    'PATCH /api/werksoorten/:id': () => ({ description: `Matrix ${next()}` }),
    'POST /api/werksoorten/:id/merge': async () => ({ into: await throwaway.werksoort() }),
    'POST /api/employers': () => ({
      name: `Matrix werkgever ${next()}`,
      kvkNumber: String(70_000_000 + counter),
      locations: [{ postcode: '3441 AB' }],
    }),
    'PATCH /api/employers/:id': () => ({ contactName: `Contact ${next()}` }),
    'POST /api/vacancies': (p) =>
      p === 'werkgever' ? vacancyBody() : vacancyBody({ employerId: w.employer.id }),
    'PATCH /api/vacancies/:id': () => ({ title: `Matrix vacature ${next()}` }),
    'POST /api/candidates': () => candidateBody(),
    'PATCH /api/candidates/:id': () => ({ interests: `matrix ${next()}` }),
    'POST /api/proposals': async () => ({
      candidateId: w.candidateA.id,
      vacancyId: await throwaway.vacancy(w.employer.id),
      motivation: 'Matrix',
    }),
    'POST /api/proposals/:id/consent': () => ({ share: ['werkmakelaarContact'] }),
    'POST /api/proposals/:id/consent/withdraw': null,
    'POST /api/proposals/:id/answer': () => ({
      answer: 'interested',
      meetingKind: 'kennismaking',
      meetingDates: ['2030-12-03T10:00:00+01:00'],
    }),
    'POST /api/proposals/:id/meetings': () => ({ kind: 'kennismaking', options: [MATRIX_MOMENT] }),
    'POST /api/meetings/:id/pick': () => ({ optionId: lastOption }),
    // The candidate asks for another moment; the others offer new ones.
    'POST /api/meetings/:id/move': (p) =>
      p === 'kandidaat'
        ? { reason: 'Matrix' }
        : {
            options: [
              {
                ...MATRIX_MOMENT,
                startsAt: '2030-12-04T10:00:00+01:00',
                endsAt: '2030-12-04T11:00:00+01:00',
              },
            ],
          },
    'POST /api/meetings/:id/cancel': () => ({ reason: 'Matrix' }),
    // Before the agreed moment: 409 MEETING_NOT_HELD_YET, the rule and not the access.
    'POST /api/meetings/:id/outcome': () => ({ outcome: 'goed' }),
    // From wacht_op_werkgever: brokers and candidates may withdraw, the employer may decline.
    'POST /api/proposals/:id/status': (p) =>
      p === 'werkgever'
        ? { status: 'afgewezen', reason: 'overig', note: 'Matrix' }
        : { status: 'ingetrokken', note: 'Matrix' },
    'POST /api/placements': async () => ({
      candidateId: w.candidateA.id,
      vacancyId: await throwaway.vacancy(w.employer.id),
      arrangement: 'proefplaatsing',
      startDate: '2026-12-01',
      hoursPerWeek: 16,
      candidateConsent: true,
    }),
    // A proefplaatsing from 2026-12-01 runs 2 months and may grow to 6 in total.
    'POST /api/placements/:id/extend': () => ({ plannedEndDate: '2027-04-01' }),
    'POST /api/placements/:id/end': () => ({ outcome: 'studie', endedOn: '2026-12-20' }),
    // The flow placements start unconfirmed: the employer confirms or asks a change, the
    // werkmakelaar adjusts or records a phone agreement (whichever comes first wins; the rest is 409).
    'POST /api/placements/:id/confirm': () => ({}),
    'POST /api/placements/:id/request-change': () => ({ note: 'Liever 20 uur' }),
    'POST /api/placements/:id/record-phone-agreement': () => ({
      agreedOn: '2026-11-20',
      note: 'Autorisatiematrix',
    }),
    'POST /api/placements/:id/adjust': () => ({ startDate: '2026-12-01', hoursPerWeek: 20 }),
    'POST /api/checkins': () => ({
      candidateId: w.candidateA.id,
      contactOn: '2026-11-20',
      kind: 'gesprek',
    }),
    'POST /api/trajectories': async () => ({
      candidateId: await throwaway.candidate(w.wmA.token),
      route: 'werk',
      startDate: '2026-01-05',
    }),
    'POST /api/trajectories/:id/end': () => ({ outcome: 'studie', endDate: '2026-06-01' }),
    'POST /api/trajectories/:id/hours': () => ({ weekStart: '2026-01-05', hours: 16 }),
    'POST /api/trajectories/:id/goals': () => ({ description: `Leerdoel ${next()}` }),
    'POST /api/trajectories/:id/transitions': () => ({
      toForm: 'werkervaringsplaats',
      switchedOn: '2026-02-02',
      reason: 'Matrix',
      decidedBy: 'samen',
    }),
    'PATCH /api/learning-goals/:id': () => ({ status: 'bezig' }),
    'POST /api/candidates/:id/ladder': () => ({ rung: 3, measuredOn: '2026-06-01' }),
    'POST /api/trajectory-rules': () => ({
      organisationId: w.orgA,
      diagnosisHours: 100,
      blockHours: 350,
      maxHours: 800,
      warnWithinHours: 40,
      validFrom: `${2040 + next()}-01-01`,
      source: 'Autorisatiematrix',
    }),
    'POST /api/arrangement-rules': () => ({
      arrangement: 'stage',
      initialMonths: 3,
      maxTotalMonths: 6,
      validFrom: `2031-01-${String(1 + (next() % 28)).padStart(2, '0')}`,
      source: 'Autorisatiematrix',
    }),
    'POST /api/instruments/calculate': () => ({ hoursPerWeek: 24, loonwaardePct: 50 }),
    // Each call a later start, so versions follow each other in time.
    'POST /api/instruments/:code/versions': () => ({
      scope: 'national',
      params: { perHour: '15.25', minAge: 21 },
      validFrom: `${2032 + next()}-01-01`,
      sourceUrls: ['https://www.rijksoverheid.nl/onderwerpen/minimumloon'],
      lastChecked: '2026-11-29',
    }),
    // The flow placements are proefplaatsingen of a candidate with bijstand.
    'POST /api/placements/:id/instruments': () => ({ codes: ['proefplaatsing_gemeente'] }),
  };

  const failures: string[] = [];

  function checkShape(cell: string, res: Response, html = false, csv = false) {
    if (res.status >= 500) failures.push(`${cell}: ${res.status} ${res.text.slice(0, 200)}`);
    // Item 8: personal data is never cached, whatever the route or status.
    if (!/no-store/.test(String(res.headers['cache-control'] ?? '')))
      failures.push(`${cell}: ${res.status} without Cache-Control: no-store`);
    const type = String(res.headers['content-type'] ?? '');
    if (res.status === 204) return;
    if (csv && res.status < 300) {
      if (!type.includes('text/csv')) failures.push(`${cell}: ${res.status} as ${type}`);
      return;
    }
    if (FILE_DOWNLOADS.some((k) => cell.startsWith(`${k} as `)) && res.status < 300) {
      if (!/text\/csv|spreadsheetml/.test(type)) failures.push(`${cell}: ${res.status} as ${type}`);
      return;
    }
    // A page outside /api answers its errors as a page too (libs/web's error pages).
    if (html) {
      if (!type.includes('text/html')) failures.push(`${cell}: ${res.status} as ${type}`);
      return;
    }
    if (res.status >= 400) {
      if (!type.includes('application/problem+json'))
        failures.push(`${cell}: ${res.status} with content-type ${type}`);
      else if (typeof res.body.code !== 'string' || typeof res.body.type !== 'string')
        failures.push(`${cell}: problem without code/type ${res.text.slice(0, 200)}`);
    } else if (!type.includes('application/json'))
      failures.push(`${cell}: ${res.status} with content-type ${type}`);
  }

  async function send(method: string, path: string, p: Principal, body?: object, ifMatch?: number) {
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete'](path);
    // Reads of a full file (and exports) say why; the audit trail keeps it.
    req = req.set(auth(p)).set('X-Purpose', 'autorisatiematrix');
    if (ifMatch !== undefined) req = req.set('If-Match', `"${ifMatch}"`);
    if (body !== undefined) req = req.send(body);
    return req;
  }

  /** Fresh tokens for routes that end the session they are called with. */
  async function freshToken(role: Role): Promise<string> {
    const emails: Record<Role, string> = {
      admin: 'admin@test.nl',
      werkmakelaar: 'wm.a@test.nl',
      werkgever: 'werkgever@groenenzo.nl',
      kandidaat: 'sanne@test.nl',
    };
    t.app.get(LoginThrottle).reset();
    return tokenFor(t, emails[role]);
  }

  /** A throwaway kandidaat: a candidate of organisation A with a login of its own. */
  async function throwawayKandidaatToken(): Promise<string> {
    const candidateId = await throwaway.candidate(w.wmA.token);
    const email = `wegwerp-${next()}@test.nl`;
    await insertUser(t.db, 'kandidaat', email, w.orgA, { candidateId });
    t.app.get(LoginThrottle).reset();
    return tokenFor(t, email);
  }

  /** A throwaway account of the role, so that ending its other sessions touches no one else's. */
  async function throwawayToken(role: Role): Promise<string> {
    if (role === 'kandidaat') return throwawayKandidaatToken();
    const email = `wegwerp-${next()}@test.nl`;
    if (role === 'werkgever')
      await insertUser(t.db, 'werkgever', email, w.employer.organisationId, {
        employerId: w.employer.id,
      });
    else await insertUser(t.db, role, email, w.orgA);
    t.app.get(LoginThrottle).reset();
    return tokenFor(t, email);
  }

  /** Routes that end the session (or the very identity) they are called with. */
  const SESSION_ENDING: Record<string, (role: Role) => Promise<string>> = {
    'DELETE /api/auth/token': (role) => freshToken(role),
    'POST /api/me/erasure': (role) =>
      role === 'kandidaat' ? throwawayKandidaatToken() : freshToken(role),
    // Ends every other session of the caller's account: its own token goes on working.
    'POST /api/me/sessions/end-others': (role) => throwawayToken(role),
  };
  const KEEPS_CALLER = new Set(['POST /api/me/sessions/end-others']);

  const expectedStatus = (rule: Expectation, p: Principal, hidden: boolean) => {
    if (rule === 'public') return hidden ? 404 : 'ok';
    if (p === 'anonymous') return 401;
    if (!rule.includes(p)) return 403;
    return hidden ? 404 : 'ok';
  };

  /**
   * Protected candidate data (names, contact, benefit, notes) as buildWorld stores it. Only the
   * candidate and the werkmakelaars of the owning organisation may ever receive it.
   */
  const PROTECTED_A = ['de Vries', 'sanne.devries@example.nl', 'Sanne'];
  const PROTECTED_B = ['Ahmed', 'Bakker', 'ahmed@example.nl'];
  // The benefit type as a JSON value: the instrument sources (public URLs) name the Participatiewet.
  const BENEFIT_VALUE = '"participatiewet"';
  const PROTECTED_BOTH = ['Rugklachten', '06-12345678', BENEFIT_VALUE, '1994-03-12'];
  /** Instrument rules are public reference data: their parameters list benefit types by name. */
  const RULE_DATA = [
    'GET /api/instruments',
    'GET /api/instruments/:code',
    'POST /api/instruments/:code/versions',
  ];
  const mustNotSee: Record<Principal, string[]> = {
    anonymous: [...PROTECTED_A, ...PROTECTED_B, ...PROTECTED_BOTH],
    admin: [...PROTECTED_A, ...PROTECTED_B, ...PROTECTED_BOTH],
    werkgever: [...PROTECTED_A, ...PROTECTED_B, ...PROTECTED_BOTH],
    werkmakelaar: PROTECTED_B,
    kandidaat: PROTECTED_B,
  };

  function judge(cell: string, res: Response, want: number | 'ok', p: Principal) {
    stats.cells += 1;
    checkShape(
      cell,
      res,
      HTML_PAGES.some((k) => cell.startsWith(`${k} as `)),
      CSV_DOWNLOADS.some((k) => cell.startsWith(`${k} as `)),
    );
    const leaked = mustNotSee[p].filter(
      (s) =>
        res.text.includes(s) &&
        !(s === BENEFIT_VALUE && RULE_DATA.some((k) => cell.startsWith(`${k} as `))),
    );
    if (leaked.length)
      failures.push(`${cell}: response leaks protected data (${leaked.join(', ')})`);
    if (res.status >= 200 && res.status < 300) stats.twoHundreds += 1;
    if (want === 'ok') {
      if ([401, 403, 404].includes(res.status) || res.status >= 500)
        failures.push(`${cell}: expected success, got ${res.status} ${res.text.slice(0, 200)}`);
      else if (res.status >= 300)
        console.log(`note: ${cell} answered ${res.status} ${res.text.slice(0, 160)}`);
    } else if (res.status !== want) {
      failures.push(`${cell}: expected ${want}, got ${res.status} ${res.text.slice(0, 200)}`);
    }
  }

  /** Whether a record is still there; an erased candidate is gone although its row remains. */
  /** Tables keyed by something other than `id`. */
  const KEY_COLUMN: Record<string, string> = { organisation_identity_providers: 'organisation_id' };

  async function isLive(table: string, id: string): Promise<boolean> {
    const erasable = table === 'candidates' ? ' AND erased_at IS NULL' : '';
    const key = KEY_COLUMN[table] ?? 'id';
    const rows = await t.db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1${erasable}`, [id]);
    return rows.length > 0;
  }

  const versioned = new Map<string, boolean>();
  /** The record's current version, for If-Match; undefined for tables without one. */
  async function versionOf(table: string, id: string): Promise<number | undefined> {
    if (!table) return undefined;
    if (!versioned.has(table)) {
      const rows = await t.db.query(
        `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'version'`,
        [table],
      );
      versioned.set(table, rows.length > 0);
    }
    if (!versioned.get(table)) return undefined;
    const key = KEY_COLUMN[table] ?? 'id';
    const [row] = await t.db.query(`SELECT version FROM ${table} WHERE ${key} = $1`, [id]);
    return row?.version;
  }

  /** Deletes come last so that the records other cells use stay in place. */
  const order = (key: string) => (key.startsWith('DELETE ') ? 1 : 0);

  it('calls every route as every principal and gets the expected status', async () => {
    failures.length = 0;
    t.app.get(LoginThrottle).reset();
    const keys = Object.keys(EXPECTED)
      .filter((k) => routes.some((r) => r.key === k))
      .sort((a, b) => order(a) - order(b));
    for (const key of keys) {
      const rule = EXPECTED[key] as Expectation;
      const [method, path] = key.split(' ') as [string, string];
      const params = pathParams(path);
      stats.routes.add(key);
      for (const p of PRINCIPALS) {
        const ending = SESSION_ENDING[key];
        if (ending) {
          // The call ends the caller's session or identity: give it one of its own.
          const token = p === 'anonymous' ? undefined : await ending(p);
          const body = await BODIES[key]?.(p);
          let req = t.http()[method.toLowerCase() as 'post' | 'delete'](path);
          if (token) req = req.set(bearer(token));
          const res = await (body === undefined ? req : req.send(body));
          judge(`${key} as ${p}`, res, expectedStatus(rule, p, false), p);
          if (token && res.status >= 200 && res.status < 300) {
            const after = await t.http().get('/api/auth/me').set(bearer(token));
            const kept = KEEPS_CALLER.has(key);
            if (after.status !== (kept ? 200 : 401))
              failures.push(
                `${key} as ${p}: the session ${kept ? 'stopped' : 'still works'} afterwards (${after.status})`,
              );
          }
          continue;
        }
        const makeBody = BODIES[key];
        if ((method === 'POST' || method === 'PATCH') && makeBody === undefined) {
          failures.push(`${key}: no body in BODIES for this write route`);
          continue;
        }
        if (params.length === 0) {
          if (key.startsWith('POST /api/auth/')) t.app.get(LoginThrottle).reset();
          const res = await send(method, path, p, await makeBody?.(p));
          judge(`${key} as ${p}`, res, expectedStatus(rule, p, false), p);
          continue;
        }
        const targets = TARGETS[path];
        if (!targets || params.length !== 1) {
          failures.push(`${key}: no TARGETS entry to fill path parameters ${params.join(', ')}`);
          continue;
        }
        for (const which of ['own', 'other'] as const) {
          const target = await targets(p, which, method);
          const url = path.replace(`:${params[0]}`, target.id);
          // Writes name the version they read (PATCH needs it; others may check it).
          const version =
            method === 'GET' || method === 'DELETE'
              ? undefined
              : await versionOf(target.table, target.id);
          const res = await send(method, url, p, await makeBody?.(p), version);
          const want = expectedStatus(rule, p, target.hidden);
          judge(`${key} as ${p} on ${which} record`, res, want, p);
          if (method === 'DELETE') {
            const live = await isLive(target.table, target.id);
            const done = res.status >= 200 && res.status < 300;
            if (done && live)
              failures.push(
                `${key} as ${p} on ${which} record: ${res.status} but it is still there`,
              );
            if (!done && !live)
              failures.push(`${key} as ${p} on ${which} record: ${res.status} but it is gone`);
          }
          if (
            method !== 'GET' &&
            method !== 'DELETE' &&
            version !== undefined &&
            res.status >= 400
          ) {
            const after = await versionOf(target.table, target.id);
            if (after !== version)
              failures.push(`${key} as ${p} on ${which} record: refused, yet version changed`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets an organisation administrator manage the users of their own organisation only', async () => {
    const call = (token: string, method: 'post' | 'patch', path: string, body: object = {}) =>
      t.http()[method](path).set(bearer(token)).send(body);
    const versionOfUser = async (id: string) =>
      (
        (await t.db.query(`SELECT version FROM users WHERE id = $1`, [id]))[0] as {
          version: number;
        }
      ).version;
    const plainId = await insertUser(t.db, 'werkmakelaar', 'wm.gewoon@test.nl', w.orgA);
    t.app.get(LoginThrottle).reset();
    const plain = await tokenFor(t, 'wm.gewoon@test.nl');
    const colleague = await invited(w.orgA);
    const invite = (organisationId: string, extra: object = {}) => ({
      organisationId,
      email: `matrix-org-${next()}@test.nl`,
      displayName: 'Matrix',
      role: 'werkmakelaar',
      ...extra,
    });
    const cells: [string, () => Promise<Response>, number][] = [
      // A werkmakelaar without the flag: their own organisation is no secret, but not theirs to manage.
      [
        'plain invites',
        async () => call(plain, 'post', '/api/users/invitations', invite(w.orgA)),
        403,
      ],
      ['plain resends', async () => call(plain, 'post', `/api/users/${colleague}/invitation`), 403],
      [
        'plain deactivates',
        async () =>
          call(plain, 'patch', `/api/users/${colleague}`, {
            active: false,
            version: await versionOfUser(colleague),
          }),
        404,
      ],
      // The organisation administrator: another organisation is not found, an administrator's role
      // is not theirs to give, and their own role is not theirs to change.
      [
        'admin of A invites into B',
        async () => call(w.wmA.token, 'post', '/api/users/invitations', invite(w.orgB)),
        404,
      ],
      [
        'admin of A invites an administrator',
        async () =>
          call(w.wmA.token, 'post', '/api/users/invitations', invite(w.orgA, { role: 'admin' })),
        422,
      ],
      [
        'admin of A stops a user of B',
        async () =>
          call(w.wmA.token, 'patch', `/api/users/${w.wmB.id}`, { active: false, version: 1 }),
        404,
      ],
      [
        'admin of A changes their own role',
        async () =>
          call(w.wmA.token, 'patch', `/api/users/${w.wmA.id}`, {
            organisationAdmin: false,
            version: await versionOfUser(w.wmA.id),
          }),
        403,
      ],
    ];
    const wrong: string[] = [];
    for (const [cell, res, want] of cells) {
      const got = await res();
      if (got.status !== want)
        wrong.push(`${cell}: ${got.status} ${got.text.slice(0, 160)}, expected ${want}`);
    }
    // What they may: invite into A, make a colleague an organisation administrator, stop an account
    // (its token ends at once).
    const ok = await call(
      w.wmA.token,
      'post',
      '/api/users/invitations',
      invite(w.orgA, { organisationAdmin: true }),
    );
    if (ok.status !== 201) wrong.push(`admin of A invites: ${ok.status} ${ok.text.slice(0, 160)}`);
    const promote = await call(w.wmA.token, 'patch', `/api/users/${plainId}`, {
      organisationAdmin: true,
      version: await versionOfUser(plainId),
    });
    if (promote.status !== 200 || promote.body.organisationAdmin !== true)
      wrong.push(`admin of A promotes: ${promote.status} ${promote.text.slice(0, 160)}`);
    const stop = await call(w.wmA.token, 'patch', `/api/users/${plainId}`, {
      active: false,
      version: await versionOfUser(plainId),
    });
    if (stop.status !== 200)
      wrong.push(`admin of A stops: ${stop.status} ${stop.text.slice(0, 160)}`);
    const after = await t.http().get('/api/auth/me').set(bearer(plain));
    if (after.status !== 401)
      wrong.push(`the stopped account's token still works: ${after.status}`);
    expect(wrong).toEqual([]);
  });

  it('serves the API documentation to everyone', async () => {
    failures.length = 0;
    for (const key of DOCUMENTATION) {
      const path = key.split(' ')[1] as string;
      for (const p of PRINCIPALS) {
        const res = await t.http().get(path).set(auth(p));
        stats.cells += 1;
        if (res.status >= 200 && res.status < 300) stats.twoHundreds += 1;
        if (res.status >= 500 || res.status === 401 || res.status === 403)
          failures.push(`${key} as ${p}: ${res.status}`);
      }
      stats.routes.add(key);
    }
    expect(failures).toEqual([]);
  });
});
