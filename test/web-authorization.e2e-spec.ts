import { LoginThrottle, ROLES, type Role } from '@werkbrug/auth';
import { nestRoutes, pathParams } from './support/route-table';
import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { WEB_ROUTES } from './support/web-route-table';
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
  const EMAILS: Record<Role, string> = {
    admin: 'admin@test.nl',
    werkmakelaar: 'wm.a@test.nl',
    werkgever: 'werkgever@groenenzo.nl',
    kandidaat: 'sanne@test.nl',
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    t.app.get(LoginThrottle).reset();
    agents.anonymous = webAgent(t);
    await agents.anonymous.get('/inloggen');
    for (const role of ROLES) agents[role] = await signIn(t, EMAILS[role]);
    await t.db.query(
      `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, '2026-11')`,
      [w.employer.userId],
    );
  });
  afterAll(async () => t?.close());

  // Trajectory pages: a trajectory of each organisation, and bodies that pass the forms.
  beforeAll(async () => {
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
    const own = await open(w.wmA.token, w.candidateA.id);
    const other = await open(w.wmB.token, w.candidateB.id);
    TARGETS.trajectoryId = (which) => (which === 'own' ? { id: own } : { id: other, status: 404 });
    BODIES['POST /werkmakelaar/trajecten/nieuw'] = {
      candidateId: w.candidateA.id,
      route: 'participatie',
      startDate: '2026-02-02',
    };
  });

  /** Path parameters: own and other organisation's record; hidden means 404 for the caller. */
  const TARGETS: Record<string, (which: 'own' | 'other') => { id: string; status?: number }> = {
    token: () => ({ id: 'x'.repeat(43), status: 410 }),
    path: () => ({ id: 'bestaat-niet', status: 404 }),
  };

  /** Bodies that make a write pass validation (keeps the cell about access, not input). */
  const BODIES: Record<string, Record<string, string>> = {
    'POST /voorwaarden': { akkoord: 'ja' },
    'POST /werkmakelaar/trajecten/:trajectoryId/uren': { weekStart: '2026-01-05', hours: '8' },
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
      if (key === 'POST /uitloggen' || key === 'POST /inloggen') continue; // their own tests
      const params = pathParams(path);
      for (const p of ['anonymous', ...ROLES] as Principal[]) {
        for (const which of params.length ? (['own', 'other'] as const) : (['own'] as const)) {
          let url = path;
          let want: number | 'ok' = 'ok';
          for (const param of params) {
            const target = TARGETS[param]?.(which);
            if (!target) throw new Error(`no TARGETS entry for :${param}`);
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
          const ok = want === 'ok' ? res.status < 300 || res.status === 303 : res.status === want;
          if (!ok) failures.push(`${cell}: expected ${want}, got ${res.status}`);
          if (want === 303 && !String(res.headers.location).startsWith('/inloggen'))
            failures.push(`${cell}: redirected to ${res.headers.location}`);
          // CSV downloads answer text/csv; every other page is HTML.
          const type = key.endsWith('/csv') && res.status === 200 ? 'text/csv' : 'text/html';
          if (res.status !== 303 && !String(res.headers['content-type']).includes(type))
            failures.push(`${cell}: ${res.headers['content-type']}`);
          const leaked = PROTECTED.filter((s) => res.text.includes(s));
          if (leaked.length) failures.push(`${cell}: leaks ${leaked.join(', ')}`);
        }
      }
    }
    console.log(`web authorization: ${cells} cells checked`);
    expect(failures).toEqual([]);
  });
});
