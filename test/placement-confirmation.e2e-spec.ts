import { DataSource } from 'typeorm';
import { today } from '@werkbrug/domain';
import { bearer, buildWorld, candidateBody, vacancyBody, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { PROTECTED } from './support/web-employer';
import { PlacementConfirmation1796092000000 } from '../migrations/1796092000000-placement-confirmation';
import { mailDrain } from './support/mail-drain';

const EMPLOYER_MAIL = 'werkgever@groenenzo.nl';
const BROKER_MAIL = 'wm.a@test.nl';

/**
 * The employer confirms a placement: it starts te_bevestigen, fills no place and counts in no report
 * until the employer confirms it in Werkbrug or a werkmakelaar records a phone agreement. A change
 * request goes back to the werkmakelaar, who adjusts the placement and asks again.
 */
describe('the employer confirms the placement', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  let vacancyId: string;
  let placementId: string;
  let version: number;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    drain = mailDrain(t);
    vacancyId = await workplace('Bevestigen', 1);
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
  });
  const wm = () => as(w.wmA.token);
  const employer = () => as(w.employer.token);

  async function workplace(title: string, places = 2) {
    const res = await wm().post(
      '/api/vacancies',
      vacancyBody({ employerId: w.employer.id, title, places }),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  }
  const placesFilled = async (id: string) =>
    (await wm().get(`/api/vacancies/${id}`).expect(200)).body.placesFilled as number;
  async function start(vacancy: string, extra: object = {}) {
    const res = await wm().post('/api/placements', {
      candidateId: w.candidateA.id,
      vacancyId: vacancy,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-07',
      hoursPerWeek: 16,
      candidateConsent: true,
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number };
  }

  it('starts te bevestigen: no place filled, the employer sees it and is mailed (no protected data)', async () => {
    const res = await wm().post('/api/placements', {
      candidateId: w.candidateA.id,
      vacancyId,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-07',
      hoursPerWeek: 16,
      candidateConsent: true,
      instruments: ['jobcoaching', 'proefplaatsing'],
    });
    expect(res.status).toBe(201);
    expect(res.body.confirmation).toEqual({
      status: 'te_bevestigen',
      confirmedAt: null,
      via: null,
      phoneAgreedOn: null,
      changeRequest: null,
      changeRequestedAt: null,
      confirmedBy: null,
      note: null,
    });
    placementId = res.body.id;
    version = res.body.version;
    expect(await placesFilled(vacancyId)).toBe(0);

    const seen = await employer().get(`/api/placements/${placementId}`).expect(200);
    expect(seen.body.confirmation.status).toBe('te_bevestigen');
    // A direct placement: the candidate agreed to the employer seeing dates and arrangement, not instruments.
    expect(seen.body).toMatchObject({ instruments: [], instrumentsShared: false });
    const toConfirm = await employer()
      .get('/api/placements?confirmation=te_bevestigen,wijziging_gevraagd')
      .expect(200);
    expect(toConfirm.body.items.map((p: { id: string }) => p.id)).toEqual([placementId]);
    const confirmedOnly = await employer()
      .get('/api/placements?confirmation=bevestigd')
      .expect(200);
    expect(confirmedOnly.body.items).toEqual([]);
    await employer().get('/api/placements?confirmation=misschien').expect(422);

    await drain();
    const [mail] = smtp.to(EMPLOYER_MAIL);
    expect(mail.subject).toMatch(/^Bevestig de plaatsing van Kandidaat K-\d{6} bij Bevestigen$/);
    expect(mail.text).toContain(`https://werkbrug.example/plaatsingen/${placementId}`);
    expect(mail.text).toContain('7 december 2026');
    const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
    expect(PROTECTED.filter((s) => all.includes(s))).toEqual([]);
    expect(all).not.toMatch(/jobcoaching|Sanne/i);
  });

  it('keeps other employers out, and each role to its own step', async () => {
    const other = as(w.otherEmployer.token);
    await other.get(`/api/placements/${placementId}`).expect(404);
    await other.post(`/api/placements/${placementId}/confirm`, { version }).expect(404);
    await other
      .post(`/api/placements/${placementId}/request-change`, { note: 'x', version })
      .expect(404);
    await wm().post(`/api/placements/${placementId}/confirm`, { version }).expect(403);
    await employer()
      .post(`/api/placements/${placementId}/record-phone-agreement`, {
        agreedOn: today(),
        note: 'x',
        version,
      })
      .expect(403);
    await as(w.wmB.token)
      .post(`/api/placements/${placementId}/record-phone-agreement`, {
        agreedOn: today(),
        note: 'x',
        version,
      })
      .expect(404);
    // Extending waits for the confirmation: the werkmakelaar adjusts instead.
    const extend = await wm().post(`/api/placements/${placementId}/extend`, {
      plannedEndDate: '2027-03-07',
      version,
    });
    expect([extend.status, extend.body.code]).toEqual([409, 'PLACEMENT_NOT_CONFIRMED']);
  });

  it('a change request (what should change) goes to the werkmakelaar', async () => {
    const empty = await employer().post(`/api/placements/${placementId}/request-change`, {
      note: '   ',
      version,
    });
    expect(empty.status).toBe(422);
    const res = await employer().post(`/api/placements/${placementId}/request-change`, {
      note: 'Liever beginnen op maandag 4 januari, 20 uur per week.',
      version,
    });
    expect(res.status).toBe(200);
    expect(res.body.confirmation).toMatchObject({
      status: 'wijziging_gevraagd',
      changeRequest: 'Liever beginnen op maandag 4 januari, 20 uur per week.',
    });
    expect(res.body.confirmation.changeRequestedAt).toBeTruthy();
    version = res.body.version;
    const broker = await wm().get(`/api/placements/${placementId}`).expect(200);
    expect(broker.body.confirmation.changeRequest).toContain('4 januari');

    await drain();
    const mails = smtp.to(BROKER_MAIL);
    const asked = mails.find((m) => m.subject?.includes('vraagt een wijziging'));
    expect(asked?.text).toContain('Liever beginnen op maandag 4 januari');
    expect(asked?.text).toContain(`https://werkbrug.example/plaatsingen/${placementId}`);
  });

  it('the werkmakelaar adjusts and asks again; the employer confirms that (once)', async () => {
    const stale = await wm().post(`/api/placements/${placementId}/adjust`, {
      startDate: '2027-01-04',
      hoursPerWeek: 20,
      version: version - 1,
    });
    expect(stale.status).toBe(409);
    const res = await wm().post(`/api/placements/${placementId}/adjust`, {
      startDate: '2027-01-04',
      hoursPerWeek: 20,
      version,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      startDate: '2027-01-04',
      plannedEndDate: '2027-03-04',
      hoursPerWeek: 20,
      confirmation: { status: 'te_bevestigen', changeRequest: null },
    });
    version = res.body.version;
    await drain();
    const again = smtp.to(EMPLOYER_MAIL).at(-1);
    expect(again?.text).toContain('aangepast');
    expect(again?.text).toContain('Liever beginnen op maandag 4 januari');
    expect(again?.text).toContain('4 januari 2027');

    const before = await employer().post(`/api/placements/${placementId}/confirm`, {
      version: version - 1,
    });
    expect([before.status, before.body.code]).toEqual([409, 'STALE_VERSION']);
    const confirmed = await employer().post(`/api/placements/${placementId}/confirm`, { version });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmation).toMatchObject({ status: 'bevestigd', via: 'werkgever' });
    expect(confirmed.body.confirmation).not.toHaveProperty('note');
    expect(await placesFilled(vacancyId)).toBe(1);

    const twice = await employer().post(`/api/placements/${placementId}/confirm`, {
      version: confirmed.body.version,
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'PLACEMENT_ALREADY_CONFIRMED']);
    const change = await employer().post(`/api/placements/${placementId}/request-change`, {
      note: 'Toch niet',
      version: confirmed.body.version,
    });
    expect(change.body.code).toBe('PLACEMENT_ALREADY_CONFIRMED');

    const broker = await wm().get(`/api/placements/${placementId}`).expect(200);
    expect(broker.body.confirmation).toMatchObject({
      status: 'bevestigd',
      via: 'werkgever',
      confirmedBy: { userId: w.employer.userId },
      note: null,
    });
    await drain();
    const told = smtp.to(BROKER_MAIL).find((m) => m.subject?.includes('bevestigd'));
    expect(told?.subject).toMatch(
      /Hoveniersbedrijf Groen & Zo heeft de plaatsing van Kandidaat K-\d{6} bevestigd/,
    );
    const [audit] = await t.db.query(
      `SELECT actor_role, actor_user_id, details FROM audit_log WHERE action = 'placement.confirm'
        AND details->>'placementId' = $1`,
      [placementId],
    );
    expect(audit).toMatchObject({
      actor_role: 'werkgever',
      actor_user_id: w.employer.userId,
      details: { via: 'werkgever' },
    });
    // Confirmed: extending is the way to change it now.
    await wm()
      .post(`/api/placements/${placementId}/extend`, {
        plannedEndDate: '2027-05-04',
        version: broker.body.version,
      })
      .expect(200);
  });

  it('a werkmakelaar records a phone agreement: when (not in the future) and a note', async () => {
    const vacancy = await workplace('Telefonisch');
    const p = await start(vacancy);
    const future = await wm().post(`/api/placements/${p.id}/record-phone-agreement`, {
      agreedOn: '2999-01-01',
      note: 'Gebeld',
      version: p.version,
    });
    expect(future.status).toBe(422);
    expect(future.body.errors).toEqual([
      { field: 'agreedOn', message: 'must not be in the future' },
    ]);
    const noNote = await wm().post(`/api/placements/${p.id}/record-phone-agreement`, {
      agreedOn: today(),
      note: '',
      version: p.version,
    });
    expect(noNote.status).toBe(422);
    const res = await wm().post(`/api/placements/${p.id}/record-phone-agreement`, {
      agreedOn: '2026-12-01',
      note: 'Gebeld met Gert Groen: akkoord met start en uren.',
      version: p.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.confirmation).toMatchObject({
      status: 'bevestigd',
      via: 'telefoon',
      phoneAgreedOn: '2026-12-01',
      note: 'Gebeld met Gert Groen: akkoord met start en uren.',
      confirmedBy: { userId: w.wmA.id, name: expect.any(String) },
    });
    expect(await placesFilled(vacancy)).toBe(1);
    // The employer sees that it was agreed by phone, not the werkmakelaar's note or name.
    const seen = await employer().get(`/api/placements/${p.id}`).expect(200);
    expect(seen.body.confirmation).toEqual({
      status: 'bevestigd',
      confirmedAt: expect.any(String),
      via: 'telefoon',
      phoneAgreedOn: '2026-12-01',
      changeRequest: null,
      changeRequestedAt: null,
    });
    const [audit] = await t.db.query(
      `SELECT actor_role, actor_user_id, details FROM audit_log WHERE action = 'placement.confirm'
        AND details->>'placementId' = $1`,
      [p.id],
    );
    expect(audit).toMatchObject({
      actor_role: 'werkmakelaar',
      actor_user_id: w.wmA.id,
      details: { via: 'telefoon', phoneAgreedOn: '2026-12-01' },
    });
  });

  it('fills a place only on confirmation, and refuses one when the workplace is full by then', async () => {
    const vacancy = await workplace('Een plek', 1);
    const first = await start(vacancy);
    // Another candidate may start too: neither fills the one place until confirmed.
    const candidate = await wm().post('/api/candidates', candidateBody()).expect(201);
    const other = await start(vacancy, { candidateId: candidate.body.id });
    await employer()
      .post(`/api/placements/${first.id}/confirm`, { version: first.version })
      .expect(200);
    const full = await employer().post(`/api/placements/${other.id}/confirm`, {
      version: other.version,
    });
    expect([full.status, full.body.code]).toEqual([409, 'NO_FREE_PLACE']);
    expect(await placesFilled(vacancy)).toBe(1);
    // Ending the unconfirmed one frees nothing: it held nothing.
    await wm()
      .post(`/api/placements/${other.id}/end`, {
        outcome: 'voortijdig_overig',
        endedOn: '2026-12-14',
        version: other.version,
      })
      .expect(200);
    expect(await placesFilled(vacancy)).toBe(1);
  });

  it('counts only confirmed placements in the reports', async () => {
    const count = async () =>
      (await wm().get('/api/reports/durability?from=2027-01-01&to=2027-12-31').expect(200)).body
        .contracts as number;
    const before = await count();
    const end = async (p: { id: string }) => {
      const current = await wm().get(`/api/placements/${p.id}`).expect(200);
      await wm()
        .post(`/api/placements/${p.id}/end`, {
          outcome: 'contract',
          endedOn: '2027-02-01',
          contractMonths: 12,
          contractHours: 24,
          version: current.body.version,
        })
        .expect(200);
    };
    const unconfirmed = await start(await workplace('Nooit bevestigd'));
    await end(unconfirmed);
    expect(await count()).toBe(before);
    const confirmed = await start(await workplace('Wel bevestigd'));
    await employer()
      .post(`/api/placements/${confirmed.id}/confirm`, { version: confirmed.version })
      .expect(200);
    await end(confirmed);
    expect(await count()).toBe(before + 1);
  });

  it('shows the employer the instruments only when the candidate shared the financieel CV', async () => {
    const shared = await placedThroughProposal(['financieelCv'], 'Met regelingen');
    const notShared = await placedThroughProposal(['werkmakelaarContact'], 'Zonder regelingen');
    const a = await employer().get(`/api/placements/${shared}`).expect(200);
    expect(a.body).toMatchObject({ instruments: ['jobcoaching'], instrumentsShared: true });
    const b = await employer().get(`/api/placements/${notShared}`).expect(200);
    expect(b.body).toMatchObject({ instruments: [], instrumentsShared: false });
    const broker = await wm().get(`/api/placements/${notShared}`).expect(200);
    expect(broker.body.instruments).toEqual(['jobcoaching']);
  });

  it('the migration takes the placements from before it as confirmed (at their creation)', async () => {
    const waiting = await start(await workplace('Van voor de bevestiging'));
    const runner = t.app.get(DataSource).createQueryRunner();
    await runner.startTransaction();
    try {
      const migration = new PlacementConfirmation1796092000000();
      await migration.down(runner);
      await migration.up(runner);
      const [row] = await runner.query(
        `SELECT confirmation, confirmed_at = created_at AS at_creation, confirmed_via FROM placements WHERE id = $1`,
        [waiting.id],
      );
      expect(row).toEqual({ confirmation: 'bevestigd', at_creation: true, confirmed_via: null });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    const [kept] = await t.db.query(`SELECT confirmation FROM placements WHERE id = $1`, [
      waiting.id,
    ]);
    expect(kept.confirmation).toBe('te_bevestigen');
  });

  it('erasure blanks the change request and the phone note; the confirmation stays', async () => {
    const asked = await start(await workplace('Wissen: vraag'));
    await employer()
      .post(`/api/placements/${asked.id}/request-change`, {
        note: 'Sanne kan pas later, zegt ze.',
        version: asked.version,
      })
      .expect(200);
    const phoned = await start(await workplace('Wissen: telefoon'));
    await wm()
      .post(`/api/placements/${phoned.id}/record-phone-agreement`, {
        agreedOn: today(),
        note: 'Gert vindt Sanne geschikt.',
        version: phoned.version,
      })
      .expect(200);
    await t
      .http()
      .delete(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.wmA.token))
      .expect(204);
    const rows = await t.db.query(
      `SELECT id, confirmation, change_request, confirmation_note, phone_agreed_on::text AS on
         FROM placements WHERE id = ANY($1) ORDER BY confirmation`,
      [[asked.id, phoned.id]],
    );
    expect(rows).toEqual([
      {
        id: phoned.id,
        confirmation: 'bevestigd',
        change_request: null,
        confirmation_note: null,
        on: today(),
      },
      {
        id: asked.id,
        confirmation: 'wijziging_gevraagd',
        change_request: null,
        confirmation_note: null,
        on: null,
      },
    ]);
  });

  /** Propose → consent (sharing `share`) → the employer invites → placed with jobcoaching. */
  async function placedThroughProposal(share: string[], title: string) {
    const vacancy = await workplace(title);
    const proposal = await wm()
      .post('/api/proposals', {
        candidateId: w.candidateA.id,
        vacancyId: vacancy,
        motivation: 'Past goed.',
      })
      .expect(201);
    await as(w.candidateA.token)
      .post(`/api/proposals/${proposal.body.id}/consent`, { share })
      .expect(200);
    await employer()
      .post(`/api/proposals/${proposal.body.id}/answer`, {
        answer: 'interested',
        meetingKind: 'kennismaking',
        meetingDates: ['2030-12-02T10:00:00+01:00'],
      })
      .expect(200);
    const placed = await wm()
      .post('/api/placements', {
        proposalId: proposal.body.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-07',
        hoursPerWeek: 16,
        instruments: ['jobcoaching'],
      })
      .expect(201);
    const byProposal = await wm().get(`/api/placements?proposalId=${proposal.body.id}`).expect(200);
    expect(byProposal.body.items.map((p: { id: string }) => p.id)).toEqual([placed.body.id]);
    return placed.body.id as string;
  }
});
