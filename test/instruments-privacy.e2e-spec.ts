import { addDays, addMonths } from '@werkbrug/domain';
import { InstrumentDeadlinesService } from '@werkbrug/instruments';
import { bearer, buildWorld, candidateBody, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { mailDrain } from './support/mail-drain';
import { dutchToday } from './support/dates';

const today = dutchToday;

/**
 * What the protected facts of candidate A (buildWorld) look like when they leak: field names and
 * values (loonwaarde 60, bijstand, banenafspraak, date of birth), and the reason texts that quote them.
 */
const PROTECTED_FACTS = [
  '"loonwaardePct"',
  '"benefitType"',
  '"doelgroepregister"',
  '"banenafspraak"',
  '"age"',
  '"dateOfBirth"',
  '"facts"',
  '"reasons"',
  '"missing"',
  '"participatiewet"',
  '1994-03-12',
  'loonwaarde is 60',
  '60%',
  'bijstand (Participatiewet)',
  'staat in het doelgroepregister',
  'Rugklachten',
  'sanne.devries@example.nl',
  '06-12345678',
  'de Vries',
];
const leaks = (text: string) => PROTECTED_FACTS.filter((s) => text.includes(s));

describe('instruments: financieel CV on a proposal, agreed instruments, deadline mails, erasure', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let drain: () => Promise<number>;
  let proposalId: string;
  const EMPLOYER_MAILS = ['hr@groenenzo.nl', 'werkgever@groenenzo.nl'];
  const as = (token: string) => ({
    get: (path: string) => t.http().get(path).set(bearer(token)).set('X-Purpose', 'test'),
    post: (path: string, body: object = {}) => t.http().post(path).set(bearer(token)).send(body),
  });

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
    await t.db.query(`UPDATE employers SET contact_email = 'hr@groenenzo.nl' WHERE id = $1`, [
      w.employer.id,
    ]);
    drain = mailDrain(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('the financieel CV as a share option', () => {
    it('shows the candidate what would be shared before they decide', async () => {
      const res = await as(w.wmA.token)
        .post('/api/proposals', {
          candidateId: w.candidateA.id,
          vacancyId: w.vacancy.id,
          motivation: 'Past goed bij de wensen.',
        })
        .expect(201);
      proposalId = res.body.id;
      const mine = await as(w.candidateA.token).get(`/api/proposals/${proposalId}`).expect(200);
      const preview = mine.body.sharePreview.financieelCv;
      expect(preview.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
      expect(preview.items.map((i: { code: string }) => i.code)).toContain('loonkostensubsidie');
    });

    it('gives the employer the outcome for that workplace, without any facts', async () => {
      await as(w.candidateA.token)
        .post(`/api/proposals/${proposalId}/consent`, { share: ['financieelCv'] })
        .expect(200);
      const res = await as(w.employer.token).get(`/api/proposals/${proposalId}`).expect(200);
      const cv = res.body.shared.financieelCv;
      const lks = cv.items.find((i: { code: string }) => i.code === 'loonkostensubsidie');
      // 24 h (the candidate's maximum within the workplace's 16–32), loonwaarde 60%, regular job, today.
      expect(lks).toMatchObject({ status: 'applies', amounts: { perWeek: 188.35 } });
      expect(cv.sources.length).toBeGreaterThan(0);
      expect(cv.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
      expect(res.body.shared.firstName).toBeNull();
      expect(leaks(JSON.stringify(res.body))).toEqual([]);
    });

    it('keeps every employer view and mail free of the protected facts', async () => {
      const employer = as(w.employer.token);
      const views = [
        await employer.get(`/api/proposals/${proposalId}`),
        await employer.get('/api/proposals'),
        await employer.get(`/api/proposals/${proposalId}/events`),
        await employer.get(`/api/vacancies/${w.vacancy.id}`),
        await employer.get('/api/placements'),
      ];
      for (const v of views) expect(v.status).toBe(200);
      expect(views[1].body.items[0].shared.financieelCv.items.length).toBeGreaterThan(0);
      await drain();
      const mails = smtp.messages.filter((m) =>
        EMPLOYER_MAILS.some((a) => JSON.stringify(m.to).includes(a)),
      );
      expect(mails.length).toBeGreaterThan(0);
      const found = [
        ...views.map((v, i) => ({ where: `employer view ${i}`, leaked: leaks(v.text) })),
        ...mails.map((m) => ({
          where: `mail ${m.subject}`,
          leaked: leaks(`${m.subject}\n${m.text}\n${m.html}`),
        })),
      ].filter((f) => f.leaked.length);
      expect(found).toEqual([]);
    });

    it('removes the outcome at once when consent is withdrawn', async () => {
      await as(w.candidateA.token)
        .post(`/api/proposals/${proposalId}/consent/withdraw`)
        .expect(200);
      const res = await as(w.employer.token).get(`/api/proposals/${proposalId}`).expect(200);
      expect(res.body.consentActive).toBe(false);
      expect(res.body.shared.financieelCv).toBeNull();
      expect(JSON.stringify(res.body)).not.toContain('loonkostensubsidie');
    });

    it('is not shared unless chosen', async () => {
      const res = await as(w.wmA.token)
        .post('/api/proposals', {
          candidateId: w.candidateA.id,
          vacancyId: w.vacancy.id,
          motivation: 'Tweede kans.',
        })
        .expect(201);
      await as(w.candidateA.token)
        .post(`/api/proposals/${res.body.id}/consent`, { share: ['werkmakelaarContact'] })
        .expect(200);
      const seen = await as(w.employer.token).get(`/api/proposals/${res.body.id}`).expect(200);
      expect(seen.body.shared.financieelCv).toBeNull();
      expect(seen.body.shared.werkmakelaar).not.toBeNull();
    });
  });

  describe('agreed instruments on a placement, and their deadlines', () => {
    let lksPlacement: string;
    let wajongCandidate: string;
    let wajongPlacement: string;
    const lksStart = addDays(addMonths(today(), -6), 10);
    const wajongStart = addDays(addMonths(today(), -3), 5);

    const place = async (candidateId: string, startDate: string) => {
      const vacancy = await as(w.wmA.token)
        .post('/api/vacancies', {
          ...(await import('./support/fixtures')).vacancyBody({ employerId: w.employer.id }),
          title: `Plek vanaf ${startDate}`,
        })
        .expect(201);
      const res = await as(w.wmA.token)
        .post('/api/placements', {
          candidateId,
          vacancyId: vacancy.body.id,
          arrangement: 'regulier',
          startDate,
          hoursPerWeek: 24,
          candidateConsent: true,
        })
        .expect(201);
      return res.body.id as string;
    };

    beforeAll(async () => {
      lksPlacement = await place(w.candidateA.id, lksStart);
      const c = await as(w.wmA.token)
        .post(
          '/api/candidates',
          candidateBody({
            personal: {
              firstName: 'Joost',
              lastName: 'Wajong',
              email: 'joost@example.nl',
              dateOfBirth: '1990-05-05',
              benefitType: 'wajong',
              banenafspraak: false,
              loonwaardePct: 70,
              notes: '',
            },
          }),
        )
        .expect(201);
      wajongCandidate = c.body.id;
      wajongPlacement = await place(wajongCandidate, wajongStart);
    });

    it('keeps the calculation: rule versions used and amounts, as of the start date', async () => {
      const res = await as(w.wmA.token)
        .post(`/api/placements/${lksPlacement}/instruments`, {
          codes: ['loonkostensubsidie', 'lkv_banenafspraak'],
          contractMonths: 12,
        })
        .expect(201);
      expect(res.body.calculationDate).toBe(lksStart);
      expect(res.body.agreedCodes).toEqual(['loonkostensubsidie', 'lkv_banenafspraak']);
      expect(res.body.ruleVersionIds).toHaveLength(2);
      const lks = res.body.calculation.items.find(
        (i: { code: string }) => i.code === 'loonkostensubsidie',
      );
      expect(lks.amounts).toMatchObject({ perWeek: 188.35, total: 9794.4 });
      expect(res.body.calculation.disclaimer).toBe(
        'indicatief, er zijn geen rechten aan te ontlenen',
      );
      expect(res.body.deadlines).toEqual([
        {
          instrumentCode: 'loonkostensubsidie',
          kind: 'lks_aanvraag',
          dueOn: addMonths(lksStart, 6),
          noticeSentAt: null,
        },
      ]);
      // A later rule version does not rewrite what was agreed.
      await as(w.adminToken)
        .post('/api/instruments/loonkostensubsidie/versions', {
          scope: 'national',
          params: {
            maxShare: '0.70',
            vakantiebijslag: '1.08',
            werkgeverslasten: '1.30',
            applyWithinMonths: 6,
            benefitTypes: ['participatiewet', 'ioaw', 'geen'],
            arrangements: ['regulier'],
          },
          validFrom: addDays(today(), 1),
          sourceUrls: ['https://zoek.officielebekendmakingen.nl/stcrt-2017-68248.html'],
          lastChecked: today(),
        })
        .expect(201);
      const again = await as(w.candidateA.token)
        .get(`/api/placements/${lksPlacement}/instruments`)
        .expect(200);
      expect(again.body.calculation).toEqual(res.body.calculation);
      expect(again.body.ruleVersionIds).toEqual(res.body.ruleVersionIds);
    });

    it('refuses unknown codes and instruments that do not apply, keeping nothing', async () => {
      const unknown = await as(w.wmA.token)
        .post(`/api/placements/${wajongPlacement}/instruments`, { codes: ['zzz'] })
        .expect(422);
      expect(unknown.body.code).toBe('UNKNOWN_INSTRUMENT');
      const refused = await as(w.wmA.token)
        .post(`/api/placements/${wajongPlacement}/instruments`, { codes: ['lkv_banenafspraak'] })
        .expect(422);
      expect(refused.body.code).toBe('INSTRUMENT_DOES_NOT_APPLY');
      const kept = await as(w.wmA.token)
        .get(`/api/placements/${wajongPlacement}/instruments`)
        .expect(200);
      expect(kept.body.agreedCodes).toEqual([]);
      await as(w.wmB.token)
        .post(`/api/placements/${wajongPlacement}/instruments`, {
          codes: ['lkv_arbeidsgehandicapt'],
        })
        .expect(404);
    });

    it('mails the werkmakelaar before the LKS and doelgroepverklaring deadlines, over SMTP, once', async () => {
      const res = await as(w.wmA.token)
        .post(`/api/placements/${wajongPlacement}/instruments`, {
          codes: ['lkv_arbeidsgehandicapt'],
        })
        .expect(201);
      expect(res.body.deadlines[0]).toMatchObject({
        kind: 'doelgroepverklaring',
        dueOn: addMonths(wajongStart, 3),
      });
      const deadlines = t.app.get(InstrumentDeadlinesService);
      await drain(); // mails of earlier steps (consent requests) go out first
      const before = smtp.messages.length;
      // The window is the given Dutch date's (the app's today), not the database server's current_date.
      expect(await deadlines.sendNotices(addMonths(wajongStart, 6))).toBe(0);
      expect(await deadlines.sendNotices()).toBe(2);
      expect(await deadlines.sendNotices()).toBe(0);
      await drain();
      const mails = smtp.messages.slice(before);
      expect(mails).toHaveLength(2);
      for (const m of mails) expect(JSON.stringify(m.to)).toContain('wm.a@test.nl');
      const subjects = mails.map((m) => m.subject).join('\n');
      expect(subjects).toContain('Loonkostensubsidie aanvragen bij de gemeente');
      expect(subjects).toContain('Doelgroepverklaring aanvragen bij UWV');
      expect(mails.map((m) => m.text).join('\n')).toContain(
        'https://werkbrug.example/plaatsingen/',
      );
      for (const m of mails) expect(leaks(`${m.text}\n${m.html}`)).toEqual([]);
      const sent = await t.db.query(
        `SELECT count(*)::int AS n FROM instrument_deadlines WHERE notice_sent_at IS NOT NULL`,
      );
      expect(sent[0].n).toBe(2);
    });

    it('removes the stored calculations on erasure', async () => {
      const count = async (id: string) =>
        (
          await t.db.query(
            `SELECT (SELECT count(*) FROM instrument_calculations WHERE candidate_id = $1)::int
                  + (SELECT count(*) FROM instrument_deadlines WHERE candidate_id = $1)::int AS n`,
            [id],
          )
        )[0].n;
      expect(await count(wajongCandidate)).toBe(2);
      // The candidate's export names the kept calculation (AVG right of access).
      const exported = await as(w.wmA.token)
        .get(`/api/candidates/${wajongCandidate}/export`)
        .expect(200);
      expect(exported.body.instrumentCalculations[0].agreedCodes).toEqual([
        'lkv_arbeidsgehandicapt',
      ]);
      await t
        .http()
        .delete(`/api/candidates/${wajongCandidate}`)
        .set(bearer(w.wmA.token))
        .expect(204);
      expect(await count(wajongCandidate)).toBe(0);
      // The other candidate's calculation stays.
      expect(await count(w.candidateA.id)).toBe(2);
      await as(w.wmA.token).get(`/api/placements/${wajongPlacement}/instruments`).expect(200);
    });
  });
});
