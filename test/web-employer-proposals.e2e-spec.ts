import { MailRenderer, type MailTemplate } from '@werkbrug/mail';
import { bearer, buildWorld, vacancyBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { PROTECTED, signInEmployer, waitingProposal } from './support/web-employer';
import { csrfOf, type Agent } from './support/web-client';

describe('employer proposals (web)', () => {
  let t: TestApp;
  let w: World;
  let agent: Agent;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    agent = await signInEmployer(t, 'werkgever@groenenzo.nl');
    id = await waitingProposal(t, w, ['werkmakelaarContact', 'firstName', 'financieelCv']);
  });
  afterAll(async () => t?.close());

  it('lists the proposal in the inbox and shows the work profile, never protected data', async () => {
    const inbox = await agent.get('/werkgever/voorstellen').expect(200);
    expect(inbox.text).toContain(`/werkgever/voorstellen/${id}`);
    expect(inbox.text).toContain('Nog beoordelen');
    const page = await agent.get(`/werkgever/voorstellen/${id}`).expect(200);
    expect(page.text).toContain('Zoekt buitenwerk met planten.');
    expect(page.text).toContain('Voornaam: Sanne');
    expect(page.text).toContain('wm.a@test.nl');
    expect(PROTECTED.filter((s) => inbox.text.includes(s))).toEqual([]);
    // The candidate shares the financieel CV here: an instrument's name ("LKV doelgroep banenafspraak")
    // says which scheme applies, by their choice. Every other protected fact stays off the page.
    const sharedByChoice = ['banenafspraak'];
    expect(PROTECTED.filter((s) => !sharedByChoice.includes(s) && page.text.includes(s))).toEqual(
      [],
    );
  });

  it('shows the instrument outcome the candidate shares (financieel CV), never the facts behind it', async () => {
    const page = await agent.get(`/werkgever/voorstellen/${id}`).expect(200);
    expect(page.text).toContain('Regelingen die bij deze werkplek kunnen gelden');
    expect(page.text).toContain('indicatief, er zijn geen rechten aan te ontlenen');
    // Facts of the candidate's protected file: birth date, benefit, health, loonwaarde.
    for (const fact of ['1994-03-12', 'participatiewet', 'Rugklachten', 'loonwaarde'])
      expect(page.text).not.toContain(fact);
  });

  it('asks for a meeting kind and moments with a yes, a reason with a no, and refuses a no with moments', async () => {
    const page = await agent.get(`/werkgever/voorstellen/${id}`);
    // Two forms: a yes (kind and moments, the first with the workplace filled in) and a no.
    expect(page.text).toContain('Ja, ik wil kennismaken');
    expect(page.text).toContain('Nee, of nu niet');
    // With a yes, the kind of meeting is required: its label no longer says otherwise.
    expect(page.text).toContain('>Hoe wilt u kennismaken?</legend>');
    expect(page.text).toContain('value="Stationsweg 1, Woerden"');
    const res = await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), answer: 'interested', moment1Place: 'Kas 2' })
      .expect(400);
    expect(res.text).toContain('href="#veld-meetingKind"');
    expect(res.text).toContain('href="#veld-moment1Date"');
    expect(res.text).toContain('value="Kas 2"');
    const declined = await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), answer: 'declined' })
      .expect(400);
    expect(declined.text).toContain('href="#veld-reason"');
    // A no with moments filled in does not go silently: it is refused, in Dutch.
    const mixed = await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        answer: 'declined',
        reason: 'te_ver',
        moment1Date: '2030-03-04',
        moment1From: '09:30',
        moment1To: '10:30',
      })
      .expect(400);
    expect(mixed.text).toContain('U zegt nee of nu niet. Dan stelt u geen momenten voor.');
    const past = await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        answer: 'interested',
        meetingKind: 'kennismaking',
        moment1Date: '2020-03-04',
        moment1From: '09:30',
        moment1To: '10:30',
        moment1Place: 'Kas 2',
        moment1With: 'Anja',
      })
      .expect(400);
    expect(past.text).toContain('Kies een moment in de toekomst');
    const [p] = await t.db.query(`SELECT status FROM proposals WHERE id = $1`, [id]);
    expect(p.status).toBe('wacht_op_werkgever');
  });

  it('answers yes with two moments: a meeting to pick from, mails through the outbox, a banner', async () => {
    const page = await agent.get(`/werkgever/voorstellen/${id}`);
    await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({
        _csrf: csrfOf(page.text),
        answer: 'interested',
        meetingKind: 'meeloopdag',
        moment1Date: '2030-03-04',
        moment1From: '09:30',
        moment1To: '13:30',
        moment1Place: 'Kas 2, Stationsweg 1, Woerden',
        moment1With: 'Anja',
        moment2Date: '06-03-2030',
        moment2From: '9.30',
        moment2To: '13:30',
        moment2Place: '',
        moment2With: '',
        note: 'Welkom!',
      })
      .expect(303);
    const [p] = await t.db.query(
      `SELECT status, meeting_kind, meeting_dates FROM proposals WHERE id = $1`,
      [id],
    );
    expect(p.status).toBe('meeloopdag');
    expect(new Date(p.meeting_dates[0]).toISOString()).toBe('2030-03-04T08:30:00.000Z');
    const options = await t.db.query(
      `SELECT o.starts_at, o.ends_at, o.place, o.with_whom FROM meeting_options o
         JOIN meetings m ON m.id = o.meeting_id WHERE m.proposal_id = $1 ORDER BY o.position`,
      [id],
    );
    expect(options).toEqual([
      {
        starts_at: new Date('2030-03-04T08:30:00Z'),
        ends_at: new Date('2030-03-04T12:30:00Z'),
        place: 'Kas 2, Stationsweg 1, Woerden',
        with_whom: 'Anja',
      },
      {
        starts_at: new Date('2030-03-06T08:30:00Z'),
        ends_at: new Date('2030-03-06T12:30:00Z'),
        place: 'Kas 2, Stationsweg 1, Woerden',
        with_whom: 'Anja',
      },
    ]);
    const mails = await t.db.query(
      `SELECT payload->>'template' AS template FROM outbox_messages WHERE topic = 'mail.send' AND aggregate_id = $1`,
      [id],
    );
    expect(mails.map((m: { template: string }) => m.template)).toEqual(
      expect.arrayContaining(['employer_answered', 'meeting_offered']),
    );
    // The page says what happened once (a banner), and shows the moments offered.
    const after = await agent.get(`/werkgever/voorstellen/${id}`).expect(200);
    expect(after.text).toContain('role="status"');
    expect(after.text).toMatch(
      /Uw antwoord is verstuurd: u wilt Kandidaat K-[0-9]+ leren kennen met een meeloopdag\. De kandidaat kiest een van uw momenten\./,
    );
    expect(after.text).toContain(
      'maandag 4 maart 2030, 09:30–13:30, Kas 2, Stationsweg 1, Woerden, met Anja',
    );
    expect(after.text).toContain(`href="/werkgever/voorstellen/${id}/afspraak"`);
    // Answering twice: the page says the proposal no longer waits.
    const again = await agent
      .post(`/werkgever/voorstellen/${id}/antwoord`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), answer: 'declined', reason: 'niet_nu' })
      .expect(409);
    expect(again.text).toContain('wacht niet meer op uw antwoord');
  });

  it("keeps the employer's own status per candidate", async () => {
    const page = await agent.get(`/werkgever/voorstellen/${id}`);
    await agent
      .post(`/werkgever/voorstellen/${id}/beoordeling`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), mark: 'relevant' })
      .expect(303);
    const [m] = await t.db.query(
      `SELECT mark FROM employer_proposal_marks WHERE proposal_id = $1`,
      [id],
    );
    expect(m.mark).toBe('relevant');
    const inbox = await agent.get('/werkgever/voorstellen').expect(200);
    expect(inbox.text).toContain('Interessant');
    expect(inbox.text).toContain('Uw beoordeling is opgeslagen: interessant.');
    await agent
      .post(`/werkgever/voorstellen/${id}/beoordeling`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), mark: 'onzin' })
      .expect(400);
  });

  it('sends the employer no mail with protected candidate data', async () => {
    const renderer = t.app.get(MailRenderer);
    const employers: string[] = (
      await t.db.query(`SELECT email FROM users WHERE role = 'werkgever'`)
    ).map((r: { email: string }) => r.email);
    const rows: {
      payload: { template: MailTemplate; to: string[]; data: Record<string, unknown> };
    }[] = await t.db.query(`SELECT payload FROM outbox_messages WHERE topic = 'mail.send'`);
    const toEmployer = rows.filter((r) => r.payload.to.some((a) => employers.includes(a)));
    // At least the "new proposal" mail went to the employer.
    expect(toEmployer.map((r) => r.payload.template)).toContain('proposal_received');
    for (const { payload } of toEmployer) {
      const mail = renderer.render(payload.template, payload.data);
      const text = `${mail.subject}\n${mail.html}\n${mail.text}`;
      expect({
        template: payload.template,
        leaked: PROTECTED.filter((s) => text.includes(s)),
      }).toEqual({
        template: payload.template,
        leaked: [],
      });
    }
  });

  it("answers 404 for another employer's proposal and writes nothing", async () => {
    const other = await signInEmployer(t, 'werkgever@glans.nl');
    await other.get(`/werkgever/voorstellen/${id}`).expect(404);
    const page = await other.get('/werkgever/voorstellen').expect(200);
    expect(page.text).not.toContain(id);
    await other
      .post(`/werkgever/voorstellen/${id}/beoordeling`)
      .type('form')
      .send({ _csrf: csrfOf(page.text), mark: 'niet_relevant' })
      .expect(404);
    const [m] = await t.db.query(
      `SELECT mark FROM employer_proposal_marks WHERE proposal_id = $1`,
      [id],
    );
    expect(m.mark).toBe('relevant');
  });

  it('pages the closed proposals, 20 at a time, newest first; what needs an answer stays whole', async () => {
    const vacancy = await t
      .http()
      .post('/api/vacancies')
      .set(bearer(w.wmA.token))
      .send(vacancyBody({ employerId: w.employer.id, title: 'Archief van voorstellen' }));
    expect(vacancy.status).toBe(201);
    const closed: string[] = [];
    for (let i = 0; i < 23; i++) {
      const pid = await waitingProposal(t, w, ['werkmakelaarContact'], vacancy.body.id);
      await t
        .http()
        .post(`/api/proposals/${pid}/status`)
        .set(bearer(w.wmA.token))
        .send({ status: 'ingetrokken' })
        .expect(200);
      closed.push(pid);
    }
    // The API's list takes a group of statuses, so a page can ask for "everything closed".
    const api = await t
      .http()
      .get('/api/proposals?status=ingetrokken,afgewezen&limit=100')
      .set(bearer(w.employer.token))
      .expect(200);
    expect(api.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining(closed));
    expect(
      new Set(api.body.items.map((p: { status: string }) => p.status)).has('wacht_op_werkgever'),
    ).toBe(false);
    await t
      .http()
      .get('/api/proposals?status=ingetrokken,onbekend')
      .set(bearer(w.employer.token))
      .expect(422);

    const first = await agent.get('/werkgever/voorstellen').expect(200);
    // The waiting proposal of the first test is on every page.
    expect(first.text).toContain(`/werkgever/voorstellen/${id}`);
    const newest = [...closed].reverse();
    for (const pid of newest.slice(0, 20)) expect(first.text).toContain(pid);
    for (const pid of newest.slice(20)) expect(first.text).not.toContain(pid);
    // Handlebars escapes "=" in attributes as &#x3D;.
    const html = first.text.replace(/&#x3D;/g, '=');
    const next = /href="(\/werkgever\/voorstellen\?na=[^"#]+)#afgerond"/.exec(html)?.[1];
    expect(next).toBeDefined();
    const second = await agent.get(next!).expect(200);
    for (const pid of newest.slice(20)) expect(second.text).toContain(pid);
    for (const pid of newest.slice(0, 20)) expect(second.text).not.toContain(pid);
    expect(second.text).toContain(`/werkgever/voorstellen/${id}`);
    expect(second.text).toContain('href="/werkgever/voorstellen#afgerond"');
    // A cursor that is not one of ours is ignored: the first page.
    const odd = await agent.get('/werkgever/voorstellen?na=%3Cscript%3E').expect(200);
    expect(odd.text).toContain(newest[0]);
  });
});
