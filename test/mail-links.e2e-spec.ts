import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { AlertsService } from '@werkbrug/alerts';
import { LoginThrottle, type Role } from '@werkbrug/auth';
import { addDays, addMonths, today } from '@werkbrug/domain';
import { InstrumentDeadlinesService, RuleHorizonsService } from '@werkbrug/instruments';
import { MAIL_TEMPLATES, MailOutboxHandler, MailService, type MailTemplate } from '@werkbrug/mail';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { PlacementAttentionService } from '@werkbrug/placements';
import { MeetingsService } from '@werkbrug/proposals';
import { EvaluationRemindersService } from '@werkbrug/trajectories';
import { LANDING } from '@werkbrug/web';
import { addressFormOf, addressWords, mailWords } from './support/address-form';
import {
  bearer,
  buildWorld,
  insertUser,
  PASSWORD,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import { rememberSecret, testTotpSecret } from './support/second-factor';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import {
  type Agent,
  csrfOf,
  passSecondFactor,
  postForm,
  signIn,
  webAgent,
} from './support/web-client';

const PUBLIC_URL = 'https://werkbrug.example';
const DAY = 86_400_000;
const CANDIDATE_MAIL = 'sanne.devries@example.nl';

/**
 * Every mail Werkbrug sends, triggered the way the product sends it, delivered over real SMTP; each
 * link in it (HTML and text part) followed by its recipient, signed in through the web sign-in, to
 * a 200 HTML page in Dutch of theirs. A template without a trigger here fails the test: a new mail
 * gets a trigger (and its links a row in MAILED_LINKS when they name no portal).
 */
describe('mailed links land on a page of the recipient', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<unknown>;
  /** The template of each queued mail, by outbox id. */
  const queued = new Map<string, MailTemplate>();
  let proposalId = '';
  let meetingId = '';
  /** Placements waiting for the employer: one to confirm, one to ask a change for. */
  const toConfirm = { confirm: '', change: '' };
  const api = (token: string) => ({
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
    put: (path: string, body: object = {}) => t.http().put(path).set(bearer(token)).send(body),
    patch: (path: string, body: object = {}) => t.http().patch(path).set(bearer(token)).send(body),
  });
  const created = (res: { status: number; text: string }, what: string) => {
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
    return (res as unknown as { body: { id: string } }).body;
  };
  let counter = 0;
  const freshVacancy = async (overrides: Record<string, unknown> = {}) =>
    created(
      await api(w.wmA.token).post(
        '/api/vacancies',
        vacancyBody({ employerId: w.employer.id, title: `Linkplek ${++counter}`, ...overrides }),
      ),
      'vacancy',
    ).id;
  const place = async (body: Record<string, unknown>) =>
    created(
      await api(w.wmA.token).post('/api/placements', {
        candidateId: w.candidateA.id,
        vacancyId: await freshVacancy(),
        candidateConsent: true,
        ...body,
      }),
      'placement',
    ).id;

  /**
   * The recipients: the login that follows a mailbox's links (null: nobody can sign in yet, so the
   * link is followed without a session).
   */
  const LOGIN_OF: Record<string, string | null> = {
    [CANDIDATE_MAIL]: 'sanne@test.nl',
    'sanne@test.nl': 'sanne@test.nl',
    'wm.a@test.nl': 'wm.a@test.nl',
    'werkgever@groenenzo.nl': 'werkgever@groenenzo.nl',
    'collega@groenenzo.nl': null,
    'wm.uitgenodigd@test.nl': null,
    'wm.nieuw@test.nl': 'wm.wissel@test.nl',
    'admin@test.nl': 'admin@test.nl',
  };
  const ROLE_OF: Record<string, Role> = {
    'admin@test.nl': 'admin',
    'sanne@test.nl': 'kandidaat',
    'wm.a@test.nl': 'werkmakelaar',
    'werkgever@groenenzo.nl': 'werkgever',
    'wm.wissel@test.nl': 'werkmakelaar',
  };

  /** How each mail is sent, in the order the product would send them. */
  const TRIGGERS: Record<MailTemplate, () => Promise<void>> = {
    consent_request: async () => {
      proposalId = created(
        await api(w.wmA.token).post('/api/proposals', {
          candidateId: w.candidateA.id,
          vacancyId: w.vacancy.id,
          motivation: 'De kandidaat werkt graag buiten.',
        }),
        'proposal',
      ).id;
    },
    proposal_received: async () => {
      created(
        await api(w.candidateA.token).post(`/api/proposals/${proposalId}/consent`, {
          share: ['firstName'],
        }),
        'consent',
      );
    },
    employer_answered: async () => {
      created(
        await api(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
          answer: 'interested',
          meetingKind: 'meeloopdag',
          // A fixed time of day: a meeloopdag from the hour the suite runs could end after midnight.
          meetingDates: [`${addDays(today(), 7)}T09:00:00Z`],
        }),
        'answer',
      );
    },
    // Sent with the employer's answer above: the moments, to the candidate and the werkmakelaar.
    meeting_offered: async () => {},
    meeting_agreed: async () => {
      const [meeting] = (
        await t
          .http()
          .get(`/api/proposals/${proposalId}/meetings`)
          .set(bearer(w.candidateA.token))
          .expect(200)
      ).body as { id: string; options: { id: string }[] }[];
      meetingId = meeting.id;
      created(
        await api(w.candidateA.token).post(`/api/meetings/${meetingId}/pick`, {
          optionId: meeting.options[0].id,
        }),
        'pick',
      );
    },
    rule_horizon: async () => {
      // 45 days before the seeded rules' horizon (31 December 2026): the administrators hear once.
      const horizons = t.app.get(RuleHorizonsService);
      expect(await horizons.sendNotices('2026-11-20')).toBe(1);
      expect(await horizons.sendNotices('2026-11-20')).toBe(0);
    },
    meeting_reminder: async () => {
      // The day before the moment (a week from now).
      expect(await t.app.get(MeetingsService).sendReminders(addDays(today(), 6))).toBe(1);
    },
    meeting_moved: async () => {
      created(
        await api(w.employer.token).post(`/api/meetings/${meetingId}/move`, {
          options: [
            {
              startsAt: `${addDays(today(), 9)}T09:00:00Z`,
              endsAt: `${addDays(today(), 9)}T10:00:00Z`,
              place: 'Kas 2, Stationsweg 1, Woerden',
              withWhom: 'Anja',
            },
          ],
          reason: 'Anja is die dag weg.',
        }),
        'move',
      );
    },
    meeting_cancelled: async () => {
      created(
        await api(w.employer.token).post(`/api/meetings/${meetingId}/cancel`, {
          reason: 'We plannen later opnieuw.',
        }),
        'cancel',
      );
    },
    // No longer queued (the meetings replaced it); a message queued before the upgrade still goes
    // out, and its link still lands.
    meeting_planned: async () => {
      await t.db.transaction((em) =>
        t.app.get(MailService).queue(em, {
          template: 'meeting_planned',
          to: [CANDIDATE_MAIL],
          data: {
            recipientName: 'Sanne',
            vacancyTitle: 'Medewerker groenonderhoud',
            employerName: 'Groen en Zo',
            meetingLabel: 'meeloopdag',
            dates: ['dinsdag 15 december 2026 om 10:00'],
            link: `${PUBLIC_URL}/voorstellen/${proposalId}`,
          },
        }),
      );
    },
    interest_signal: async () => {
      created(
        await api(w.candidateA.token).post('/api/me/interests', { vacancyId: w.vacancy.id }),
        'interest',
      );
    },
    placement_ending: async () => {
      await place({
        arrangement: 'proefplaatsing',
        startDate: addDays(today(), -50),
        plannedEndDate: addDays(today(), 7),
        hoursPerWeek: 16,
      });
      expect(await t.app.get(PlacementAttentionService).sendNotices()).toMatchObject({
        endingSoon: 1,
      });
    },
    // Sent by the same run as placement_ending: no contact in the last 14 days.
    no_contact: async () => {},
    instrument_deadline: async () => {
      const id = await place({
        arrangement: 'regulier',
        startDate: addDays(addMonths(today(), -6), 10),
        hoursPerWeek: 24,
      });
      created(
        await api(w.wmA.token).post(`/api/placements/${id}/instruments`, {
          codes: ['loonkostensubsidie'],
          contractMonths: 12,
        }),
        'instruments',
      );
      expect(await t.app.get(InstrumentDeadlinesService).sendNotices()).toBeGreaterThan(0);
    },
    evaluation_due: async () => {
      const trajectory = created(
        await api(w.wmA.token).post('/api/trajectories', {
          candidateId: w.candidateA.id,
          route: 'werk',
          startDate: addDays(today(), -30),
          form: 'beschut_werk',
        }),
        'trajectory',
      ).id;
      created(
        await api(w.wmA.token).post(`/api/trajectories/${trajectory}/goals`, {
          description: 'Op tijd komen',
          evaluationDate: addDays(today(), 3),
        }),
        'goal',
      );
      expect(await t.app.get(EvaluationRemindersService).sendReminders()).toBe(1);
    },
    match_digest: async () => {
      const alerts = t.app.get(AlertsService);
      created(
        await api(w.candidateA.token).put('/api/me/alerts', {
          active: true,
          frequency: 'dagelijks',
        }),
        'alerts',
      );
      await drain();
      expect(await alerts.runDue(new Date())).toMatchObject({ baselined: 1 });
      await freshVacancy({ title: 'Hovenier in het park', arrangements: ['werkervaringsplaats'] });
      await drain();
      expect(await alerts.runDue(new Date(Date.now() + DAY + 60_000))).toMatchObject({
        mailed: 1,
      });
    },
    placement_to_confirm: async () => {
      for (const key of ['confirm', 'change'] as const)
        toConfirm[key] = await place({
          arrangement: 'regulier',
          startDate: today(),
          hoursPerWeek: 16,
        });
    },
    placement_confirmed: async () => {
      created(
        await api(w.employer.token).post(`/api/placements/${toConfirm.confirm}/confirm`, {
          version: 1,
        }),
        'confirm',
      );
    },
    placement_change_requested: async () => {
      created(
        await api(w.employer.token).post(`/api/placements/${toConfirm.change}/request-change`, {
          note: 'Graag een week later beginnen.',
          version: 1,
        }),
        'change request',
      );
    },
    // To a werkmakelaar ("u") and a candidate ("je"): the account mails speak in the role's form.
    password_reset: async () => {
      for (const email of ['wm.a@test.nl', 'sanne@test.nl']) {
        const res = await postForm(webAgent(t), '/wachtwoord-vergeten', '/wachtwoord-vergeten', {
          email,
        });
        expect(res.status).toBe(200);
      }
    },
    colleague_invite: async () => {
      const employer = await signIn(t, 'werkgever@groenenzo.nl');
      const res = await postForm(employer, '/werkgever/account', '/werkgever/account/collega', {
        name: 'Chris Collega',
        email: 'collega@groenenzo.nl',
      });
      expect(res.status).toBe(303);
    },
    // An administrator invites a werkmakelaar into organisation A (/beheer/organisaties).
    user_invite: async () => {
      created(
        await api(w.adminToken).post('/api/users/invitations', {
          organisationId: w.orgA,
          email: 'wm.uitgenodigd@test.nl',
          displayName: 'Ursula Uitgenodigd',
          role: 'werkmakelaar',
        }),
        'invitation',
      );
    },
    sign_in_link: async () => {
      for (const email of ['wm.a@test.nl', 'sanne@test.nl'])
        await t.http().post('/api/auth/sign-in-link').send({ email }).expect(202);
    },
    // A sign-in from a browser wm.a never used (the API calls above came without one).
    sign_in_new_browser: async () => {
      const agent = await signIn(t, 'wm.a@test.nl');
      await agent
        .get('/werkmakelaar')
        .set(
          'User-Agent',
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
        )
        .expect(200);
    },
    email_change: async () => {
      const id = await insertUser(t.db, 'werkmakelaar', 'wm.wissel@test.nl', w.orgA);
      created(
        await api(await tokenFor(t, 'wm.wissel@test.nl')).patch(`/api/users/${id}`, {
          email: 'wm.nieuw@test.nl',
          currentPassword: PASSWORD,
          version: 1,
        }),
        'email change',
      );
    },
  };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [...t.app.get(SearchOutboxHandlers).all(), t.app.get(MailOutboxHandler)],
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = async () => {
      // A delivered mail's payload is emptied (it holds addresses): note the template first.
      const rows: { id: string; template: MailTemplate }[] = await t.db.query(
        `SELECT id, payload->>'template' AS template FROM outbox_messages
          WHERE topic = 'mail.send' AND payload ? 'template'`,
      );
      for (const row of rows) queued.set(row.id, row.template);
      return processor.drain();
    };
    await drain();
    // The employer accepted the terms of use before (the detour is tested below).
    await t.db.query(
      `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, '2026-11')`,
      [w.employer.userId],
    );
    for (const trigger of Object.values(TRIGGERS)) {
      await trigger();
      await drain();
    }
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });
  beforeEach(() => t.app.get(LoginThrottle).reset());

  /** Which template each delivered mail is (its Message-ID carries the outbox id). */
  const templateOf = async (): Promise<Map<ParsedMail, MailTemplate>> =>
    new Map(
      smtp.messages.map((m) => {
        const id = /^<([^@]+)@/.exec(m.messageId ?? '')?.[1] ?? '';
        return [m, queued.get(id) as MailTemplate];
      }),
    );

  /** Every http(s) link of a mail, from both parts. */
  const linksOf = (mail: ParsedMail): string[] => {
    const html = typeof mail.html === 'string' ? mail.html : '';
    const fromHtml = [...html.matchAll(/href="([^"]+)"/g)].map((m) =>
      (m[1] as string).replace(/&amp;/g, '&'),
    );
    const fromText = [...(mail.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
    return [...new Set([...fromHtml, ...fromText])].filter((l) => /^https?:/.test(l));
  };

  const recipientsOf = (mail: ParsedMail): string[] =>
    (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
      a.value.map((v) => (v.address ?? '').toLowerCase()),
    );

  const agents = new Map<string, Agent>();
  const agentOf = async (login: string | null): Promise<Agent> => {
    if (!login) return webAgent(t);
    if (!agents.has(login)) agents.set(login, await signIn(t, login));
    return agents.get(login) as Agent;
  };

  /** Follows a path as a browser would (Accept: text/html), through every redirect. */
  const follow = async (agent: Agent, start: string) => {
    let path = start;
    const hops: string[] = [path];
    for (let i = 0; i < 6; i++) {
      const res = await agent.get(path).set('Accept', 'text/html');
      if (res.status < 300 || res.status >= 400) return { res, path, hops };
      path = String(res.headers.location);
      hops.push(path);
    }
    throw new Error(`too many redirects: ${hops.join(' → ')}`);
  };

  /** Links that open without a session: the page behind a one-time or signed link. */
  const PUBLIC_LINK =
    /^\/(wachtwoord-instellen|inloggen|e-mail-bevestigen)\/|^\/kandidaat\/berichten\/stoppen\//;
  /** Pages every role has under one address (Apparaten en sessies). */
  const SHARED_PAGE = /^\/account\//;

  const expectDutchPage = (html: string) => {
    expect(html).toMatch(/<html lang="nl"/);
    expect(html).toMatch(/<title>[^<]+ – Werkbrug<\/title>/);
  };

  it('every template was sent by its trigger, over SMTP, and has at least one link', async () => {
    const templates = await templateOf();
    const sent = new Set(templates.values());
    const missing = MAIL_TEMPLATES.filter((name) => !sent.has(name));
    expect({ missing }).toEqual({ missing: [] });
    for (const [mail, template] of templates)
      expect({ template, links: linksOf(mail).length > 0 }).toEqual({ template, links: true });
  });

  it('every mail speaks to its recipient in the form of its role, never mixing "u" and "je"', async () => {
    // "je" to a candidate, "u" to everyone else; meeting_planned (queued before, no audience) is neutral.
    const ROLE_OF_MAILBOX: Record<string, Role> = {
      [CANDIDATE_MAIL]: 'kandidaat',
      'sanne@test.nl': 'kandidaat',
      'wm.a@test.nl': 'werkmakelaar',
      'werkgever@groenenzo.nl': 'werkgever',
      'collega@groenenzo.nl': 'werkgever',
      'wm.uitgenodigd@test.nl': 'werkmakelaar',
      'wm.nieuw@test.nl': 'werkmakelaar',
      'admin@test.nl': 'admin',
    };
    const wrong: string[] = [];
    const seen = new Set<string>();
    for (const [mail, template] of await templateOf()) {
      const words = mailWords(mail);
      for (const address of recipientsOf(mail)) {
        const role = ROLE_OF_MAILBOX[address];
        const expected =
          template === 'meeting_planned' ? 'none' : role === 'kandidaat' ? 'je' : 'u';
        const form = addressFormOf(words);
        seen.add(`${template} ${role}`);
        if (!role || form !== expected)
          wrong.push(
            `${template} → ${address}: ${form} ${JSON.stringify(addressWords(words))}, expected ${expected}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    // Each side got its own copy of the meeting mails, in its own form.
    for (const side of ['kandidaat', 'werkmakelaar', 'werkgever'])
      expect(seen).toContain(`meeting_agreed ${side}`);
    for (const template of ['password_reset', 'sign_in_link'])
      for (const role of ['kandidaat', 'werkmakelaar'])
        expect(seen).toContain(`${template} ${role}`);
  });

  it('every link, followed by its recipient signed in, ends on a 200 HTML page in Dutch of theirs', async () => {
    const templates = await templateOf();
    const failures: string[] = [];
    const followed = new Map<MailTemplate, number>();
    const done = new Set<string>();
    for (const [mail, template] of templates) {
      for (const address of recipientsOf(mail)) {
        if (!(address in LOGIN_OF)) {
          failures.push(`${template}: no login known for recipient ${address}`);
          continue;
        }
        const login = LOGIN_OF[address] as string | null;
        for (const link of linksOf(mail)) {
          if (link.startsWith('mailto:')) continue;
          const key = `${template} ${login} ${link}`;
          if (done.has(key)) continue;
          done.add(key);
          const where = `${template} → ${address}: ${link}`;
          if (!link.startsWith(`${PUBLIC_URL}/`)) {
            failures.push(`${where}: not a link to Werkbrug`);
            continue;
          }
          const { res, path, hops } = await follow(
            await agentOf(login),
            link.slice(PUBLIC_URL.length),
          );
          const chain = hops.join(' → ');
          if (res.status !== 200) failures.push(`${where}: ${res.status} after ${chain}`);
          else if (!String(res.headers['content-type']).includes('text/html'))
            failures.push(`${where}: ${res.headers['content-type']}`);
          else if (!/<html lang="nl"/.test(res.text) || !/<title>[^<]+<\/title>/.test(res.text))
            failures.push(`${where}: no lang="nl" or no title`);
          const area = login ? LANDING[ROLE_OF[login] as Role] : null;
          const theirs =
            PUBLIC_LINK.test(path) ||
            (login !== null && SHARED_PAGE.test(path)) ||
            (area !== null && (path === area || path.startsWith(`${area}/`)));
          if (!theirs) failures.push(`${where}: ended on ${chain}, not a page of theirs`);
          followed.set(template, (followed.get(template) ?? 0) + 1);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(MAIL_TEMPLATES.filter((name) => !followed.get(name))).toEqual([]);
  });

  it('a proposal link sends each role to its own page of that proposal', async () => {
    const link = `/voorstellen/${proposalId}`;
    const expected: [string, string][] = [
      ['sanne@test.nl', `/kandidaat/toestemming/${proposalId}`],
      ['werkgever@groenenzo.nl', `/werkgever/voorstellen/${proposalId}`],
      ['wm.a@test.nl', `/werkmakelaar/voorstellen/${proposalId}`],
    ];
    for (const [login, page] of expected) {
      const { res, path } = await follow(await agentOf(login), link);
      expect([login, res.status, path]).toEqual([login, 200, page]);
      expect(res.text).toContain('Medewerker groenonderhoud');
    }
  });

  it('someone who may not see the object gets the Dutch 404 page, whatever the role', async () => {
    await insertUser(t.db, 'admin', 'beheer.links@test.nl', w.orgA);
    const [placement] = await t.db.query(`SELECT id FROM placements LIMIT 1`);
    for (const login of ['werkgever@glans.nl', 'wm.b@test.nl', 'beheer.links@test.nl']) {
      for (const link of [`/voorstellen/${proposalId}`, `/plaatsingen/${placement.id}`]) {
        const agent = await agentOf(login);
        if (login === 'werkgever@glans.nl')
          await t.db.query(
            `INSERT INTO terms_acceptances (user_id, terms_version)
             SELECT id, '2026-11' FROM users WHERE email = $1 ON CONFLICT DO NOTHING`,
            [login],
          );
        const res = await agent.get(link).set('Accept', 'text/html');
        expect([login, link, res.status]).toEqual([login, link, 404]);
        expectDutchPage(res.text);
      }
    }
    // Not an id, or an object that does not exist: the same page.
    const wm = await agentOf('wm.a@test.nl');
    await wm.get('/voorstellen/geen-id').expect(404);
    await wm.get('/voorstellen/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('signed out, a link goes through sign-in and comes back to the page', async () => {
    const agent = webAgent(t);
    const link = `/voorstellen/${proposalId}`;
    const first = await agent.get(link).set('Accept', 'text/html').expect(303);
    expect(first.headers.location).toBe(`/inloggen?terug=${encodeURIComponent(link)}`);
    const form = await agent.get(first.headers.location).expect(200);
    const login = await agent
      .post('/inloggen')
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        email: 'sanne@test.nl',
        password: PASSWORD,
        terug: link,
      })
      .expect(303);
    expect(login.headers.location).toBe(link);
    const { res, path } = await follow(agent, link);
    expect([res.status, path]).toEqual([200, `/kandidaat/toestemming/${proposalId}`]);
    expectDutchPage(res.text);
  });

  it('an employer who has not accepted the terms yet lands on the page after accepting them', async () => {
    await insertUser(t.db, 'werkgever', 'tweede@groenenzo.nl', w.employer.organisationId, {
      employerId: w.employer.id,
    });
    const agent = await signIn(t, 'tweede@groenenzo.nl');
    const link = `/voorstellen/${proposalId}`;
    const { res, path } = await follow(agent, link);
    expect([res.status, path]).toEqual([200, `/voorwaarden?terug=${encodeURIComponent(link)}`]);
    expect(res.text).toContain(`name="terug" value="${link}"`);
    const accepted = await agent
      .post('/voorwaarden')
      .type('form')
      .send({ _csrf: csrfOf(res.text), akkoord: 'ja', terug: link })
      .expect(303);
    expect(accepted.headers.location).toBe(link);
    const landed = await follow(agent, link);
    expect([landed.res.status, landed.path]).toEqual([200, `/werkgever/voorstellen/${proposalId}`]);
  });

  it('sign-in goes back only to a path on this site, never to another one', async () => {
    for (const terug of [
      '//evil.example',
      'https://evil.example/',
      '/\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
    ]) {
      const agent = webAgent(t);
      const form = await agent.get(`/inloggen?terug=${encodeURIComponent(terug)}`).expect(200);
      expect(form.text).not.toContain('evil.example');
      const res = await agent
        .post('/inloggen')
        .type('form')
        .send({
          _csrf: csrfOf(form.text),
          email: 'wm.a@test.nl',
          password: PASSWORD,
          terug,
        })
        .expect(303);
      // A werkmakelaar's second factor comes first: without the way back.
      expect([terug, res.headers.location]).toEqual([terug, '/inlogcode']);
    }
  });

  /** The path of the newest mailed link of a template to an address. */
  const mailedPath = async (template: MailTemplate, to: string) => {
    const templates = await templateOf();
    const mail = [...templates]
      .filter(([m, name]) => name === template && recipientsOf(m).includes(to))
      .pop()?.[0];
    const link = mail && linksOf(mail).find((l) => l.startsWith(PUBLIC_URL));
    if (!link) throw new Error(`no ${template} mail to ${to}`);
    return link.slice(PUBLIC_URL.length);
  };

  it('the sign-in link signs in with its button, once; used, it is the 410 page', async () => {
    const path = await mailedPath('sign_in_link', 'wm.a@test.nl');
    const agent = webAgent(t);
    const page = await agent.get(path).expect(200);
    expectDutchPage(page.text);
    // Opening it used nothing up: again, the same page.
    await agent.get(path).expect(200);
    const signedIn = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(303);
    // The link stands in for the password: a werkmakelaar's second factor follows.
    expect(signedIn.headers.location).toBe('/inlogcode');
    const code = await passSecondFactor(agent, 'wm.a@test.nl', signedIn);
    const { res, path: landed } = await follow(agent, String(code.headers.location));
    expect([res.status, landed]).toEqual([200, '/werkmakelaar']);
    const used = await webAgent(t).get(path).set('Accept', 'text/html').expect(410);
    expectDutchPage(used.text);
    expect(used.text).toContain('Deze link werkt niet meer');
  });

  it('the e-mail change link confirms with its button; the account signs in with the new address', async () => {
    const path = await mailedPath('email_change', 'wm.nieuw@test.nl');
    const agent = await signIn(t, 'wm.wissel@test.nl');
    const page = await agent.get(path).expect(200);
    expectDutchPage(page.text);
    const done = await agent
      .post(path)
      .type('form')
      .send({ _csrf: csrfOf(page.text) })
      .expect(200);
    expect(done.text).toContain('wm.nieuw@test.nl');
    // Every session of the account ended, this one too.
    await agent.get('/werkmakelaar').expect(303);
    // The authenticator app stays with the account (its secret was made for the old address).
    rememberSecret('wm.nieuw@test.nl', testTotpSecret('wm.wissel@test.nl'));
    await signIn(t, 'wm.nieuw@test.nl');
    await webAgent(t).get(path).expect(410);
  });
});
