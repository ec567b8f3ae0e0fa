import { DataSource } from 'typeorm';
import { MailOutboxHandler } from '@werkbrug/mail';
import { OutboxProcessor } from '@werkbrug/outbox';
import { EvaluationRemindersService } from '@werkbrug/trajectories';
import { bearer, buildWorld, World } from './support/fixtures';
import { startSmtpSink } from './support/smtp-sink';
import { startTestApp, TestApp } from './support/test-app';
import { addDays } from '@werkbrug/domain';
import { dutchDaysFromNow, dutchMonday } from './support/dates';

const daysFromNow = dutchDaysFromNow;
/** The Monday `weeksAgo` weeks before this week's Monday. */
const monday = dutchMonday;

/** A fingerprint of the trajectory tables, to prove a refused request stored nothing. */
async function trajectoryTables(db: DataSource): Promise<string> {
  const parts: string[] = [];
  for (const table of [
    'trajectories',
    'trajectory_hours',
    'learning_goals',
    'ladder_measurements',
    'trajectory_transitions',
    'trajectory_rules',
  ]) {
    const [row] = await db.query(
      `SELECT count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '') AS h FROM ${table} t`,
    );
    parts.push(`${table}:${row.n}:${row.h}`);
  }
  return parts.join('\n');
}

/**
 * A werkmakelaar opens a trajectory, logs hours against the organisation's limits (100/350/800 as data),
 * records a switch from beschut werk to a werkervaringsplaats and back, keeps a plan van aanpak whose
 * evaluation is reminded by mail (real SMTP on loopback), and measures the participatieladder.
 */
