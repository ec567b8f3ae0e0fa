import { bearer, buildWorld, candidateBody, World } from './support/fixtures';
import { startTestApp, TestApp } from './support/test-app';

const ROUTES = ['werk', 'participatie', 'jongeren', 'banenafspraak', 'inburgering'] as const;
const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** One generated trajectory, as the test knows it (the independent side of every comparison). */
interface Made {
  id: string;
  candidateId: string;
  gemeente: string;
  route: string;
  start: string;
  end: string | null;
  outcome: string | null;
  movedAway: boolean;
}

/**
 * The seed's own table (Ferm Werk, trajectories since 1 January 2014): 290 started, 71 running,
 * 85 werk/proefplaatsing, 12 studie, 64 early endings, 31 participatie/vrijwilligerswerk, 27 niet geleid.
 * The seed splits the 64 as 27 + 31 + 8 = 66; this test uses 27 + 29 + 8, which adds up.
 */
const SEED_ENDED: [string, number][] = [
  ['werk_proefplaatsing', 85],
  ['studie', 12],
  ['voortijdig_niet_haalbaar', 27],
  ['voortijdig_zelf_beeindigd', 29],
  ['voortijdig_overig', 8],
  ['participatie_vrijwilligerswerk', 31],
  ['niet_geleid_uitstroom', 27],
];
const RUNNING = 71;
const PERIOD = { from: '2014-01-01', to: '2024-12-31' };

