import { DataSource } from 'typeorm';
import { AlertsService } from '@werkbrug/alerts';
import { MailOutboxHandler } from '@werkbrug/mail';
import { SearchIndexer, SearchOutboxHandlers } from '@werkbrug/matching';
import { OutboxProcessor } from '@werkbrug/outbox';
import {
  bearer,
  buildWorld,
  candidateBody,
  insertUser,
  tokenFor,
  vacancyBody,
  World,
} from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { dutchDaysFromNow } from './support/dates';

/**
 * The backend of the candidate's pages and the werkmakelaar's console: interest signals, self-service
 * wishes, e-mail alerts (over real SMTP on loopback) and the caseload, on real PostgreSQL and Meilisearch.
 */
describe('portals backend', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  const CANDIDATE_MAIL = 'sanne.devries@example.nl';
  /** Protected facts of candidate A as buildWorld stores them: never in a mail to anyone but the werkmakelaar's console. */
  const PROTECTED = ['de Vries', 'Rugklachten', '06-12345678', 'participatiewet', '1994-03-12'];

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    await t.app.get(SearchIndexer).ensureSettings();
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [...t.app.get(SearchOutboxHandlers).all(), t.app.get(MailOutboxHandler)],
      { baseDelayMs: 50, maxDelayMs: 200 },
    );
    drain = () => processor.drain();
    await drain();
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
    put: (path: string, body: object = {}) => t.http().put(path).set(bearer(token)).send(body),
    patch: (path: string, body: object, version?: number) => {
      const req = t.http().patch(path).set(bearer(token));
      return (version === undefined ? req : req.set('If-Match', `"${version}"`)).send(body);
    },
  });

  /** A workplace candidate A fits (rung 4 takes a werkervaringsplaats), made through the API. */
  const fittingVacancy = async (title: string, overrides: Record<string, unknown> = {}) => {
    const res = await as(w.wmA.token).post(
      '/api/vacancies',
      vacancyBody({
        employerId: w.employer.id,
        title,
        arrangements: ['werkervaringsplaats'],
        ...overrides,
      }),
    );
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  describe('interest signals', () => {
    let signalId: string;

    it('the candidate says "ik heb interesse"; saying it again is the same signal', async () => {
      const first = await as(w.candidateA.token).post('/api/me/interests', {
        vacancyId: w.vacancy.id,
        note: 'Ik werk graag buiten. Ik heb rugklachten.',
      });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({
        candidateId: w.candidateA.id,
        status: 'verstuurd',
        vacancy: { id: w.vacancy.id, title: 'Medewerker groenonderhoud' },
      });
      signalId = first.body.id;
      const again = await as(w.candidateA.token).post('/api/me/interests', {
        vacancyId: w.vacancy.id,
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(signalId);
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM interest_signals WHERE candidate_id = $1`,
        [w.candidateA.id],
      );
      expect(row.n).toBe(1);
    });

    it('the werkmakelaar gets a mail over SMTP, without the note or the name', async () => {
      await drain();
      const mails = smtp.to('wm.a@test.nl').filter((m) => /interesse/.test(m.subject ?? ''));
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.text).toContain('Medewerker groenonderhoud');
      expect(mail.text).toMatch(/Kandidaat K-\d{6}/);
      expect(mail.text).toContain(
        `https://werkbrug.example/werkmakelaar/kandidaten/${w.candidateA.id}`,
      );
      for (const secret of [...PROTECTED, 'rugklachten', 'Sanne'])
        expect({ secret, inMail: `${mail.text}${mail.html}`.includes(secret) }).toEqual({
          secret,
          inMail: false,
        });
    });

    it('the werkmakelaar sees it in the console; another organisation does not', async () => {
      const list = await as(w.wmA.token).get('/api/interests').expect(200);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        id: signalId,
        candidateName: 'Sanne de Vries',
        note: 'Ik werk graag buiten. Ik heb rugklachten.',
        status: 'verstuurd',
      });
      const other = await as(w.wmB.token).get('/api/interests').expect(200);
      expect(other.body.items).toEqual([]);
      await as(w.wmB.token).post(`/api/interests/${signalId}/seen`).expect(404);
      await as(w.candidateA.token).get('/api/interests').expect(403);
    });

    it('the candidate sees the status move: gezien, then voorgesteld', async () => {
      const seen = await as(w.wmA.token).post(`/api/interests/${signalId}/seen`).expect(200);
      expect(seen.body.status).toBe('gezien');
      let mine = await as(w.candidateA.token).get('/api/me/interests').expect(200);
      expect(mine.body.items.map((s: { status: string }) => s.status)).toEqual(['gezien']);
      await as(w.wmA.token)
        .post('/api/proposals', {
          candidateId: w.candidateA.id,
          vacancyId: w.vacancy.id,
          motivation: 'De kandidaat wil graag buiten werken.',
        })
        .expect(201);
      mine = await as(w.candidateA.token).get('/api/me/interests').expect(200);
      expect(mine.body.items[0]).toMatchObject({
        status: 'voorgesteld',
        proposalId: expect.any(String),
      });
      // A proposed signal is no longer "open" in the console.
      const open = await as(w.wmA.token).get('/api/interests').expect(200);
      expect(open.body.total).toBe(0);
      const proposed = await as(w.wmA.token).get('/api/interests?status=voorgesteld').expect(200);
      expect(proposed.body.total).toBe(1);
    });

    it('the candidate can take a signal back; then say it again afresh', async () => {
      const id = await fittingVacancy('Terugtrekbare werkplek');
      const made = await as(w.candidateA.token)
        .post('/api/me/interests', { vacancyId: id })
        .expect(201);
      const back = await as(w.candidateA.token)
        .post(`/api/me/interests/${made.body.id}/withdraw`)
        .expect(200);
      expect(back.body.status).toBe('ingetrokken');
      const fresh = await as(w.candidateA.token)
        .post('/api/me/interests', { vacancyId: id })
        .expect(201);
      expect(fresh.body.id).not.toBe(made.body.id);
    });

    it('refuses bad input and invisible workplaces with a problem, changing nothing', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM interest_signals`);
      const bad = await as(w.candidateA.token).post('/api/me/interests', { vacancyId: 'nope' });
      expect(bad.status).toBe(422);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
      const long = await as(w.candidateA.token).post('/api/me/interests', {
        vacancyId: w.otherVacancy.id,
        note: 'x'.repeat(501),
      });
      expect(long.status).toBe(422);
      const closed = await fittingVacancy('Gesloten werkplek');
      await t.db.query(`UPDATE vacancies SET status = 'closed' WHERE id = $1`, [closed]);
      await as(w.candidateA.token).post('/api/me/interests', { vacancyId: closed }).expect(404);
      await as(w.candidateA.token)
        .post('/api/me/interests/00000000-0000-4000-8000-000000000000/withdraw')
        .expect(404);
      const after = await t.db.query(`SELECT count(*)::int AS n FROM interest_signals`);
      expect(after[0].n).toBe(before[0].n);
    });
  });

  describe('self-service wishes', () => {
    it('reads the wishes, and refuses fields that belong to the werkmakelaar', async () => {
      const res = await as(w.candidateA.token).get('/api/me/wishes').expect(200);
      expect(res.body).toMatchObject({
        werksoortWishes: ['groen', 'productie'],
        travelMode: 'fiets',
      });
      expect(res.body).not.toHaveProperty('ladderRung');
      for (const field of [
        { ladderRung: 6 },
        { route: 'werk' },
        { personal: { firstName: 'X' } },
        { abilities: { lifting: 3 } },
      ]) {
        const refused = await as(w.candidateA.token).patch(
          '/api/me/wishes',
          field,
          res.body.version,
        );
        expect({ field, status: refused.status }).toEqual({ field, status: 422 });
        expect(refused.body.errors[0].message).toMatch(/unknown field/);
      }
      await as(w.candidateA.token).patch('/api/me/wishes', { interests: 'x' }).expect(428);
      await as(w.candidateA.token)
        .patch('/api/me/wishes', { hoursMin: 30, hoursMax: 10 }, res.body.version)
        .expect(422);
      await as(w.wmA.token).get('/api/me/wishes').expect(403);
    });

    it('a change is audited, and the suggestions follow through the outbox', async () => {
      const near = await fittingVacancy('Groenwerk vlakbij', { hoursAdjustable: false });
      await drain();
      const before = await as(w.candidateA.token)
        .get(`/api/candidates/${w.candidateA.id}/matches`)
        .expect(200);
      expect(before.body.items.map((m: { vacancy: { id: string } }) => m.vacancy.id)).toContain(
        near,
      );
      const wishes = await as(w.candidateA.token).get('/api/me/wishes').expect(200);
      const changed = await as(w.candidateA.token)
        .patch(
          '/api/me/wishes',
          { werksoortWishes: ['schoonmaak'], days: ['vr'] },
          wishes.body.version,
        )
        .expect(200);
      expect(changed.body).toMatchObject({ werksoortWishes: ['schoonmaak'], days: ['vr'] });
      expect(changed.body.version).toBe(wishes.body.version + 1);
      const [audit] = await t.db.query(
        `SELECT details FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.update' ORDER BY created_at DESC LIMIT 1`,
        [w.candidateA.id],
      );
      expect(audit.details.fields).toEqual(expect.arrayContaining(['werksoortWishes', 'days']));
      await drain();
      const after = await as(w.candidateA.token)
        .get(`/api/candidates/${w.candidateA.id}/matches`)
        .expect(200);
      // The workplace works ma–do; the candidate now only wants friday.
      expect(after.body.items.map((m: { vacancy: { id: string } }) => m.vacancy.id)).not.toContain(
        near,
      );
      expect(
        after.body.nearMisses
          .find((n: { vacancy: { id: string } }) => n.vacancy.id === near)
          ?.blockers.map((b: { code: string }) => b.code),
      ).toEqual(['DAYS_MISMATCH']);
      await as(w.candidateA.token)
        .patch(
          '/api/me/wishes',
          { werksoortWishes: ['groen', 'productie'], days: ['ma', 'di', 'wo'] },
          changed.body.version,
        )
        .expect(200);
      await drain();
    });
  });

  describe('e-mail alerts', () => {
    const alerts = () => t.app.get(AlertsService);
    const DAY = 86_400_000;
    let unsubscribeToken = '';

    it('opting in needs an e-mail address', async () => {
      const off = await as(w.candidateA.token).get('/api/me/alerts').expect(200);
      expect(off.body).toMatchObject({ active: false, hasEmail: true, lastSentAt: null });
      // A candidate of organisation A without an e-mail address, with a login of their own.
      const res = await as(w.wmA.token).post(
        '/api/candidates',
        candidateBody({ personal: { firstName: 'Zonder', lastName: 'Mail' } }),
      );
      await insertUser(t.db, 'kandidaat', 'zonder-mail@test.nl', w.orgA, {
        candidateId: res.body.id,
      });
      const token = await tokenFor(t, 'zonder-mail@test.nl');
      const refused = await as(token).put('/api/me/alerts', {
        active: true,
        frequency: 'wekelijks',
      });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('NO_EMAIL');
      const bad = await as(w.candidateA.token).put('/api/me/alerts', {
        active: true,
        frequency: 'elk uur',
      });
      expect(bad.status).toBe(422);
    });

    it('the first run records what already fits and mails nothing', async () => {
      const on = await as(w.candidateA.token)
        .put('/api/me/alerts', { active: true, frequency: 'dagelijks' })
        .expect(200);
      expect(on.body).toMatchObject({ active: true, frequency: 'dagelijks' });
      const report = await alerts().runDue(new Date());
      expect(report).toMatchObject({ baselined: 1, mailed: 0, failed: 0 });
      const [known] = await t.db.query(
        `SELECT count(*)::int AS n FROM match_alert_known WHERE candidate_id = $1 AND alerted_at IS NULL`,
        [w.candidateA.id],
      );
      expect(known.n).toBeGreaterThan(0);
      // Not due again until tomorrow.
      expect(await alerts().runDue(new Date())).toMatchObject({ baselined: 0, mailed: 0 });
    });

    it('a day later it mails only the workplaces that became a match, over SMTP, without protected data', async () => {
      const fresh = await fittingVacancy('Nieuwe plek: hovenier in het park');
      await drain();
      const sentBefore = smtp.to(CANDIDATE_MAIL).length;
      const report = await alerts().runDue(new Date(Date.now() + DAY + 60_000));
      expect(report).toMatchObject({ mailed: 1, failed: 0 });
      await drain();
      const mails = smtp.to(CANDIDATE_MAIL).slice(sentBefore);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.subject).toBe('Nieuwe werkplekken die bij je passen');
      expect(mail.text).toContain('Nieuwe plek: hovenier in het park');
      expect(mail.text).toContain(`https://werkbrug.example/kandidaat/werkplekken/${fresh}`);
      // Workplaces that already fitted at opt-in are not announced.
      expect(mail.text).not.toContain('Groenwerk vlakbij');
      for (const secret of [...PROTECTED, 'Sanne'])
        expect({ secret, inMail: `${mail.text}${mail.html}`.includes(secret) }).toEqual({
          secret,
          inMail: false,
        });
      const link = /https:\/\/werkbrug\.example\/kandidaat\/berichten\/stoppen\/(\S+)/.exec(
        mail.text ?? '',
      );
      expect(link).not.toBeNull();
      unsubscribeToken = link![1]!;
      expect(mail.html).toContain(
        `href="https://werkbrug.example/kandidaat/berichten/stoppen/${unsubscribeToken}"`,
      );
      // The next run has nothing new: no mail.
      expect(await alerts().runDue(new Date(Date.now() + 2 * DAY + 120_000))).toMatchObject({
        mailed: 0,
        nothingNew: 1,
      });
      const status = await as(w.candidateA.token).get('/api/me/alerts').expect(200);
      expect(status.body.lastSentAt).not.toBeNull();
    });

    it('the unsubscribe link works without logging in; a forged or old link does not', async () => {
      const forged =
        unsubscribeToken.slice(0, -2) + (unsubscribeToken.endsWith('AA') ? 'BB' : 'AA');
      const refused = await t.http().post('/api/alerts/unsubscribe').send({ token: forged });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('INVALID_LINK');
      await t.http().post('/api/alerts/unsubscribe').send({ token: unsubscribeToken }).expect(200, {
        unsubscribed: true,
      });
      // Idempotent.
      await t.http().post('/api/alerts/unsubscribe').send({ token: unsubscribeToken }).expect(200);
      const off = await as(w.candidateA.token).get('/api/me/alerts').expect(200);
      expect(off.body.active).toBe(false);
      await fittingVacancy('Na het afmelden');
      await drain();
      expect(await alerts().runDue(new Date(Date.now() + 9 * DAY))).toMatchObject({
        mailed: 0,
        baselined: 0,
      });
      // Opting in again makes a new link; the old one stops working.
      await as(w.candidateA.token)
        .put('/api/me/alerts', { active: true, frequency: 'wekelijks' })
        .expect(200);
      await t.http().post('/api/alerts/unsubscribe').send({ token: unsubscribeToken }).expect(400);
      const [audit] = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_log WHERE candidate_id = $1 AND action = 'alerts.unsubscribe'`,
        [w.candidateA.id],
      );
      expect(audit.n).toBe(1);
    });
  });

  describe('caseload', () => {
    it('lists the werkmakelaar’s candidates with attention and completeness', async () => {
      const res = await as(w.wmA.token).get('/api/caseload').expect(200);
      const sanne = res.body.items.find(
        (r: { candidateId: string }) => r.candidateId === w.candidateA.id,
      );
      expect(sanne).toMatchObject({
        name: 'Sanne de Vries',
        pseudonym: expect.stringMatching(/^Kandidaat K-/),
      });
      // Proposed earlier in this file and waiting for her consent.
      expect(sanne.attention.map((a: { code: string }) => a.code)).toContain('CONSENT_WAITING');
      expect(sanne.completeness.score).toBeGreaterThan(50);
      expect(res.body.counts.CONSENT_WAITING).toBeGreaterThanOrEqual(1);
      // Organisation B's candidate is never in organisation A's caseload.
      const all = await as(w.wmA.token).get('/api/caseload?owner=all&limit=100').expect(200);
      expect(all.body.items.map((r: { candidateId: string }) => r.candidateId)).not.toContain(
        w.candidateB.id,
      );
      const b = await as(w.wmB.token).get('/api/caseload?owner=all').expect(200);
      expect(b.body.items.map((r: { candidateId: string }) => r.candidateId)).toEqual([
        w.candidateB.id,
      ]);
      await as(w.candidateA.token).get('/api/caseload').expect(403);
      await as(w.employer.token).get('/api/caseload').expect(403);
    });

    it('shows a new interest signal, a placement ending soon and an old ladder measurement', async () => {
      const id = await fittingVacancy('Signaalplek');
      await as(w.candidateA.token).post('/api/me/interests', { vacancyId: id }).expect(201);
      const start = dutchDaysFromNow(-50);
      const end = dutchDaysFromNow(5);
      await as(w.wmA.token)
        .post('/api/placements', {
          candidateId: w.candidateA.id,
          vacancyId: await fittingVacancy('Plaatsingsplek'),
          arrangement: 'werkervaringsplaats',
          startDate: start,
          plannedEndDate: end,
          hoursPerWeek: 16,
          candidateConsent: true,
        })
        .expect(201);
      // Measured long ago, and in the caseload for a month without any contact.
      await t.db.query(
        `UPDATE candidates SET ladder_measured_on = '2025-01-01', created_at = now() - interval '30 days' WHERE id = $1`,
        [w.candidateA.id],
      );
      const res = await as(w.wmA.token).get('/api/caseload?attention=PLACEMENT_ENDING').expect(200);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0].attention.map((a: { code: string }) => a.code)).toEqual(
        expect.arrayContaining([
          'PLACEMENT_ENDING',
          'INTEREST_SIGNAL',
          'LADDER_OUTDATED',
          'NO_CONTACT',
        ]),
      );
      expect(res.body.items[0].attention[0].code).toBe('PLACEMENT_ENDING');
      // A check-in today ends the "no contact" item.
      await as(w.wmA.token)
        .post('/api/checkins', {
          candidateId: w.candidateA.id,
          contactOn: res.body.today,
          kind: 'gesprek',
        })
        .expect(201);
      const after = await as(w.wmA.token).get('/api/caseload?q=sanne').expect(200);
      expect(after.body.items[0].attention.map((a: { code: string }) => a.code)).not.toContain(
        'NO_CONTACT',
      );
      expect(after.body.items[0].lastContactOn).toBe(res.body.today);
    });

    it('searches, filters, sorts and pages', async () => {
      for (const name of ['Anna', 'Bram', 'Chris']) {
        await as(w.wmA.token)
          .post(
            '/api/candidates',
            candidateBody({ interests: '', personal: { firstName: name, lastName: 'Test' } }),
          )
          .expect(201);
      }
      const byName = await as(w.wmA.token).get('/api/caseload?sort=name&limit=2').expect(200);
      expect(byName.body.items.map((r: { name: string }) => r.name)).toEqual([
        'Anna Test',
        'Bram Test',
      ]);
      expect(byName.body.total).toBeGreaterThanOrEqual(5);
      const page2 = await as(w.wmA.token).get('/api/caseload?sort=name&limit=2&page=2').expect(200);
      expect(page2.body.items[0].name).toBe('Chris Test');
      const search = await as(w.wmA.token).get('/api/caseload?q=BRAM').expect(200);
      expect(search.body.items.map((r: { name: string }) => r.name)).toEqual(['Bram Test']);
      const worst = await as(w.wmA.token)
        .get('/api/caseload?sort=completeness&limit=1')
        .expect(200);
      const best = await as(w.wmA.token)
        .get('/api/caseload?sort=-completeness&limit=1')
        .expect(200);
      expect(worst.body.items[0].completeness.score).toBeLessThanOrEqual(
        best.body.items[0].completeness.score,
      );
      expect(
        worst.body.items[0].completeness.missing.map((m: { code: string }) => m.code),
      ).toContain('INTERESTS');
      const bad = await as(w.wmA.token).get('/api/caseload?sort=salary');
      expect(bad.status).toBe(422);
      expect(bad.headers['content-type']).toMatch(/problem\+json/);
    });
  });

  describe('erasure', () => {
    it('reaches interest notes and alert subscriptions', async () => {
      const res = await as(w.wmA.token).post(
        '/api/candidates',
        candidateBody({
          personal: { firstName: 'Weg', lastName: 'Ermee', email: 'weg@example.nl' },
        }),
      );
      const id = res.body.id as string;
      await insertUser(t.db, 'kandidaat', 'weg@test.nl', w.orgA, { candidateId: id });
      const token = await tokenFor(t, 'weg@test.nl');
      await as(token)
        .post('/api/me/interests', { vacancyId: w.vacancy.id, note: 'Mijn geheim' })
        .expect(201);
      await as(token).put('/api/me/alerts', { active: true, frequency: 'wekelijks' }).expect(200);
      await as(token).post('/api/me/erasure', { confirm: true }).expect(204);
      const [signal] = await t.db.query(
        `SELECT note, withdrawn_at FROM interest_signals WHERE candidate_id = $1`,
        [id],
      );
      expect(signal.note).toBe('');
      expect(signal.withdrawn_at).not.toBeNull();
      const subs = await t.db.query(
        `SELECT 1 FROM match_alert_subscriptions WHERE candidate_id = $1`,
        [id],
      );
      expect(subs).toHaveLength(0);
    });
  });
});