describe('trajectories', () => {
  let t: TestApp;
  let w: World;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let id: string;
  const wm = () => bearer(w.wmA.token);
  const start = monday(30);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://werkbrug.example' });
    w = await buildWorld(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('an administrator sets the hour rules of an organisation as data with a validity period', async () => {
    const body = {
      organisationId: w.orgA,
      diagnosisHours: 100,
      blockHours: 350,
      maxHours: 800,
      warnWithinHours: 40,
      validFrom: '2020-01-01',
      source:
        'Ferm Werk, Leer- en ontwikkelcentrum: 100 uur diagnose, 350 uur per blok, 800 uur maximaal',
    };
    await t.http().post('/api/trajectory-rules').set(wm()).send(body).expect(403);
    const res = await t.http().post('/api/trajectory-rules').set(bearer(w.adminToken)).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ maxHours: 800, validFrom: '2020-01-01', validTo: null });
    // A rule that does not fit together is refused.
    await t
      .http()
      .post('/api/trajectory-rules')
      .set(bearer(w.adminToken))
      .send({ ...body, validFrom: '2031-01-01', maxHours: 50 })
      .expect(422);
    const list = await t.http().get('/api/trajectory-rules').set(wm()).expect(200);
    expect(list.body.items).toHaveLength(1);
  });

  it('a werkmakelaar opens a trajectory for a candidate of their organisation', async () => {
    const res = await t.http().post('/api/trajectories').set(wm()).send({
      candidateId: w.candidateA.id,
      route: 'werk',
      startDate: start,
      werksoort: 'groen',
      form: 'beschut_werk',
      jobcoachName: 'Anja Jobcoach',
      workplace: 'Atelier Ferm Werk',
    });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      candidate: { id: w.candidateA.id },
      route: 'werk',
      status: 'lopend',
      gemeente: 'Woerden',
      form: 'beschut_werk',
      formDetails: { jobcoachName: 'Anja Jobcoach', workplace: 'Atelier Ferm Werk' },
      hours: { used: 0, phase: 'diagnose', left: 800, rule: { maxHours: 800 } },
    });
    // Another organisation's werkmakelaar does not see it, nor can they log on it.
    await t.http().get(`/api/trajectories/${id}`).set(bearer(w.wmB.token)).expect(404);
    await t
      .http()
      .post(`/api/trajectories/${id}/hours`)
      .set(bearer(w.wmB.token))
      .send({ weekStart: start, hours: 8 })
      .expect(404);
    // Nor open one for a candidate that is not theirs.
    await t
      .http()
      .post('/api/trajectories')
      .set(bearer(w.wmB.token))
      .send({ candidateId: w.candidateA.id, route: 'participatie', startDate: start })
      .expect(422);
  });

  it('logs hours per week and shows the phase, hours used and left, and the approaching limits', async () => {
    const log = (weeksAgo: number, hours: number, extra: object = {}) =>
      t
        .http()
        .post(`/api/trajectories/${id}/hours`)
        .set(wm())
        .send({ weekStart: monday(weeksAgo), hours, ...extra });
    let res = await log(30, 60);
    expect(res.status).toBe(201);
    expect(res.body.hours).toMatchObject({ used: 60, phase: 'diagnose', hoursToPhaseEnd: 40 });
    res = await log(29, 80);
    expect(res.body.hours).toMatchObject({ used: 140, phase: 'blok', block: 1, phaseEndsAt: 450 });
    for (let week = 28; week >= 25; week--) res = await log(week, 70);
    // 420 h: 30 h before the evaluation at the end of block 1.
    expect(res.body.hours).toMatchObject({
      used: 420,
      block: 1,
      evaluationNear: true,
      endNear: false,
    });
    for (let week = 24; week >= 21; week--) res = await log(week, 80);
    res = await log(20, 20);
    expect(res.body.hours).toMatchObject({
      used: 760,
      phase: 'blok',
      block: 2,
      left: 40,
      endNear: true,
      evaluationNear: false,
      limitReached: false,
    });
    expect(res.body.hours.weeks).toHaveLength(11);
  });

  it('refuses hours beyond 800 naming the limit, stores nothing, and takes them with an override reason', async () => {
    const before = await trajectoryTables(t.db);
    const res = await t
      .http()
      .post(`/api/trajectories/${id}/hours`)
      .set(wm())
      .send({ weekStart: monday(19), hours: 50 });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'HOUR_LIMIT', limit: 800, used: 760, requested: 50 });
    expect(res.body.detail).toContain('800 h');
    expect(await trajectoryTables(t.db)).toBe(before);

    const ok = await t
      .http()
      .post(`/api/trajectories/${id}/hours`)
      .set(wm())
      .send({
        weekStart: monday(19),
        hours: 50,
        overrideReason: 'Afronding leerdoelen, besproken in het team',
      });
    expect(ok.status).toBe(201);
    expect(ok.body.hours).toMatchObject({ used: 810, phase: 'einde', limitReached: true, left: 0 });
    expect(ok.body.hours.weeks.at(-1)).toMatchObject({
      weekStart: monday(19),
      overrideReason: 'Afronding leerdoelen, besproken in het team',
    });
  });

  it.each([
    [
      'a week logged twice',
      () => ({ weekStart: monday(30), hours: 4 }),
      409,
      'HOURS_ALREADY_LOGGED',
    ],
    [
      'a day that is not a Monday',
      () => ({
        weekStart: addDays(monday(3), 2),
        hours: 4,
      }),
      422,
      'VALIDATION_FAILED',
    ],
    [
      'a week before the start',
      () => ({ weekStart: monday(40), hours: 4 }),
      422,
      'VALIDATION_FAILED',
    ],
    [
      'a week that has not begun',
      () => ({ weekStart: monday(-2), hours: 4 }),
      422,
      'VALIDATION_FAILED',
    ],
    [
      'more than 80 hours in a week',
      () => ({ weekStart: monday(2), hours: 81 }),
      422,
      'VALIDATION_FAILED',
    ],
    ['negative hours', () => ({ weekStart: monday(2), hours: -3 }), 422, 'VALIDATION_FAILED'],
    // An exponent once made class-validator's decimal check throw (a 500).
    ['a tiny fraction', () => ({ weekStart: monday(2), hours: 1e-9 }), 422, 'VALIDATION_FAILED'],
    ['two decimals', () => ({ weekStart: monday(2), hours: 7.25 }), 422, 'VALIDATION_FAILED'],
  ])('refuses %s and stores nothing', async (_name, body, status, code) => {
    const before = await trajectoryTables(t.db);
    const res = await t.http().post(`/api/trajectories/${id}/hours`).set(wm()).send(body());
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await trajectoryTables(t.db)).toBe(before);
  });

  it('refuses an overlapping trajectory of the same route, but not one on another route', async () => {
    const before = await trajectoryTables(t.db);
    const res = await t
      .http()
      .post('/api/trajectories')
      .set(wm())
      .send({ candidateId: w.candidateA.id, route: 'werk', startDate: daysFromNow(-3) });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TRAJECTORY_OVERLAP', trajectoryId: id });
    expect(await trajectoryTables(t.db)).toBe(before);
  });

  it('records a switch from beschut werk to a werkervaringsplaats and back, without ending the trajectory', async () => {
    const there = await t
      .http()
      .post(`/api/trajectories/${id}/transitions`)
      .set(wm())
      .send({
        toForm: 'werkervaringsplaats',
        switchedOn: daysFromNow(-60),
        reason: 'Klaar voor een stap naar een gewone werkplek',
        decidedBy: 'samen',
        jobcoachName: 'Bram Werkplek',
        vacancyId: w.vacancy.id,
      });
    expect(there.status).toBe(201);
    expect(there.body).toMatchObject({
      status: 'lopend',
      form: 'werkervaringsplaats',
      formDetails: { jobcoachName: 'Bram Werkplek', vacancyId: w.vacancy.id },
      // Beschut werk stays one step away, with its jobcoach and workplace.
      earlierForms: [
        {
          form: 'beschut_werk',
          details: { jobcoachName: 'Anja Jobcoach', workplace: 'Atelier Ferm Werk' },
        },
      ],
    });
    // Back, without naming the details: the earlier form's jobcoach and workplace are offered again.
    const back = await t
      .http()
      .post(`/api/trajectories/${id}/transitions`)
      .set(wm())
      .send({
        toForm: 'beschut_werk',
        switchedOn: daysFromNow(-20),
        reason: 'Te veel prikkels; wil terug naar het atelier',
        decidedBy: 'kandidaat',
      });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({
      status: 'lopend',
      endDate: null,
      outcome: null,
      form: 'beschut_werk',
      formDetails: { jobcoachName: 'Anja Jobcoach', workplace: 'Atelier Ferm Werk' },
      earlierForms: [{ form: 'werkervaringsplaats', details: { jobcoachName: 'Bram Werkplek' } }],
    });
    expect(back.body.transitions.map((x: { isReturn: boolean }) => x.isReturn)).toEqual([
      false,
      true,
    ]);
  });

  it.each([
    ['a switch to the same form', { toForm: 'beschut_werk', switchedOn: daysFromNow(-1) }],
    ['a switch before the start', { toForm: 'leerwerkbaan', switchedOn: '2001-01-01' }],
    ['a switch before the previous one', { toForm: 'leerwerkbaan', switchedOn: daysFromNow(-30) }],
  ])('refuses %s (422) and stores nothing', async (_name, body) => {
    const before = await trajectoryTables(t.db);
    const res = await t
      .http()
      .post(`/api/trajectories/${id}/transitions`)
      .set(wm())
      .send({ reason: 'Test', decidedBy: 'werkmakelaar', ...body });
    expect([res.status, res.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(await trajectoryTables(t.db)).toBe(before);
  });

  it('reminds the werkmakelaar of an evaluation date by mail through the outbox, once per date', async () => {
    const goal = await t
      .http()
      .post(`/api/trajectories/${id}/goals`)
      .set(wm())
      .send({
        description: 'Omgaan met rugklachten tijdens het werk',
        evaluationDate: daysFromNow(3),
      });
    expect(goal.status).toBe(201);
    await t
      .http()
      .post(`/api/trajectories/${id}/goals`)
      .set(wm())
      .send({ description: 'Op tijd komen', evaluationDate: daysFromNow(3), status: 'bezig' });
    // Far away, achieved and other organisations' goals are not reminded.
    await t
      .http()
      .post(`/api/trajectories/${id}/goals`)
      .set(wm())
      .send({ description: 'Later', evaluationDate: daysFromNow(30) });
    await t
      .http()
      .post(`/api/trajectories/${id}/goals`)
      .set(wm())
      .send({ description: 'Klaar', evaluationDate: daysFromNow(2), status: 'behaald' });

    const reminders = t.app.get(EvaluationRemindersService);
    // The window is the given Dutch date's (the app's today), not the database server's current_date.
    expect(await reminders.sendReminders(daysFromNow(-10))).toBe(0);
    expect(await reminders.sendReminders()).toBe(1);
    expect(await reminders.sendReminders()).toBe(0);
    const processor = new OutboxProcessor(
      t.app.get(DataSource),
      [t.app.get(MailOutboxHandler)],
      {},
    );
    await processor.drain();
    const mails = smtp.to('wm.a@test.nl');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toMatch(/^Kandidaat K-\d{6}: evaluatie plan van aanpak op /);
    expect(mail?.text).toContain('2 leerdoelen');
    expect(mail?.text).toContain(`https://werkbrug.example/werkmakelaar/trajecten/${id}`);
    // A goal's text may name health: it never goes into a mail.
    expect(`${mail?.text}${mail?.html}`).not.toMatch(/rugklachten|Sanne|de Vries/i);

    // A moved evaluation date is reminded again.
    const moved = await t
      .http()
      .patch(`/api/learning-goals/${goal.body.id}`)
      .set(wm())
      .send({ evaluationDate: daysFromNow(5), version: goal.body.version });
    expect(moved.status).toBe(200);
    expect(await reminders.sendReminders()).toBe(1);
    // A stale version is a conflict, not an overwrite.
    await t
      .http()
      .patch(`/api/learning-goals/${goal.body.id}`)
      .set(wm())
      .send({ status: 'behaald', version: goal.body.version })
      .expect(409);
  });

  it('keeps participatieladder measurements as history, with the path and an overdue flag', async () => {
    const measure = (rung: number, daysAgo: number) =>
      t
        .http()
        .post(`/api/candidates/${w.candidateA.id}/ladder`)
        .set(wm())
        .send({
          rung,
          measuredOn: daysFromNow(-daysAgo),
          note: `meting ${rung}`,
          trajectoryId: id,
        });
    // Only a measurement that changes the profile's rung asks for a new search document.
    const searchMessages = async (): Promise<number> => {
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'search.candidate' AND aggregate_id = $1`,
        [w.candidateA.id],
      );
      return row.n;
    };
    const before = await searchMessages();
    expect((await measure(2, 400)).status).toBe(201);
    expect((await measure(4, 250)).status).toBe(201);
    const res = await measure(3, 200);
    expect(res.status).toBe(201);
    expect(res.body.measurements.map((m: { rung: number }) => m.rung)).toEqual([2, 4, 3]);
    expect(res.body.path).toEqual([
      { from: 2, to: 4, on: daysFromNow(-250), direction: 'omhoog' },
      { from: 4, to: 3, on: daysFromNow(-200), direction: 'omlaag' },
    ]);
    expect(res.body).toMatchObject({ currentRung: 3, overdue: true });
    const overdue = await t.http().get('/api/ladder/overdue').set(wm()).expect(200);
    expect(overdue.body.items.map((i: { candidateId: string }) => i.candidateId)).toContain(
      w.candidateA.id,
    );
    // The newest measurement becomes the profile's rung (the one matching works with).
    const [cand] = await t.db.query(
      `SELECT ladder_rung, ladder_measured_on::text AS on FROM candidates WHERE id = $1`,
      [w.candidateA.id],
    );
    // (The profile was measured on 2026-10-01, later than these: it keeps its rung.)
    expect(cand).toEqual({ ladder_rung: 4, on: '2026-10-01' });
    expect(await searchMessages()).toBe(before);
    const fresh = await measure(5, 1);
    expect(await searchMessages()).toBe(before + 1);
    expect(fresh.body).toMatchObject({ currentRung: 5, overdue: false });
    const [now] = await t.db.query(
      `SELECT ladder_rung, ladder_measured_on::text AS on FROM candidates WHERE id = $1`,
      [w.candidateA.id],
    );
    expect(now).toEqual({ ladder_rung: 5, on: daysFromNow(-1) });
    const after = await t.http().get('/api/ladder/overdue').set(wm()).expect(200);
    expect(after.body.items).toEqual([]);
  });

  it.each([
    ['rung 0', { rung: 0, measuredOn: '2026-01-01' }],
    ['rung 7', { rung: 7, measuredOn: '2026-01-01' }],
    ['a rung that is not a whole number', { rung: 3.5, measuredOn: '2026-01-01' }],
    ['a date in the future', { rung: 3, measuredOn: daysFromNow(10) }],
  ])('refuses a ladder measurement with %s (422) and stores nothing', async (_name, body) => {
    const before = await trajectoryTables(t.db);
    const res = await t
      .http()
      .post(`/api/candidates/${w.candidateA.id}/ladder`)
      .set(wm())
      .send(body);
    expect([res.status, res.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(await trajectoryTables(t.db)).toBe(before);
  });

  it('refuses an end before the start, then ends the trajectory; an ended one takes no more hours', async () => {
    const before = await trajectoryTables(t.db);
    const early = await t
      .http()
      .post(`/api/trajectories/${id}/end`)
      .set(wm())
      .send({ outcome: 'werk_proefplaatsing', endDate: '2001-01-01' });
    expect([early.status, early.body.code]).toEqual([422, 'VALIDATION_FAILED']);
    expect(await trajectoryTables(t.db)).toBe(before);

    const ended = await t
      .http()
      .post(`/api/trajectories/${id}/end`)
      .set(wm())
      .send({ outcome: 'voortijdig_zelf_beeindigd', endDate: daysFromNow(-1) });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      status: 'voortijdig_beeindigd',
      outcome: 'voortijdig_zelf_beeindigd',
    });
    const [cand] = await t.db.query(
      `SELECT trajectory_ended_on::text AS ended FROM candidates WHERE id = $1`,
      [w.candidateA.id],
    );
    expect(cand.ended).toBe(daysFromNow(-1));
    const more = await t
      .http()
      .post(`/api/trajectories/${id}/hours`)
      .set(wm())
      .send({ weekStart: monday(1), hours: 4, overrideReason: 'na afloop' });
    expect([more.status, more.body.code]).toEqual([409, 'TRAJECTORY_ENDED']);
    // After it ended, a new trajectory on the same route may start.
    await t
      .http()
      .post('/api/trajectories')
      .set(wm())
      .send({ candidateId: w.candidateA.id, route: 'werk', startDate: daysFromNow(0) })
      .expect(201);
    const list = await t.http().get(`/api/trajectories?candidateId=${w.candidateA.id}`).set(wm());
    expect(list.body.items).toHaveLength(2);
  });

  it('exports the candidate’s trajectories and ladder measurements (AVG art. 15)', async () => {
    const res = await t
      .http()
      .get(`/api/candidates/${w.candidateA.id}/export`)
      .set(wm())
      .set('X-Purpose', 'inzageverzoek')
      .expect(200);
    expect(res.body.trajectories).toHaveLength(2);
    expect(res.body.trajectories[0]).toHaveProperty('startDate');
    expect(res.body.ladderMeasurements.map((m: { rung: number }) => m.rung).sort()).toEqual([
      2, 3, 4, 5,
    ]);
  });

  it('erasure blanks the free text of trajectories and keeps the figures', async () => {
    await t
      .http()
      .delete(`/api/candidates/${w.candidateA.id}`)
      .set(wm())
      .set('X-Purpose', 'verzoek van de kandidaat')
      .send({ confirm: true });
    const [goal] = await t.db.query(
      `SELECT count(*) FILTER (WHERE description <> '(gewist)')::int AS left FROM learning_goals`,
    );
    const [tr] = await t.db.query(
      `SELECT count(*) FILTER (WHERE reason <> '(gewist)')::int AS left FROM trajectory_transitions`,
    );
    const [notes] = await t.db.query(
      `SELECT count(*) FILTER (WHERE note <> '')::int AS left, count(*)::int AS n FROM ladder_measurements`,
    );
    expect([goal.left, tr.left, notes.left, notes.n]).toEqual([0, 0, 0, 4]);
  });
});
