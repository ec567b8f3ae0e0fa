import { bearer, buildWorld, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';
import { dutchDaysFromNow } from './support/dates';

/** The instruments API over HTTP on a real PostgreSQL with the seeded rules. */
describe('instruments: calculator, catalogue, rule versions, candidate answers', () => {
  let t: TestApp;
  let w: World;
  const calc = (token: string, body: object) =>
    t.http().post('/api/instruments/calculate').set(bearer(token)).send(body);
  const item = (body: { items: { code: string }[] }, code: string) =>
    body.items.find((i) => i.code === code) as unknown as {
      status: string;
      amounts: Record<string, number>;
      reasons: { code: string; text: string }[];
    };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
  });
  afterAll(() => t.close());

  describe('POST /api/instruments/calculate (anonymous scenario)', () => {
    it('reproduces the worked example for any signed-in user', async () => {
      const res = await calc(w.employer.token, {
        date: '2026-03-01',
        hoursPerWeek: 24,
        loonwaardePct: 50,
        doelgroepregister: true,
        benefitType: 'participatiewet',
      }).expect(200);
      expect(res.body.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
      expect(res.body.date).toBe('2026-03-01');
      expect(item(res.body, 'loonkostensubsidie').amounts).toMatchObject({
        perWeek: 235.44,
        perMonth: 1020.25,
      });
      expect(item(res.body, 'lkv_banenafspraak').amounts.perYear).toBe(1260.48);
      // The primary publications (the law, the Belastingdienst), never the secondary sites.
      expect(res.body.sources).toContain('https://wetten.overheid.nl/BWBR0037522');
      expect(res.body.sources).not.toContain('https://www.fundamentvoor.nl/node/58952');
      expect(res.body.status).toBe('known');
      expect(item(res.body, 'loonkostensubsidie')).toMatchObject({
        figures: { status: 'known', knownUntil: '2026-12-31', reason: null },
      });
      expect(res.body.items.every((i: { sources: string[] }) => i.sources.length > 0)).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain('deadlineKind');
    });

    it('past the horizon answers with the last known figures, marked provisional, in Dutch', async () => {
      const res = await calc(w.employer.token, {
        date: '2027-07-15',
        hoursPerWeek: 24,
        loonwaardePct: 50,
        doelgroepregister: true,
        benefitType: 'participatiewet',
      }).expect(200);
      const reason =
        'De bedragen voor 2027 zijn nog niet ingevoerd; dit is berekend met die van 2026.';
      expect(res.body.status).toBe('provisional');
      expect(res.body.provisionalReasons).toEqual([reason]);
      for (const code of ['wml', 'loonkostensubsidie', 'lkv_banenafspraak'])
        expect(item(res.body, code)).toMatchObject({
          figures: { status: 'provisional', knownUntil: '2026-12-31', reason },
        });
      // The 2026 figures, to the cent: provisional, not different.
      expect(item(res.body, 'loonkostensubsidie').amounts.perWeek).toBe(235.44);
      expect(item(res.body, 'wml').reasons.map((r) => r.text)).toContain(reason);
    });

    it('splits a 12-month contract from 2026-12-15 at the year boundary and shows the parts', async () => {
      const res = await calc(w.employer.token, {
        date: '2026-12-15',
        hoursPerWeek: 24,
        contractMonths: 12,
      }).expect(200);
      expect(res.body.period).toMatchObject({
        from: '2026-12-15',
        to: '2027-12-14',
        parts: [
          { from: '2026-12-15', to: '2026-12-31', days: 17, status: 'known' },
          { from: '2027-01-01', to: '2027-12-14', days: 348, status: 'provisional' },
        ],
      });
      const wml = item(res.body, 'wml') as unknown as {
        amounts: { total: number };
        parts: { from: string; to: string; validFrom: string; status: string; amount: number }[];
      };
      expect(wml.parts.map((p) => [p.from, p.to, p.validFrom, p.status])).toEqual([
        ['2026-12-15', '2026-12-31', '2026-01-01', 'known'],
        ['2027-01-01', '2027-12-14', '2026-01-01', 'provisional'],
      ]);
      // One version priced throughout: the parts share the contract's total by their days.
      expect(wml.amounts.total).toBe(18358.08);
      expect(wml.parts[0].amount).toBe(855.03);
    });

    it('adds the rules of a known gemeente', async () => {
      const res = await calc(w.wmA.token, {
        date: '2026-03-01',
        hoursPerWeek: 16,
        arrangement: 'werkervaringsplaats',
        gemeente: 'woerden',
      }).expect(200);
      expect(item(res.body, 'werkervaringsplaats_premie').amounts.total).toBe(2100);
    });

    it.each([
      ['loonwaarde above 100', { hoursPerWeek: 24, loonwaardePct: 101 }, 'loonwaardePct'],
      ['loonwaarde below 0', { hoursPerWeek: 24, loonwaardePct: -1 }, 'loonwaardePct'],
      ['hours below 1', { hoursPerWeek: 0 }, 'hoursPerWeek'],
      ['hours above 40', { hoursPerWeek: 41 }, 'hoursPerWeek'],
      ['no hours', {}, 'hoursPerWeek'],
      ['hours with three decimals', { hoursPerWeek: 24.125 }, 'hoursPerWeek'],
      ['hours as a string', { hoursPerWeek: '24' }, 'hoursPerWeek'],
      ['a wage in exponent notation', { hoursPerWeek: 24, hourlyWage: 1e-9 }, 'hourlyWage'],
      ['an unknown benefit', { hoursPerWeek: 24, benefitType: 'bijstand' }, 'benefitType'],
      ['an impossible date', { hoursPerWeek: 24, date: '2026-02-30' }, 'date'],
      ['an unknown field', { hoursPerWeek: 24, bsn: '123456782' }, 'bsn'],
    ])('refuses %s with a 422 naming the field', async (_label, body, field) => {
      const res = await calc(w.wmA.token, body).expect(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('refuses a date with no rule in force, naming the missing rules', async () => {
      const res = await calc(w.wmA.token, { hoursPerWeek: 24, date: '2024-06-01' }).expect(422);
      expect(res.body.code).toBe('RULE_NOT_IN_FORCE');
      expect(res.body.missingRules).toEqual(expect.arrayContaining(['wml', 'loonkostensubsidie']));
      expect(res.body.detail).toContain('wml');
    });

    it('refuses an unknown gemeente', async () => {
      const res = await calc(w.wmA.token, { hoursPerWeek: 24, gemeente: 'Atlantis' }).expect(422);
      expect(res.body.code).toBe('UNKNOWN_GEMEENTE');
    });

    it('needs a signed-in user', async () => {
      await t.http().post('/api/instruments/calculate').send({ hoursPerWeek: 24 }).expect(401);
    });
  });

  describe('GET /api/instruments?date=', () => {
    it('shows the catalogue in force on either side of the year boundary', async () => {
      const old = await t
        .http()
        .get('/api/instruments?date=2025-12-31')
        .set(bearer(w.employer.token))
        .expect(200);
      const now = await t
        .http()
        .get('/api/instruments?date=2026-01-01')
        .set(bearer(w.employer.token))
        .expect(200);
      const wml = (body: { items: { code: string; rules: { params: { perHour: string } }[] }[] }) =>
        body.items.find((i) => i.code === 'wml')?.rules[0].params.perHour;
      expect(wml(old.body)).toBe('14.40');
      expect(wml(now.body)).toBe('14.71');
      expect(old.body.items.map((i: { code: string }) => i.code)).toContain('lkv_oudere');
      expect(now.body.items.map((i: { code: string }) => i.code)).not.toContain('lkv_oudere');
      expect(now.body.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
      for (const i of now.body.items)
        for (const r of i.rules) expect(r.sourceUrls.length).toBeGreaterThan(0);
    });

    it('refuses a date before the seeded rules', async () => {
      const res = await t
        .http()
        .get('/api/instruments?date=2020-01-01')
        .set(bearer(w.wmA.token))
        .expect(422);
      expect(res.body.code).toBe('RULE_NOT_IN_FORCE');
    });
  });

  describe('rule versions (administrators)', () => {
    const versions = () =>
      t.db.query(`SELECT count(*)::int AS n FROM instrument_rule_versions`).then((r) => r[0].n);
    const post = (code: string, body: object, token = w.adminToken) =>
      t.http().post(`/api/instruments/${code}/versions`).set(bearer(token)).send(body);
    const wml2027 = {
      scope: 'national',
      params: { perHour: '15.10', minAge: 21 },
      validFrom: '2027-01-01',
      sourceUrls: ['https://www.rijksoverheid.nl/onderwerpen/minimumloon'],
      lastChecked: '2026-11-29',
    };

    it('adds next year’s figure, ending the version in force the day before', async () => {
      const res = await post('wml', wml2027).expect(201);
      expect(res.body).toMatchObject({
        instrumentCode: 'wml',
        validFrom: '2027-01-01',
        validTo: null,
      });
      const history = await t
        .http()
        .get('/api/instruments/wml')
        .set(bearer(w.wmA.token))
        .expect(200);
      const by = (from: string) =>
        history.body.versions.find((v: { validFrom: string }) => v.validFrom === from);
      expect(by('2026-01-01').validTo).toBe('2026-12-31');
      expect(by('2026-01-01').params.perHour).toBe('14.71');
      // 2026 answers keep the 2026 figure; 2027 answers use the new one.
      const before = await calc(w.wmA.token, { hoursPerWeek: 10, date: '2026-12-31' }).expect(200);
      const after = await calc(w.wmA.token, { hoursPerWeek: 10, date: '2027-01-01' }).expect(200);
      expect(item(before.body, 'wml').amounts.perWeek).toBe(147.1);
      expect(item(after.body, 'wml').amounts.perWeek).toBe(151.0);
    });

    it('refuses an overlapping version with 409, storing nothing', async () => {
      const n = await versions();
      const same = await post('wml', wml2027).expect(409);
      expect(same.body.code).toBe('RULE_VERSION_OVERLAP');
      const earlier = await post('wml', { ...wml2027, validFrom: '2026-12-15' }).expect(409);
      expect(earlier.body.overlapsWith[0].validFrom).toBe('2027-01-01');
      expect(await versions()).toBe(n);
    });

    it.each([
      ['an unknown code', 'zzz', {}, 404, 'UNKNOWN_INSTRUMENT'],
      ['params that do not fit', 'wml', { params: { perHour: 15 } }, 422, 'VALIDATION_FAILED'],
      ['a start in the past', 'wml', { validFrom: '2026-01-01' }, 422, 'RULE_VERSION_IN_PAST'],
      [
        'an unknown gemeente',
        'uitstroompremie',
        {
          scope: 'gemeente',
          scopeRef: 'Atlantis',
          params: {
            amount: '800',
            afterMonths: 6,
            benefitTypes: ['participatiewet'],
            arrangements: ['regulier'],
          },
        },
        422,
        'UNKNOWN_GEMEENTE',
      ],
      ['a national rule with a scopeRef', 'wml', { scopeRef: 'Woerden' }, 422, 'VALIDATION_FAILED'],
      ['no source', 'wml', { sourceUrls: [] }, 422, 'VALIDATION_FAILED'],
      [
        'an end before the start',
        'wml',
        { validFrom: '2028-01-01', validTo: '2027-06-01' },
        422,
        'VALIDATION_FAILED',
      ],
    ])('refuses %s, storing nothing', async (_label, code, patch, status, problem) => {
      const n = await versions();
      const res = await post(code, { ...wml2027, validFrom: '2028-01-01', ...patch }).expect(
        status,
      );
      expect(res.body.code).toBe(problem);
      expect(await versions()).toBe(n);
    });

    it('lets an organisation’s own rule win over the gemeente’s, for that organisation only', async () => {
      const tomorrow = dutchDaysFromNow(1);
      await post('werkervaringsplaats_premie', {
        scope: 'organisation',
        scopeRef: w.orgA,
        params: {
          amount: '3000',
          reducedAmount: '1500',
          periodMonths: 6,
          minHours: 16,
          arrangements: ['werkervaringsplaats'],
        },
        validFrom: tomorrow,
        sourceUrls: ['https://www.fermwerk.nl/'],
        lastChecked: '2026-11-29',
        indicative: true,
      }).expect(201);
      const scenario = {
        date: tomorrow,
        hoursPerWeek: 20,
        arrangement: 'werkervaringsplaats',
        gemeente: 'Woerden',
      };
      const own = await calc(w.wmA.token, scenario).expect(200);
      const other = await calc(w.wmB.token, scenario).expect(200);
      expect(item(own.body, 'werkervaringsplaats_premie').amounts.total).toBe(3000);
      expect(item(other.body, 'werkervaringsplaats_premie').amounts.total).toBe(2100);
      const bad = await post('uitstroompremie', {
        ...wml2027,
        scope: 'organisation',
        scopeRef: '00000000-0000-4000-8000-000000000000',
      }).expect(422);
      expect(bad.body.errors[0].field).toBe('scopeRef');
    });

    it('is for administrators only', async () => {
      await post('wml', { ...wml2027, validFrom: '2029-01-01' }, w.wmA.token).expect(403);
    });

    it('never lets the database edit or delete a past version', async () => {
      const [v] = await t.db.query(
        `SELECT id FROM instrument_rule_versions WHERE instrument_code = 'loonkostensubsidie'`,
      );
      await expect(
        t.db.query(`UPDATE instrument_rule_versions SET params = '{}' WHERE id = $1`, [v.id]),
      ).rejects.toThrow(/only be ended/);
      await expect(
        t.db.query(`DELETE FROM instrument_rule_versions WHERE id = $1`, [v.id]),
      ).rejects.toThrow(/never deleted/);
    });
  });

  describe('GET /api/candidates/{id}/instruments', () => {
    it('shows the werkmakelaar the facts used, and audits the read', async () => {
      const res = await t
        .http()
        .get(
          `/api/candidates/${w.candidateA.id}/instruments?vacancyId=${w.vacancy.id}&date=2026-03-01`,
        )
        .set(bearer(w.wmA.token))
        .set('X-Purpose', 'bemiddeling')
        .expect(200);
      expect(res.body.audience).toBe('werkmakelaar');
      expect(res.body.facts).toMatchObject({
        hoursPerWeek: 24,
        loonwaardePct: 60,
        doelgroepregister: true,
        benefitType: 'participatiewet',
        age: 31,
        arrangement: 'regulier',
        gemeente: 'Woerden',
      });
      // 40% of the WML × 24 h × 1.08 × 1.235
      expect(item(res.body, 'loonkostensubsidie').amounts.perWeek).toBe(188.35);
      expect(item(res.body, 'uitstroompremie').status).toBe('applies');
      const [audit] = await t.db.query(
        `SELECT purpose FROM audit_log WHERE action = 'candidate.instruments_read' AND candidate_id = $1`,
        [w.candidateA.id],
      );
      expect(audit.purpose).toBe('bemiddeling');
      // The age and benefit facts come through CandidatesService (instrumentberekening): audited too.
      const reads = await t.db.query(
        `SELECT actor_role, purpose FROM audit_log WHERE action = 'candidate.protected.read' AND candidate_id = $1`,
        [w.candidateA.id],
      );
      expect(reads).toContainEqual({
        actor_role: 'werkmakelaar',
        purpose: 'berekening instrumenten',
      });
    });

    it('gives the candidate B1 texts without the facts block', async () => {
      const res = await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}/instruments?hoursPerWeek=20&arrangement=regulier`)
        .set(bearer(w.candidateA.token))
        .expect(200);
      expect(res.body.audience).toBe('kandidaat');
      expect(res.body.facts).toBeUndefined();
      const lks = item(res.body, 'loonkostensubsidie') as unknown as { summary: string };
      expect(lks.summary).toBe('Je werkgever kan dit waarschijnlijk krijgen.');
      expect((item(res.body, 'banenafspraakbonus') as unknown as { summary: string }).summary).toBe(
        'Deze regeling bestaat nog niet.',
      );
      expect(item(res.body, 'loonkostensubsidie').reasons.length).toBeGreaterThan(0);
      expect(res.body.disclaimer).toBe('indicatief, er zijn geen rechten aan te ontlenen');
    });

    it('needs a purpose from the werkmakelaar (the facts are the protected file)', async () => {
      const res = await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}/instruments`)
        .set(bearer(w.wmA.token))
        .expect(400);
      expect(res.body.code).toBe('PURPOSE_REQUIRED');
    });

    it('hides candidates of another organisation and refuses bad input', async () => {
      await t
        .http()
        .get(`/api/candidates/${w.candidateB.id}/instruments`)
        .set(bearer(w.wmA.token))
        .expect(404);
      await t
        .http()
        .get(`/api/candidates/${w.candidateA.id}/instruments?hoursPerWeek=41`)
        .set(bearer(w.wmA.token))
        .expect(422);
      const unknown = await t
        .http()
        .get(
          `/api/candidates/${w.candidateA.id}/instruments?vacancyId=00000000-0000-4000-8000-000000000000`,
        )
        .set(bearer(w.wmA.token))
        .expect(422);
      expect(unknown.body.errors[0].field).toBe('vacancyId');
    });
  });
});
