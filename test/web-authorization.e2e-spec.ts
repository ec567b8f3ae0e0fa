import { LoginThrottle, ROLES, type Actor, type Role } from '@werkbrug/auth';
import { ImportService } from '@werkbrug/import';
import { nestRoutes, pathParams } from './support/route-table';
import { bearer, buildWorld, insertUser, vacancyBody, World } from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { startTestApp, TestApp } from './support/test-app';
import { WEB_ROUTES } from './support/web-route-table';
import { INSTRUMENT_VOCABULARY, waitingProposal, workplaceForm } from './support/web-employer';
import { type Agent, csrfOf, signIn, webAgent } from './support/web-client';

type Principal = 'anonymous' | Role;

/**
 * Every web page × every role (and anonymous), by session cookie: anonymous visitors are sent to
 * sign in, the wrong role gets 403, the right role gets the page, and another organisation's
 * record is 404. No page leaks protected candidate data to anyone but its werkmakelaar.
 */
describe('web authorization: every page × every role', () => {
  let t: TestApp;
  let w: World;
  const agents = {} as Record<Principal, Agent>;
  let proposalId = '';
  const EMAILS: Record<Role, string> = {
    admin: 'admin@test.nl',
    werkmakelaar: 'wm.a@test.nl',
    werkgever: 'werkgever@groenenzo.nl',
    kandidaat: 'sanne@test.nl',
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // The portal pages search: index the world the way the worker would.
    await (await searchWorker(t)).drain();
    t.app.get(LoginThrottle).reset();
    agents.anonymous = webAgent(t);
    await agents.anonymous.get('/inloggen');
    for (const role of ROLES) agents[role] = await signIn(t, EMAILS[role]);
    proposalId = await waitingProposal(t, w);
    await t.db.query(
      `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, '2026-11')`,
      [w.employer.userId],
    );
    // The werkmakelaar is an organisation administrator: their own organisation's users are theirs
    // to manage, another organisation's are not found (a werkmakelaar without the flag: 403,
    // test/beheer-organisations.e2e-spec.ts).
    await t
      .http()
      .patch(`/api/users/${w.wmA.id}`)
      .set(bearer(w.adminToken))
      .send({ organisationAdmin: true, version: 1 })
      .expect(200);
    colleagueA = await insertUser(t.db, 'werkmakelaar', 'collega.a@test.nl', w.orgA);
    // An hour rule of organisation A, for the administrator's page of its next version.
    await t.db.query(
      `INSERT INTO trajectory_rules (organisation_id, diagnosis_hours, block_hours, max_hours, warn_within_hours, valid_from, source)
       VALUES ($1, 100, 350, 800, 40, '2026-01-01', 'Autorisatie')`,
      [w.orgA],
    );
  });
  afterAll(async () => t?.close());
  let colleagueA = '';

  // Trajectory pages: a trajectory of each organisation (made once, when first needed).
  let trajectories: Promise<{ own: string; other: string }> | undefined;
  const trajectoryPair = () =>
    (trajectories ??= (async () => {
      const open = async (token: string, candidateId: string) => {
        const res = await t.http().post('/api/trajectories').set(bearer(token)).send({
          candidateId,
          route: 'werk',
          startDate: '2026-01-05',
          form: 'beschut_werk',
        });
        if (res.status !== 201) throw new Error(`trajectory: ${res.status} ${res.text}`);
        return res.body.id as string;
      };
      return {
        own: await open(w.wmA.token, w.candidateA.id),
        other: await open(w.wmB.token, w.candidateB.id),
      };
    })());
  beforeAll(() => {
    BODIES['POST /beheer/import/export'] = {
      organisatie: w.orgA,
      'export-soort': 'werkplekken',
      'export-formaat': 'xlsx',
    };
    BODIES['POST /werkmakelaar/trajecten/nieuw'] = {
      candidateId: w.candidateA.id,
      route: 'participatie',
      startDate: '2026-02-02',
    };
  });

  /**
   * Path parameters by the route's path: the own record, and another employer's (404 for the
   * caller). Keys are the path up to the parameter.
   */
  const TARGETS: Record<string, (which: 'own' | 'other') => { id: string; status?: number }> = {
    '/wachtwoord-instellen/:token': () => ({ id: 'x'.repeat(43), status: 410 }),
    '/inloggen/:token': () => ({ id: `al_${'x'.repeat(43)}`, status: 410 }),
    '/e-mail-bevestigen/:token': () => ({ id: `al_${'x'.repeat(43)}`, status: 410 }),
    '/*path': () => ({ id: 'bestaat-niet', status: 404 }),
    '/werkmakelaar/import/sjablonen/:bestand': () => ({ id: 'kandidaten.xlsx' }),
    '/beheer/import/sjablonen/:bestand': () => ({ id: 'werkplekken.csv' }),
    // The administrator's rule pages: a rule that exists, and one that does not (404).
    '/beheer/regels/instrumenten/:code': (which) =>
      which === 'own' ? { id: 'wml' } : { id: 'bestaat_niet', status: 404 },
    '/beheer/regels/plaatsingsvormen/:arrangement': (which) =>
      which === 'own' ? { id: 'proefplaatsing' } : { id: 'regulier', status: 404 },
    '/beheer/regels/uren/:organisationId': (which) =>
      which === 'own' ? { id: w.orgA } : { id: w.orgB, status: 404 },
    '/werkgever/werkplekken/:id': (which) =>
      which === 'own' ? { id: w.vacancy.id } : { id: w.otherVacancy.id, status: 404 },
    // Any id: signing out a device that is not one's own (or no longer open) changes nothing and
    // answers like one that ended, so the answer says nothing about other accounts.
    '/account/sessies/:id': (which) => ({
      id: which === 'own' ? '00000000-0000-4000-8000-00000000000a' : w.wmB.id,
    }),
    '/werkgever/voorstellen/:id': (which) =>
      which === 'own'
        ? { id: proposalId }
        : { id: '00000000-0000-4000-8000-000000000000', status: 404 },
  };
  const targetFor = (path: string) =>
    Object.entries(TARGETS).find(([prefix]) =>
      prefix.startsWith('/*') ? path.endsWith(prefix) : path.startsWith(prefix),
    )?.[1];

  /**
   * Route-specific records for the portal pages, whose :id names different kinds of record. `status` is
   * what the owner of the route's role gets for the other organisation's (or another candidate's) record.
   */
  type RouteTarget = (
    which: 'own' | 'other',
    principal: Principal,
  ) => Promise<{ ids: Record<string, string>; status?: number }>;
  const api = () => ({
    post: (token: string, path: string, body: object) =>
      t.http().post(path).set(bearer(token)).send(body),
  });
  let counter = 0;
  const freshVacancy = async () => {
    const res = await api().post(
      w.wmA.token,
      '/api/vacancies',
      vacancyBody({ employerId: w.employer.id, title: `Webmatrix ${++counter}` }),
    );
    return res.body.id as string;
  };
  const signalOf = async (candidateId: string, org: string, vacancyId: string) => {
    const [row] = await t.db.query(
      `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
      [candidateId, vacancyId, org],
    );
    return row.id as string;
  };
  let others: Promise<{
    proposal: string;
    placement: string;
    signal: string;
    closedVacancy: string;
  }>;
  const other = () =>
    (others ??= (async () => {
      const proposal = await api().post(w.wmB.token, '/api/proposals', {
        candidateId: w.candidateB.id,
        vacancyId: w.otherVacancy.id,
        motivation: 'Webmatrix',
      });
      const placement = await api().post(w.wmB.token, '/api/placements', {
        candidateId: w.candidateB.id,
        vacancyId: w.otherVacancy.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      });
      const closedVacancy = await freshVacancy();
      await t.db.query(`UPDATE vacancies SET status = 'closed' WHERE id = $1`, [closedVacancy]);
      return {
        proposal: proposal.body.id as string,
        placement: placement.body.id as string,
        signal: await signalOf(w.candidateB.id, w.orgB, w.vacancy.id),
        closedVacancy,
      };
    })());
  const ownProposal = async (consent: boolean) => {
    const res = await api().post(w.wmA.token, '/api/proposals', {
      candidateId: w.candidateA.id,
      vacancyId: await freshVacancy(),
      motivation: 'Webmatrix',
    });
    if (consent)
      await api().post(w.candidateA.token, `/api/proposals/${res.body.id}/consent`, { share: [] });
    return res.body.id as string;
  };
  let ownPlacement: Promise<string> | undefined;
  const placementOfA = () =>
    (ownPlacement ??= (async () => {
      const res = await api().post(w.wmA.token, '/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId: await freshVacancy(),
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      });
      return res.body.id as string;
    })());
  const candidateFile: RouteTarget = async (which) =>
    which === 'own'
      ? { ids: { id: w.candidateA.id } }
      : { ids: { id: w.candidateB.id }, status: 404 };
  const proposalTarget =
    (fresh?: () => Promise<string>): RouteTarget =>
    async (which) =>
      which === 'own'
        ? { ids: { id: fresh ? await fresh() : await ownProposal(false) } }
        : { ids: { id: (await other()).proposal }, status: 404 };
  const placementTarget: RouteTarget = async (which) =>
    which === 'own'
      ? { ids: { id: await placementOfA() } }
      : { ids: { id: (await other()).placement }, status: 404 };
  const signalTarget: RouteTarget = async (which) =>
    which === 'own'
      ? { ids: { id: await signalOf(w.candidateA.id, w.orgA, await freshVacancy()) } }
      : { ids: { id: (await other()).signal }, status: 404 };
  const workplaceTarget: RouteTarget = async (which) =>
    which === 'own'
      ? { ids: { id: w.vacancy.id } }
      : { ids: { id: (await other()).closedVacancy }, status: 404 };
  const trajectoryTarget: RouteTarget = async (which) => {
    const pair = await trajectoryPair();
    return which === 'own'
      ? { ids: { trajectoryId: pair.own } }
      : { ids: { trajectoryId: pair.other }, status: 404 };
  };
  const goalOf = async (token: string, trajectoryId: string) => {
    const res = await t
      .http()
      .post(`/api/trajectories/${trajectoryId}/goals`)
      .set(bearer(token))
      .send({ description: 'Op tijd komen' });
    if (res.status !== 201) throw new Error(`goal: ${res.status} ${res.text}`);
    return res.body.id as string;
  };
  const goalTarget: RouteTarget = async (which) => {
    const pair = await trajectoryPair();
    return which === 'own'
      ? { ids: { trajectoryId: pair.own, goalId: await goalOf(w.wmA.token, pair.own) } }
      : {
          ids: { trajectoryId: pair.other, goalId: await goalOf(w.wmB.token, pair.other) },
          status: 404,
        };
  };
  // An employer no werkmakelaar of organisation A can see (no owner, another region).
  let farEmployer: Promise<string> | undefined;
  const employerTarget: RouteTarget = async (which) => {
    if (which === 'own') return { ids: { employerId: w.employer.id } };
    farEmployer ??= (async () => {
      const res = await api().post(w.adminToken, '/api/employers', {
        name: 'Bakkerij Ver Weg',
        kvkNumber: '55554444',
        region: 'Maastricht',
        locations: [{ postcode: '6211 AA', place: 'Maastricht', lat: 50.85, lng: 5.69 }],
      });
      if (res.status !== 201) throw new Error(`employer: ${res.status} ${res.text}`);
      return res.body.id as string;
    })();
    return { ids: { employerId: await farEmployer }, status: 404 };
  };
  // A workplace of that employer: out of the werkmakelaar's sight (another region, not brought in).
  let farVacancy: Promise<string> | undefined;
  const brokerWorkplaceTarget: RouteTarget = async (which) => {
    if (which === 'own') return { ids: { id: w.vacancy.id } };
    farVacancy ??= (async () => {
      const employerId = (await employerTarget('other', 'werkmakelaar')).ids.employerId as string;
      const res = await api().post(
        w.adminToken,
        '/api/vacancies',
        vacancyBody({
          employerId,
          title: 'Bakker ver weg',
          location: {
            address: 'Markt 1',
            postcode: '6211 AA',
            place: 'Maastricht',
            lat: 50.85,
            lng: 5.69,
          },
        }),
      );
      if (res.status !== 201) throw new Error(`vacancy: ${res.status} ${res.text}`);
      return res.body.id as string;
    })();
    return { ids: { id: await farVacancy }, status: 404 };
  };
  /**
   * A mailed link (MAILED_LINKS) sends each role on to its own page (303); the administrator sees
   * no case records, so for them it is the 404 page, as for anyone who may not see the record.
   */
  const mailedTarget =
    (own: () => Promise<string>, other: () => Promise<string>): RouteTarget =>
    async (which, principal) =>
      which === 'own'
        ? { ids: { id: await own() }, ...(principal === 'admin' ? { status: 404 } : {}) }
        : { ids: { id: await other() }, status: 404 };
  const werksoortTarget: RouteTarget = async () => {
    const [row] = await t.db.query(`SELECT id FROM werksoorten WHERE code = 'groen'`);
    return { ids: { id: row.id as string } };
  };
  /** An organisation: the werkmakelaar's own, or another one (not found for them; the admin sees all). */
  const organisationTarget: RouteTarget = async (which, principal) =>
    which === 'own'
      ? { ids: { id: w.orgA } }
      : { ids: { id: w.orgB }, ...(principal === 'admin' ? {} : { status: 404 }) };
  const organisationUserTarget: RouteTarget = async (which, principal) =>
    which === 'own'
      ? { ids: { id: w.orgA, userId: colleagueA } }
      : {
          ids: { id: w.orgB, userId: w.wmB.id },
          ...(principal === 'admin' ? {} : { status: 404 }),
        };
  /**
   * Import jobs (a dry run, queued): the own organisation's, and organisation B's (404 for A's
   * werkmakelaar). Administrators see every organisation's job: for them the other is one that
   * does not exist.
   */
  const importJob = async (organisationId: string, userId: string) => {
    const actor: Actor = {
      userId,
      role: 'werkmakelaar',
      organisationId,
      employerId: null,
      candidateId: null,
    };
    const job = await t.app.get(ImportService).submit(actor, {
      kind: 'candidates',
      organisationId,
      fileName: 'kandidaten.csv',
      bytes: Buffer.from('Voornaam;Achternaam\nNoor;Visser\n'),
      dryRun: true,
    });
    return job.id;
  };
  const importJobTarget: RouteTarget = async (which, principal) =>
    which === 'own'
      ? { ids: { id: await importJob(w.orgA, w.wmA.id) } }
      : principal === 'admin'
        ? { ids: { id: '00000000-0000-4000-8000-000000000000' }, status: 404 }
        : { ids: { id: await importJob(w.orgB, w.wmB.id) }, status: 404 };
  const ROUTE_TARGETS: Record<string, RouteTarget> = {
    '/beheer/organisaties/:id': organisationTarget,
    '/beheer/organisaties/:id/wijzigen': organisationTarget,
    '/beheer/organisaties/:id/inloggen': organisationTarget,
    '/beheer/organisaties/:id/inloggen/uitzetten': organisationTarget,
    '/beheer/organisaties/:id/uitnodigen': organisationTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/rol': organisationUserTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/deactiveren': organisationUserTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/authenticator': organisationUserTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/activeren': organisationUserTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/uitnodiging': organisationUserTarget,
    '/beheer/organisaties/:id/gebruikers/:userId/uitloggen': organisationUserTarget,
    // Without "bevestigd" each asks first: nothing is retried by the matrix.
    '/beheer/berichten/:id/opnieuw': async () => ({
      ids: { id: '00000000-0000-4000-8000-000000000001' },
    }),
    '/werkmakelaar/import/:id': importJobTarget,
    '/werkmakelaar/import/:id/rapport': importJobTarget,
    '/werkmakelaar/import/:id/importeren': importJobTarget,
    '/beheer/import/:id': importJobTarget,
    '/beheer/import/:id/rapport': importJobTarget,
    '/beheer/import/:id/importeren': importJobTarget,
    '/voorstellen/:id': mailedTarget(
      () => ownProposal(true),
      async () => (await other()).proposal,
    ),
    '/plaatsingen/:id': mailedTarget(placementOfA, async () => (await other()).placement),
    '/werkmakelaar/werkplekken/nieuw/:employerId': employerTarget,
    '/werkmakelaar/werkplekken/nieuw/:employerId/publiceren': employerTarget,
    '/werkmakelaar/werkplekken/:id': brokerWorkplaceTarget,
    '/kandidaat/werkplekken/:id': workplaceTarget,
    '/kandidaat/werkplekken/:id/interesse': workplaceTarget,
    '/kandidaat/interesse/:id/intrekken': signalTarget,
    '/kandidaat/toestemming/:id': proposalTarget(),
    '/kandidaat/toestemming/:id/ja': proposalTarget(() => ownProposal(false)),
    '/kandidaat/toestemming/:id/nee': proposalTarget(() => ownProposal(false)),
    '/kandidaat/toestemming/:id/stoppen': proposalTarget(() => ownProposal(true)),
    '/kandidaat/toestemming/:id/afspraak': proposalTarget(),
    '/kandidaat/toestemming/:id/afspraak/kiezen': proposalTarget(),
    '/kandidaat/toestemming/:id/afspraak/verzetten': proposalTarget(),
    '/kandidaat/toestemming/:id/afspraak/afzeggen': proposalTarget(),
    '/kandidaat/toestemming/:id/afspraak/verslag': proposalTarget(),
    '/kandidaat/berichten/stoppen/:token': async () => ({ ids: { token: 'geen-geldig-token' } }),
    '/werkmakelaar/kandidaten/:id': candidateFile,
    '/werkmakelaar/kandidaten/:id/dossier': candidateFile,
    '/werkmakelaar/kandidaten/:id/contact': candidateFile,
    '/werkmakelaar/kandidaten/:id/ladder': candidateFile,
    '/werkmakelaar/kandidaten/:id/instrumenten': candidateFile,
    '/werkmakelaar/interesse/:id/gezien': signalTarget,
    '/werkmakelaar/kandidaten/:id/voorstellen/:vacancyId': async (which) =>
      which === 'own'
        ? { ids: { id: w.candidateA.id, vacancyId: w.vacancy.id } }
        : { ids: { id: w.candidateB.id, vacancyId: w.vacancy.id }, status: 404 },
    '/werkmakelaar/voorstellen/:id': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/status': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/plaatsen': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/afspraak': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/afspraak/kiezen': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/afspraak/afzeggen': proposalTarget(),
    '/werkmakelaar/voorstellen/:id/afspraak/verslag': proposalTarget(),
    '/werkmakelaar/plaatsingen/:id': placementTarget,
    '/werkmakelaar/plaatsingen/:id/verlengen': placementTarget,
    '/werkmakelaar/plaatsingen/:id/beeindigen': placementTarget,
    '/werkmakelaar/plaatsingen/:id/wijzigen': placementTarget,
    '/werkmakelaar/plaatsingen/:id/telefonisch-akkoord': placementTarget,
    // The employer's placement page and its two forms: the own placement is at their workplace.
    '/werkgever/plaatsingen/:id': placementTarget,
    '/werkgever/plaatsingen/:id/bevestigen': placementTarget,
    '/werkgever/plaatsingen/:id/wijziging': placementTarget,
    '/werkmakelaar/trajecten/:trajectoryId': trajectoryTarget,
    '/werkmakelaar/trajecten/:trajectoryId/uren': trajectoryTarget,
    '/werkmakelaar/trajecten/:trajectoryId/wissel': trajectoryTarget,
    '/werkmakelaar/trajecten/:trajectoryId/leerdoelen': trajectoryTarget,
    '/werkmakelaar/trajecten/:trajectoryId/leerdoelen/:goalId': goalTarget,
    '/werkmakelaar/trajecten/:trajectoryId/afsluiten': trajectoryTarget,
    // Werksoorten are reference data: the administrator reaches each one (no own or other).
    '/beheer/werksoorten/:id': werksoortTarget,
    '/beheer/werksoorten/:id/samenvoegen': werksoortTarget,
  };
  /** Routes that answer something other than an HTML page. */
  const NOT_HTML = [
    'GET /kandidaat/gegevens/download',
    // Import and export files (Excel by default; a report of a job still queued is refused).
    'GET /werkmakelaar/import/sjablonen/:bestand',
    'GET /beheer/import/sjablonen/:bestand',
    'GET /werkmakelaar/import/:id/rapport',
    'GET /beheer/import/:id/rapport',
    'POST /werkmakelaar/import/export',
    'POST /beheer/import/export',
  ];

  /** Bodies that make a write pass validation (keeps the cell about access, not input). */
  const BODIES: Record<string, Record<string, string | string[]>> = {
    'POST /voorwaarden': { akkoord: 'ja' },
    // Employers of the own organisation as CSV (the administrator's form also names the organisation).
    'POST /werkmakelaar/import/export': { 'export-soort': 'werkgevers', 'export-formaat': 'csv' },
    'POST /werkgever/werkplekken/nieuw': workplaceForm(''),
    'POST /werkgever/voorstellen/:id/beoordeling': { mark: 'relevant' },
    // Complete but for the location: the form answers 400 and nothing is published.
    'POST /werkmakelaar/werkplekken/nieuw/:employerId': workplaceForm(''),
    'POST /werkmakelaar/werkplekken/nieuw/:employerId/publiceren': workplaceForm(''),
    'POST /werkmakelaar/kandidaten/:id/ladder': {
      rung: '3',
      measuredOn: '2026-01-05',
      ladderNote: 'Autorisatie',
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/uren': { weekStart: '2026-01-05', hours: '8' },
    'POST /werkmakelaar/trajecten/:trajectoryId/leerdoelen': { description: 'Autorisatie' },
    // The own trajectory ends here: this route comes last in the table.
    'POST /werkmakelaar/trajecten/:trajectoryId/afsluiten': {
      outcome: 'studie',
      endDate: '2026-06-01',
    },
    'POST /werkmakelaar/trajecten/:trajectoryId/wissel': {
      toForm: 'werkervaringsplaats',
      switchedOn: '2026-02-02',
      reason: 'Autorisatie',
      decidedBy: 'samen',
    },
    'POST /wachtwoord-vergeten': { email: 'niemand@test.nl' },
    'POST /wachtwoord-instellen/:token': {
      password: 'een lang genoeg wachtwoord',
      repeat: 'een lang genoeg wachtwoord',
    },
  };

  const PROTECTED = [
    'de Vries',
    'sanne.devries@example.nl',
    'Rugklachten',
    '06-12345678',
    'participatiewet',
    '1994-03-12',
    'Ahmed',
    'Bakker',
  ];
  /** Candidate B (organisation B): never on a page of organisation A's werkmakelaar or candidate. */
  const OTHER_CANDIDATE = ['Ahmed', 'Bakker', 'ahmed@example.nl'];

  it('lists a rule for every web route the app serves', () => {
    const served = nestRoutes(t.app)
      .filter((r) => r.webAccess)
      .map((r) => r.key)
      .sort();
    expect(served).toEqual(Object.keys(WEB_ROUTES).sort());
  });

  it('answers every cell as the table says', async () => {
    const failures: string[] = [];
    let cells = 0;
    for (const [key, rule] of Object.entries(WEB_ROUTES)) {
      const [method, path] = key.split(' ') as [string, string];
      // Their own tests (the second factor's pages: second-factor.e2e-spec.ts; the way to and back
      // from an organisation's provider, which needs the e-mail step first: oidc-sign-in.e2e-spec.ts).
      if (
        key === 'POST /uitloggen' ||
        key === 'POST /inloggen' ||
        path.startsWith('/inlogcode') ||
        path.startsWith('/inloggen/oidc/')
      )
        continue;
      const params = pathParams(path);
      for (const p of ['anonymous', ...ROLES] as Principal[]) {
        for (const which of params.length ? (['own', 'other'] as const) : (['own'] as const)) {
          let url = path;
          let want: number | 'ok' = 'ok';
          const routeTarget = ROUTE_TARGETS[path];
          if (routeTarget) {
            // Only a caller the route admits gets to the record; others need no fresh one.
            const admitted = rule === 'public' || (p !== 'anonymous' && rule.includes(p));
            const target = admitted
              ? await routeTarget(which, p)
              : { ids: Object.fromEntries(params.map((x) => [x, w.candidateA.id])) };
            for (const param of params) url = url.replace(`:${param}`, target.ids[param] as string);
            if ('status' in target && target.status) want = target.status;
          } else
            for (const param of params) {
              const target = targetFor(path)?.(which);
              if (!target) throw new Error(`no TARGETS entry for ${path}`);
              url = url.replace(`:${param}`, target.id);
              if (target.status) want = target.status;
            }
          if (rule !== 'public') {
            if (p === 'anonymous') want = 303;
            else if (!rule.includes(p)) want = 403;
          }
          const agent = agents[p];
          let res;
          if (method === 'GET') res = await agent.get(url);
          else {
            const page = await agent.get(p === 'anonymous' ? '/inloggen' : '/voorwaarden');
            res = await agent
              .post(url)
              .type('form')
              .send({ ...(BODIES[key] ?? {}), _csrf: csrfOf(page.text) });
          }
          cells++;
          const cell = `${key} as ${p} (${which})`;
          const toLogin =
            res.status === 303 && String(res.headers.location).startsWith('/inloggen');
          // Allowed: anything but a refusal (a form may answer 400 to an incomplete body).
          const ok =
            want === 'ok'
              ? ![401, 403, 404].includes(res.status) && res.status < 500 && !toLogin
              : res.status === want;
          if (!ok) failures.push(`${cell}: expected ${want}, got ${res.status}`);
          if (want === 303 && !String(res.headers.location).startsWith('/inloggen'))
            failures.push(`${cell}: redirected to ${res.headers.location}`);
          // CSV downloads answer text/csv; every other page is HTML.
          const type = key.endsWith('/csv') && res.status === 200 ? 'text/csv' : 'text/html';
          if (
            res.status !== 303 &&
            !NOT_HTML.includes(key) &&
            !String(res.headers['content-type']).includes(type)
          )
            failures.push(`${cell}: ${res.headers['content-type']}`);
          // The candidate and their werkmakelaar may see candidate A's file; nobody else sees any.
          const mayNotSee = p === 'kandidaat' || p === 'werkmakelaar' ? OTHER_CANDIDATE : PROTECTED;
          // The scenario calculator offers benefit types as answers: vocabulary, not a person's data.
          // The administrator's list of organisations names the employer "Bakkerij Ver Weg" (made
          // above): an organisation's name, not candidate B's surname. So do the administrator's rule
          // pages (the rules' sources and their lists of benefits).
          const vocabulary =
            path === '/werkgever/instrumenten' || path.startsWith('/beheer/regels')
              ? INSTRUMENT_VOCABULARY
              : path === '/beheer/organisaties' && p === 'admin'
                ? ['Bakker']
                : [];
          const leaked = mayNotSee.filter((s) => !vocabulary.includes(s) && res.text.includes(s));
          if (leaked.length) failures.push(`${cell}: leaks ${leaked.join(', ')}`);
        }
      }
    }
    console.log(`web authorization: ${cells} cells checked`);
    expect(failures).toEqual([]);
  });
});
