import { DataSource } from 'typeorm';
import { MailOutboxHandler } from '@werkbrug/mail';
import { SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import { bearer, buildWorld, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { dutchDaysFromNow, dutchToday } from './support/dates';

/**
 * The full flow: propose → candidate consents → employer invites to a meeloopdag → proefplaatsing →
 * extended → contract. At every step: statuses, what each party sees, the mails sent, the audit trail.
 */
describe('from match to placement', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  let proposalId: string;
  let placementId: string;
  const CANDIDATE_MAIL = 'sanne.devries@example.nl';

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    await t.db.query(`UPDATE employers SET contact_email = 'hr@groenenzo.nl' WHERE id = $1`, [
      w.employer.id,
    ]);
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [...t.app.get(SearchOutboxHandlers).all(), t.app.get(MailOutboxHandler)],
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = () => processor.drain();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
  });

  it('1. the werkmakelaar proposes; the candidate is asked first; the employer sees nothing yet', async () => {
    const res = await as(w.wmA.token).post('/api/proposals', {
      candidateId: w.candidateA.id,
      vacancyId: w.vacancy.id,
      motivation: 'De kandidaat werkt graag buiten en heeft ervaring met snoeien.',
    });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('wacht_op_kandidaat');
    proposalId = res.body.id;
    const dup = await as(w.wmA.token).post('/api/proposals', {
      candidateId: w.candidateA.id,
      vacancyId: w.vacancy.id,
      motivation: 'nog eens',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('PROPOSAL_EXISTS');

    const employerList = await as(w.employer.token).get('/api/proposals').expect(200);
    expect(employerList.body.items).toHaveLength(0);
    await as(w.employer.token).get(`/api/proposals/${proposalId}`).expect(404);

    const mine = await as(w.candidateA.token).get(`/api/proposals/${proposalId}`).expect(200);
    expect(mine.body.vacancy.title).toBeTruthy();
    expect(mine.body.sharePreview.firstName).toBe('Sanne');
    expect(mine.body.allowedNext).toEqual(
      expect.arrayContaining(['wacht_op_werkgever', 'afgewezen']),
    );

    await drain();
    const [mail] = smtp.to(CANDIDATE_MAIL);
    expect(mail.subject).toBeTruthy();
    expect(mail.text).toContain(`https://werkbrug.example/voorstellen/${proposalId}`);
  });

  it('2. illegal steps are 409 with the allowed next steps', async () => {
    const res = await as(w.wmA.token).post(`/api/proposals/${proposalId}/status`, {
      status: 'meeloopdag',
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      currentStatus: 'wacht_op_kandidaat',
    });
    expect(res.body.allowedNext).toEqual(
      expect.arrayContaining(['wacht_op_werkgever', 'afgewezen', 'ingetrokken']),
    );
    await as(w.employer.token)
      .post(`/api/proposals/${proposalId}/answer`, {
        answer: 'interested',
        meetingKind: 'meeloopdag',
        meetingDates: ['2030-12-03T09:00:00+01:00'],
      })
      .expect(404);
  });

  it('3. the candidate consents to share the first name and the werkmakelaar contact; the employer now sees that, nothing more', async () => {
    const res = await as(w.candidateA.token).post(`/api/proposals/${proposalId}/consent`, {
      share: ['firstName', 'werkmakelaarContact'],
      validForDays: 60,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('wacht_op_werkgever');
    expect(res.body.consent).toMatchObject({
      sharedFields: ['firstName', 'werkmakelaarContact'],
      active: true,
    });

    const seen = await as(w.employer.token).get(`/api/proposals/${proposalId}`).expect(200);
    expect(seen.body.shared.firstName).toBe('Sanne');
    expect(seen.body.shared.werkmakelaar.email).toBe('wm.a@test.nl');
    expect(seen.body.candidate.pseudonym).toMatch(/^Kandidaat K-\d{6}$/);
    const text = JSON.stringify(seen.body);
    for (const leak of [
      'de Vries',
      CANDIDATE_MAIL,
      '06-12345678',
      'participatiewet',
      'Rugklachten',
      '1994-03-12',
      'loonwaarde',
    ]) {
      expect(text).not.toContain(leak);
    }
    await as(w.otherEmployer.token).get(`/api/proposals/${proposalId}`).expect(404);

    await drain();
    const employerMail = smtp.to('hr@groenenzo.nl');
    expect(employerMail).toHaveLength(1);
    expect(employerMail[0].text).toContain(`https://werkbrug.example/voorstellen/${proposalId}`);
    const employerText = `${employerMail[0].subject} ${employerMail[0].text} ${employerMail[0].html}`;
    for (const leak of [
      'de Vries',
      CANDIDATE_MAIL,
      '06-12345678',
      'participatiewet',
      'Rugklachten',
      'loonwaarde',
    ]) {
      expect(employerText).not.toContain(leak);
    }
    expect(smtp.to('werkgever@groenenzo.nl')).toHaveLength(1);
  });

  it('4. the employer invites to a meeloopdag; the werkmakelaar and the candidate hear of it', async () => {
    const res = await as(w.employer.token).post(`/api/proposals/${proposalId}/answer`, {
      answer: 'interested',
      meetingKind: 'meeloopdag',
      meetingDates: ['2030-12-03T09:00:00+01:00', '2030-12-05T13:00:00+01:00'],
      note: 'Graag op een dinsdag of donderdag.',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('meeloopdag');
    expect(res.body.meeting.dates).toHaveLength(2);
    await drain();
    expect(smtp.to('wm.a@test.nl').length).toBeGreaterThanOrEqual(2); // answered + meeting planned
    const candidateMails = smtp.to(CANDIDATE_MAIL);
    expect(candidateMails).toHaveLength(2);
    expect(candidateMails[1].text).toMatch(/meeloopdag/i);
  });

  it('5. a proefplaatsing starts from the proposal, is refused beyond the rule, and fills a place once the employer confirms', async () => {
    const tooLong = await as(w.wmA.token).post('/api/placements', {
      proposalId,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-07',
      plannedEndDate: '2027-04-07',
      hoursPerWeek: 16,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.code).toBe('ARRANGEMENT_RULE');
    expect(tooLong.body.rule).toMatchObject({
      arrangement: 'proefplaatsing',
      initialMonths: 2,
      maxTotalMonths: 6,
    });
    expect(tooLong.body.detail).toContain('2 months');

    const res = await as(w.wmA.token).post('/api/placements', {
      proposalId,
      arrangement: 'proefplaatsing',
      startDate: '2026-12-07',
      hoursPerWeek: 16,
      jobcoachName: 'Patrick (Loket3)',
      instruments: ['proefplaatsing', 'jobcoaching'],
      evaluationDates: ['2027-01-07'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'lopend',
      plannedEndDate: '2027-02-07',
      arrangement: 'proefplaatsing',
    });
    placementId = res.body.id;
    const proposal = await as(w.wmA.token).get(`/api/proposals/${proposalId}`).expect(200);
    expect(proposal.body.status).toBe('geplaatst');
    expect(res.body.confirmation.status).toBe('te_bevestigen');
    // Unconfirmed, it fills no place yet; the employer sees it and confirms it.
    const before = await as(w.wmA.token).get(`/api/vacancies/${w.vacancy.id}`).expect(200);
    expect(before.body.placesFilled).toBe(0);
    const employerView = await as(w.employer.token)
      .get(`/api/placements/${placementId}`)
      .expect(200);
    expect(employerView.body.candidate).toEqual({
      pseudonym: expect.stringMatching(/^Kandidaat K-/),
    });
    await as(w.otherEmployer.token).get(`/api/placements/${placementId}`).expect(404);
    const confirmed = await as(w.employer.token)
      .post(`/api/placements/${placementId}/confirm`, { version: res.body.version })
      .expect(200);
    expect(confirmed.body.confirmation).toMatchObject({ status: 'bevestigd', via: 'werkgever' });
    const vacancy = await as(w.wmA.token).get(`/api/vacancies/${w.vacancy.id}`).expect(200);
    expect(vacancy.body.placesFilled).toBe(1);
  });

  it('6. the proefplaatsing is extended within the rule, and refused beyond 6 months in total', async () => {
    const current = await as(w.wmA.token).get(`/api/placements/${placementId}`).expect(200);
    const ok = await as(w.wmA.token).post(`/api/placements/${placementId}/extend`, {
      plannedEndDate: '2027-04-07',
      version: current.body.version,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.extensions).toBe(1);
    const tooFar = await as(w.wmA.token).post(`/api/placements/${placementId}/extend`, {
      plannedEndDate: '2027-07-01',
      version: ok.body.version,
    });
    expect(tooFar.status).toBe(422);
    expect(tooFar.body.rule.maxTotalMonths).toBe(6);
  });

  it('7. check-ins and the needs-attention lists', async () => {
    const before = await as(w.wmA.token).get('/api/placements/attention').expect(200);
    expect(
      before.body.noRecentContact.map((r: { candidateId: string }) => r.candidateId),
    ).toContain(w.candidateA.id);
    await as(w.wmA.token)
      .post('/api/checkins', {
        candidateId: w.candidateA.id,
        placementId,
        contactOn: dutchToday(),
        kind: 'werkplekbezoek',
        note: 'Gaat goed.',
      })
      .expect(201);
    const after = await as(w.wmA.token).get('/api/placements/attention').expect(200);
    expect(
      after.body.noRecentContact.map((r: { candidateId: string }) => r.candidateId),
    ).not.toContain(w.candidateA.id);
    await as(w.wmB.token)
      .post('/api/checkins', {
        candidateId: w.candidateA.id,
        contactOn: '2026-11-20',
        kind: 'telefoon',
      })
      .expect(404);
  });

  it('8. the placement ends in a contract; the place is free again; the audit trail tells the story', async () => {
    const current = await as(w.wmA.token).get(`/api/placements/${placementId}`).expect(200);
    const res = await as(w.wmA.token).post(`/api/placements/${placementId}/end`, {
      version: current.body.version,
      outcome: 'contract',
      endedOn: '2027-04-07',
      contractMonths: 12,
      contractHours: 20,
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatchObject({
      outcome: 'contract',
      contractMonths: 12,
      contractHours: 20,
    });
    const vacancy = await as(w.wmA.token).get(`/api/vacancies/${w.vacancy.id}`).expect(200);
    expect(vacancy.body.placesFilled).toBe(0);
    await as(w.wmA.token)
      .post(`/api/placements/${placementId}/extend`, {
        plannedEndDate: '2027-05-01',
        version: res.body.version,
      })
      .expect(409);
    const audit: { action: string }[] = await t.db.query(
      `SELECT action FROM audit_log WHERE candidate_id = $1 ORDER BY created_at`,
      [w.candidateA.id],
    );
    const actions = audit.map((a) => a.action);
    for (const action of [
      'proposal.create',
      'consent.give',
      'proposal.shared_read',
      'placement.create',
      'placement.confirm',
      'placement.extend',
      'checkin.create',
      'placement.end',
    ]) {
      expect(actions).toContain(action);
    }
    // The consent request mail read the candidate's address for the purpose contactmail (no actor).
    const mailReads: { actor_role: string }[] = await t.db.query(
      `SELECT actor_role FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.protected.read' AND purpose = 'e-mail aan de kandidaat'`,
      [w.candidateA.id],
    );
    expect(mailReads.map((r) => r.actor_role)).toContain('system');
    const events = await as(w.candidateA.token)
      .get(`/api/proposals/${proposalId}/events`)
      .expect(200);
    expect(events.body.map((e: { to: string }) => e.to)).toEqual([
      'voorgesteld',
      'wacht_op_kandidaat',
      'wacht_op_werkgever',
      'meeloopdag',
      'geplaatst',
    ]);
  });

  it('9. withdrawing consent hides the shared data from the employer at once', async () => {
    const p = await as(w.wmA.token)
      .post('/api/proposals', {
        candidateId: w.candidateA.id,
        vacancyId: w.otherVacancy.id,
        motivation: 'Schoonmaak past ook.',
      })
      .expect(201);
    await as(w.candidateA.token)
      .post(`/api/proposals/${p.body.id}/consent`, { share: ['firstName'] })
      .expect(200);
    const other = await as(w.otherEmployer.token).get(`/api/proposals/${p.body.id}`).expect(200);
    expect(other.body.shared.firstName).toBe('Sanne');
    const withdrawn = await as(w.candidateA.token)
      .post(`/api/proposals/${p.body.id}/consent/withdraw`)
      .expect(200);
    expect(withdrawn.body.status).toBe('ingetrokken');
    const hidden = await as(w.otherEmployer.token).get(`/api/proposals/${p.body.id}`).expect(200);
    expect(hidden.body.shared).toEqual({ firstName: null, werkmakelaar: null, financieelCv: null });
    expect(hidden.body.motivation).toBeNull();
    expect(hidden.body.consentActive).toBe(false);
  });

  it('10. every queued mail arrived exactly once', async () => {
    await drain();
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    const [{ queued }] = await t.db.query(
      `SELECT count(*)::int AS queued FROM outbox_messages WHERE topic = 'mail.send'`,
    );
    expect(smtp.messages).toHaveLength(queued);
  });
});

describe('placement reminders', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('mails the werkmakelaar once about a placement ending soon and about 14 days without contact', async () => {
    const { PlacementAttentionService } = await import('@werkbrug/placements');
    const start = dutchDaysFromNow(-50);
    const end = dutchDaysFromNow(7);
    await t
      .http()
      .post('/api/placements')
      .set(bearer(w.wmA.token))
      .send({
        candidateId: w.candidateA.id,
        vacancyId: w.vacancy.id,
        arrangement: 'proefplaatsing',
        startDate: start,
        plannedEndDate: end,
        hoursPerWeek: 16,
        candidateConsent: true,
      })
      .expect(201);
    const attention = t.app.get(PlacementAttentionService);
    expect(await attention.sendNotices()).toEqual({ endingSoon: 1, noContact: 1 });
    expect(await attention.sendNotices()).toEqual({ endingSoon: 0, noContact: 0 });
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [t.app.get(MailOutboxHandler)],
      {},
    );
    await processor.drain();
    const mails = smtp.to('wm.a@test.nl');
    expect(mails).toHaveLength(2);
    expect(mails.map((m) => m.text).join('\n')).toMatch(/K-\d{6}/);
    // The no-contact mail names the candidate (CandidatesService.protectedFactsFor, weergave).
    expect(mails.map((m) => m.text).join('\n')).toMatch(/- Sanne de Vries \(Kandidaat K-\d{6}\)/);
  });
});

describe('erasure reaches proposals and contact notes', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  it('blanks motivations, event notes and check-in notes, and ends consents', async () => {
    const p = await t
      .http()
      .post('/api/proposals')
      .set(bearer(w.wmA.token))
      .send({
        candidateId: w.candidateA.id,
        vacancyId: w.vacancy.id,
        motivation: 'De kandidaat heeft rugklachten maar wil graag.',
      })
      .expect(201);
    await t
      .http()
      .post(`/api/proposals/${p.body.id}/consent`)
      .set(bearer(w.candidateA.token))
      .send({ share: ['firstName'] })
      .expect(200);
    await t
      .http()
      .post('/api/checkins')
      .set(bearer(w.wmA.token))
      .send({
        candidateId: w.candidateA.id,
        contactOn: '2026-11-20',
        kind: 'gesprek',
        note: 'Sanne vertelde over haar schulden.',
      })
      .expect(201);
    const placement = await t
      .http()
      .post('/api/placements')
      .set(bearer(w.wmA.token))
      .send({
        candidateId: w.candidateA.id,
        vacancyId: w.otherVacancy.id,
        arrangement: 'proefplaatsing',
        startDate: '2026-12-01',
        hoursPerWeek: 16,
        candidateConsent: true,
      })
      .expect(201);
    await t
      .http()
      .post('/api/checkins')
      .set(bearer(w.wmA.token))
      .send({
        candidateId: w.candidateA.id,
        placementId: placement.body.id,
        contactOn: '2026-12-02',
        kind: 'werkplekbezoek',
        note: 'Sanne had last van haar rug.',
      })
      .expect(201);
    await t
      .http()
      .delete(`/api/candidates/${w.candidateA.id}`)
      .set(bearer(w.wmA.token))
      .expect(204);
    const text = JSON.stringify(
      await t.db.query(
        `SELECT (SELECT json_agg(p) FROM proposals p) AS p, (SELECT json_agg(e) FROM proposal_events e) AS e,
                (SELECT json_agg(k) FROM checkins k) AS k, (SELECT json_agg(c) FROM consents c) AS c`,
      ),
    );
    expect(text).not.toMatch(/Sanne|rugklachten|schulden|rug\./);
    // The placement stays (dates and outcome for statistics), without personal data.
    const [kept] = await t.db.query(
      `SELECT row_to_json(p)::text AS row FROM placements p WHERE id = $1`,
      [placement.body.id],
    );
    expect(kept.row).not.toMatch(/Sanne|de Vries/);
    const [consent] = await t.db.query(`SELECT withdrawn_at FROM consents WHERE proposal_id = $1`, [
      p.body.id,
    ]);
    expect(consent.withdrawn_at).not.toBeNull();
  });
});