describe('outcome reports', () => {
  let t: TestApp;
  let w: World;
  const made: Made[] = [];
  const candidates: { id: string; gemeente: string }[] = [];
  const wm = () => bearer(w.wmA.token);
  const admin = () => bearer(w.adminToken);
  const qs = (q: Record<string, string>) => new URLSearchParams(q).toString();

  const open = async (token: string, candidateId: string, route: string, startDate: string) => {
    const res = await t
      .http()
      .post('/api/trajectories')
      .set(bearer(token))
      .send({ candidateId, route, startDate, form: 'beschut_werk' });
    if (res.status !== 201) throw new Error(`trajectory: ${res.status} ${res.text}`);
    return res.body as { id: string; gemeente: string };
  };
  const end = async (id: string, outcome: string, endDate: string, movedAway = false) => {
    const res = await t
      .http()
      .post(`/api/trajectories/${id}/end`)
      .set(wm())
      .send({ outcome, endDate, movedAway });
    if (res.status !== 200) throw new Error(`end: ${res.status} ${res.text}`);
  };

  beforeAll(async () => {
    t = await startTestApp();
    w = await buildWorld(t);
    // Twenty people of Ferm Werk, five of them living in Oudewater.
    for (let i = 0; i < 20; i++) {
      const oudewater = i % 4 === 0;
      const res = await t
        .http()
        .post('/api/candidates')
        .set(wm())
        .send(
          candidateBody({
            homeArea: oudewater
              ? { postcode: '3421 AA', place: 'Oudewater', lat: 52.0245, lng: 4.8685 }
              : { postcode: '3441 AB', place: 'Woerden', lat: 52.086, lng: 4.88 },
            personal: { firstName: 'Deelnemer', lastName: `${i}` },
          }),
        );
      if (res.status !== 201) throw new Error(`candidate: ${res.status} ${res.text}`);
      candidates.push({ id: res.body.id, gemeente: oudewater ? 'Oudewater' : 'Woerden' });
    }
    // 100 lanes (person × route); a lane holds ended trajectories one after another, then maybe a running one.
    const outcomes = SEED_ENDED.flatMap(([o, n]) => Array<string>(n).fill(o));
    let niet = 0;
    for (const [k, outcome] of outcomes.entries()) {
      const lane = k % 100;
      const slot = Math.floor(k / 100);
      const cand = candidates[Math.floor(lane / 5)] as { id: string; gemeente: string };
      const route = ROUTES[lane % 5] as string;
      const start = addDays('2014-01-06', slot * 300 + lane);
      const stop = addDays(start, 120 + (k % 90));
      const { id, gemeente } = await open(w.wmA.token, cand.id, route, start);
      // Two of the niet geleid endings are people who moved away (the funnel counts them).
      const movedAway = outcome === 'niet_geleid_uitstroom' && niet++ < 2;
      await end(id, outcome, stop, movedAway);
      made.push({
        id,
        candidateId: cand.id,
        gemeente,
        route,
        start,
        end: stop,
        outcome,
        movedAway,
      });
    }
    for (let lane = 0; lane < RUNNING; lane++) {
      const cand = candidates[Math.floor(lane / 5)] as { id: string; gemeente: string };
      const route = ROUTES[lane % 5] as string;
      const start = addDays('2017-03-06', lane * 7);
      const { id, gemeente } = await open(w.wmA.token, cand.id, route, start);
      made.push({
        id,
        candidateId: cand.id,
        gemeente,
        route,
        start,
        end: null,
        outcome: null,
        movedAway: false,
      });
    }
    // Simpel Switchen on ten running trajectories: to a werkervaringsplaats and back. Still running, never an early ending.
    for (const m of made.filter((x) => !x.end).slice(0, 10)) {
      for (const [toForm, switchedOn] of [
        ['werkervaringsplaats', '2018-01-08'],
        ['beschut_werk', '2018-06-04'],
      ]) {
        const res = await t
          .http()
          .post(`/api/trajectories/${m.id}/transitions`)
          .set(wm())
          .send({ toForm, switchedOn, reason: 'Simpel Switchen', decidedBy: 'kandidaat' });
        if (res.status !== 201) throw new Error(`switch: ${res.status} ${res.text}`);
      }
    }
    // Outside the figures: a trajectory that started before the period, and three of another organisation.
    const before = await open(w.wmA.token, w.candidateA.id, 'inburgering', '2013-05-06');
    await end(before.id, 'studie', '2013-10-01');
    for (const route of ['werk', 'participatie', 'jongeren'])
      await open(w.wmB.token, w.candidateB.id, route, '2015-02-02');
  }, 240_000);
  afterAll(() => t.close());

  /** The table as an independent count over what the test made, for one report date. */
  function oracle(rows: Made[], from: string, to: string) {
    const inPeriod = rows.filter((m) => m.start >= from && m.start <= to);
    const ended = (o: string) =>
      inPeriod.filter((m) => m.end && m.end <= to && m.outcome === o).length;
    const running = inPeriod.filter((m) => !m.end || m.end > to).length;
    const voortijdig =
      ended('voortijdig_niet_haalbaar') +
      ended('voortijdig_zelf_beeindigd') +
      ended('voortijdig_overig');
    return {
      started: inPeriod.length,
      running,
      werkProefplaatsing: ended('werk_proefplaatsing'),
      studie: ended('studie'),
      voortijdig,
      voortijdigNietHaalbaar: ended('voortijdig_niet_haalbaar'),
      voortijdigZelfBeeindigd: ended('voortijdig_zelf_beeindigd'),
      voortijdigOverig: ended('voortijdig_overig'),
      participatieVrijwilligerswerk: ended('participatie_vrijwilligerswerk'),
      nietGeleid: ended('niet_geleid_uitstroom'),
    };
  }
  const totals = (body: { rows: { key: string; total: number | null }[] }) =>
    Object.fromEntries(body.rows.map((r) => [r.key, r.total])) as Record<string, number>;

  it('reproduces the seed’s Ferm Werk table, every cell', async () => {
    const res = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs(PERIOD)}`)
      .set(wm());
    expect(res.status).toBe(200);
    expect(res.body.scope).toMatchObject({ ...PERIOD, organisationId: w.orgA, suppressed: false });
    expect(res.body.rows.map((r: { label: string; total: number }) => [r.label, r.total])).toEqual([
      ['Trajecten gestart', 290],
      ['Lopende trajecten', 71],
      ['Resultaat werk/proefplaatsing', 85],
      ['Resultaat studie', 12],
      ['Voortijdige beëindiging traject', 64],
      ['waarvan niet haalbaar', 27],
      ['waarvan zelf beëindigd', 29],
      ['waarvan overig', 8],
      ['Resultaat participatie/vrijwilligerswerk', 31],
      ['Niet geleid participatie/uitstroom', 27],
    ]);
    const c = totals(res.body);
    // The rows add up to the started count, and the early endings to their three reasons.
    expect(
      c.running +
        c.werkProefplaatsing +
        c.studie +
        c.voortijdig +
        c.participatieVrijwilligerswerk +
        c.nietGeleid,
    ).toBe(c.started);
    expect(c.voortijdigNietHaalbaar + c.voortijdigZelfBeeindigd + c.voortijdigOverig).toBe(
      c.voortijdig,
    );
    // Twenty switches on ten running trajectories, ten of them moves back: counted, not as early endings.
    expect(res.body.switches).toEqual({ transitions: 20, trajectories: 10, returns: 10 });
  });

  it('agrees with an independent count on another report date (trajectories ended later were running then)', async () => {
    const to = '2015-06-30';
    const res = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs({ from: PERIOD.from, to })}`)
      .set(wm())
      .expect(200);
    const expected = oracle(made, PERIOD.from, to);
    expect(expected.running).toBeGreaterThan(0);
    expect(totals(res.body)).toEqual(expected);
  });

  it.each(['route', 'gemeente', 'werksoort', 'arrangement', 'organisation'])(
    'breaks down per %s: every column adds up, and the columns add up to the total',
    async (by) => {
      const res = await t
        .http()
        .get(`/api/reports/ferm-werk?${qs({ ...PERIOD, by })}`)
        .set(wm())
        .expect(200);
      expect(res.body.by).toBe(by);
      const groups = res.body.groups as { key: string | null; label: string }[];
      expect(groups.length).toBeGreaterThan(0);
      for (const row of res.body.rows as { total: number; byGroup: number[] }[])
        expect(row.byGroup.reduce((a, b) => a + b, 0)).toBe(row.total);
      groups.forEach((_, i) => {
        const col = Object.fromEntries(
          res.body.rows.map((r: { key: string; byGroup: number[] }) => [r.key, r.byGroup[i]]),
        );
        expect(
          col.running +
            col.werkProefplaatsing +
            col.studie +
            col.voortijdig +
            col.participatieVrijwilligerswerk +
            col.nietGeleid,
        ).toBe(col.started);
      });
      if (by === 'route') {
        const werk = groups.findIndex((g) => g.key === 'werk');
        const started = res.body.rows[0].byGroup[werk];
        expect(started).toBe(
          oracle(
            made.filter((m) => m.route === 'werk'),
            PERIOD.from,
            PERIOD.to,
          ).started,
        );
      }
      if (by === 'organisation') expect(groups.map((g) => g.label)).toEqual(['Ferm Werk']);
    },
  );

  it('filters per gemeente of residence; a gemeente report leaves the organisation, so small cells are hidden', async () => {
    const res = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs({ ...PERIOD, gemeente: 'Oudewater' })}`)
      .set(wm())
      .expect(200);
    expect(res.body.scope).toMatchObject({ gemeente: 'Oudewater', suppressed: true });
    const expected = oracle(
      made.filter((m) => m.gemeente === 'Oudewater'),
      PERIOD.from,
      PERIOD.to,
    );
    const shown = totals(res.body);
    for (const [key, value] of Object.entries(expected)) {
      if (value > 0 && value < 5) expect(shown[key]).toBeNull();
      else if (shown[key] !== null) expect(shown[key]).toBe(value);
    }
    expect(shown.started).toBe(expected.started);
  });

  it('gives an administrator every organisation with small cells hidden, and one small organisation hidden entirely', async () => {
    const all = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs(PERIOD)}`)
      .set(admin())
      .expect(200);
    expect(all.body.scope).toMatchObject({ organisationId: null, suppressed: true });
    expect(totals(all.body)).toMatchObject({ started: 293, running: 74, werkProefplaatsing: 85 });
    const b = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs({ ...PERIOD, organisationId: w.orgB })}`)
      .set(admin())
      .expect(200);
    expect(totals(b.body)).toMatchObject({ started: null, running: null, studie: 0 });
  });

  it('downloads every table as CSV, always with small cells hidden', async () => {
    const res = await t
      .http()
      .get(`/api/reports/ferm-werk/csv?${qs(PERIOD)}`)
      .set(wm())
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="ferm-werk.csv"');
    // Dutch Excel opens it in columns: a UTF-8 BOM and semicolons.
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'Onderdeel;Totaal',
      'Trajecten gestart;290',
      'Lopende trajecten;71',
      'Resultaat werk/proefplaatsing;85',
      'Resultaat studie;12',
      'Voortijdige beëindiging traject;64',
      'waarvan niet haalbaar;27',
      'waarvan zelf beëindigd;29',
      'waarvan overig;8',
      'Resultaat participatie/vrijwilligerswerk;31',
      'Niet geleid participatie/uitstroom;27',
    ]);
    const small = await t
      .http()
      .get(`/api/reports/ferm-werk/csv?${qs({ ...PERIOD, organisationId: w.orgB })}`)
      .set(admin())
      .expect(200);
    expect(small.text).toContain('Trajecten gestart;<5');
    for (const path of ['funnel', 'durability', 'ladder-progress']) {
      const csv = await t.http().get(`/api/reports/${path}/csv`).set(wm());
      expect([csv.status, csv.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
      expect(csv.text.split('\r\n').length).toBeGreaterThan(2);
    }
  });

  it('counts the funnel in people, as Haaren does', async () => {
    const q = { from: '2014-01-01', to: '2024-12-31' };
    const res = await t
      .http()
      .get(`/api/reports/funnel?${qs(q)}`)
      .set(wm())
      .expect(200);
    const people = (pred: (m: Made) => boolean) =>
      new Set(made.filter(pred).map((m) => m.candidateId)).size;
    const endedIn = (m: Made) => !!m.end && m.end >= q.from && m.end <= q.to;
    expect(
      Object.fromEntries(
        res.body.steps.map((s: { key: string; value: number }) => [s.key, s.value]),
      ),
    ).toEqual({
      // Twenty people made here and Sanne of the test world (whose only trajectory ended in 2013).
      inView: 21,
      coached: people((m) => m.start <= q.to && (!m.end || m.end >= q.from)),
      toWork: people((m) => endedIn(m) && m.outcome === 'werk_proefplaatsing'),
      toVolunteer: people((m) => endedIn(m) && m.outcome === 'participatie_vrijwilligerswerk'),
      movedAway: people((m) => endedIn(m) && m.movedAway),
      stillCoached: people((m) => m.start <= q.to && (!m.end || m.end > q.to)),
    });
  });

  it('measures durability after 6 and 12 months from check-ins and trajectory records', async () => {
    // Three contracts that began on 2025-03-03, for people of Ferm Werk.
    const [atWork, fellBack, unknown] = candidates.slice(17, 20) as { id: string }[];
    for (const c of [atWork, fellBack, unknown] as { id: string }[]) {
      const placed = await t.http().post('/api/placements').set(wm()).send({
        candidateId: c.id,
        vacancyId: w.vacancy.id,
        arrangement: 'proefplaatsing',
        startDate: '2025-01-06',
        hoursPerWeek: 16,
        candidateConsent: true,
      });
      expect(placed.status).toBe(201);
      // Only a placement the employer agreed to counts: here by phone, as the werkmakelaar records.
      const agreed = await t
        .http()
        .post(`/api/placements/${placed.body.id}/record-phone-agreement`)
        .set(wm())
        .send({ agreedOn: '2025-01-03', note: 'Akkoord', version: placed.body.version })
        .expect(200);
      await t
        .http()
        .post(`/api/placements/${placed.body.id}/end`)
        .set(wm())
        .set('If-Match', `"${agreed.body.version}"`)
        .send({ outcome: 'contract', endedOn: '2025-03-03', contractMonths: 12, contractHours: 24 })
        .expect(200);
    }
    // Seen at work after both marks; back in a trajectory two months in; never heard of again.
    await t
      .http()
      .post('/api/checkins')
      .set(wm())
      .send({ candidateId: atWork?.id, contactOn: '2026-04-01', kind: 'werkplekbezoek' })
      .expect(201);
    await t
      .http()
      .post('/api/checkins')
      .set(wm())
      .send({ candidateId: fellBack?.id, contactOn: '2026-04-01', kind: 'gesprek' })
      .expect(201);
    // The lane (person 18, inburgering) has no running trajectory: a new one may start there.
    await open(w.wmA.token, fellBack?.id as string, 'inburgering', '2025-05-05');
    const q = { from: '2025-01-01', to: '2025-12-31' };
    const res = await t
      .http()
      .get(`/api/reports/durability?${qs(q)}`)
      .set(wm())
      .expect(200);
    expect(res.body.contracts).toBe(3);
    expect(res.body.horizons).toEqual([
      { months: 6, eligible: 3, atWork: 1, fellBack: 1, unknown: 1, share: 0.333 },
      { months: 12, eligible: 3, atWork: 1, fellBack: 1, unknown: 1, share: 0.333 },
    ]);
    const shared = await t
      .http()
      .get(`/api/reports/durability?${qs(q)}`)
      .set(admin())
      .expect(200);
    expect(shared.body.horizons[0]).toMatchObject({ eligible: null, atWork: null, share: null });
  });

  it('reports ladder progress: the share that went up at least one rung within a year', async () => {
    // Baseline rung 2 in January 2024, then: up, the same, down, nothing, and up only after a year.
    const later: ([number, string] | null)[] = [
      [3, '2024-09-01'],
      [2, '2024-09-01'],
      [1, '2024-09-01'],
      null,
      [4, '2025-03-01'],
    ];
    for (const [i, next] of later.entries()) {
      const id = candidates[i]?.id as string;
      for (const [rung, measuredOn] of [
        [2, '2024-01-10'] as [number, string],
        ...(next ? [next] : []),
      ])
        await t
          .http()
          .post(`/api/candidates/${id}/ladder`)
          .set(wm())
          .send({ rung, measuredOn })
          .expect(201);
    }
    const res = await t
      .http()
      .get(`/api/reports/ladder-progress?${qs({ from: '2024-01-01', to: '2024-06-30' })}`)
      .set(wm())
      .expect(200);
    expect(
      Object.fromEntries(
        res.body.rows.map((r: { key: string; value: number }) => [r.key, r.value]),
      ),
    ).toEqual({
      measured: 5,
      followedUp: 3,
      up: 1,
      notUp: 2,
      noFollowUp: 2,
    });
    expect(res.body.shareUp).toBe(0.333);
  });

  it.each([
    ['a period that ends before it starts', () => ({ from: '2020-01-01', to: '2019-01-01' }), 422],
    ['a date that is not a date', () => ({ from: '2020-13-45' }), 422],
    ['an unknown breakdown', () => ({ by: 'kleur' }), 422],
    ['another organisation, as a werkmakelaar', () => ({ organisationId: w.orgB }), 403],
  ])('refuses %s with a problem document', async (_name, q, status) => {
    const res = await t
      .http()
      .get(`/api/reports/ferm-werk?${qs(q())}`)
      .set(wm());
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
