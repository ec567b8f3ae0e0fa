import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { today } from '@werkbrug/domain';
import { RetentionScheduler } from '@werkbrug/privacy';
import { MeiliClient } from '@werkbrug/search';
import {
  bearer,
  candidateBody,
  insertOrganisation,
  insertUser,
  tokenFor,
  vacancyBody,
} from './support/fixtures';
import { searchWorker } from './support/search-sync';
import { readStackEnv } from './support/stack-env';
import { startTestApp, TestApp } from './support/test-app';
import { addMonths } from '@werkbrug/domain';
import { dutchToday } from './support/dates';

const CLI = path.join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');

/** A date `years` (and `months`) before today, as YYYY-MM-DD. */
function ago(years: number, months = 0): string {
  return addMonths(dutchToday(), -(12 * years + months));
}

/** Retention: files whose trajectory ended more than RETENTION_YEARS (2) ago are anonymised. */
describe('privacy: retention', () => {
  let t: TestApp;
  let drain: () => Promise<number>;
  let dataDir: string;
  const ids = {} as Record<'threeYears' | 'oneYear' | 'eighteenMonths' | 'open', string>;
  let oldUserId: string;

  /** `npm run cli -- retention` against this test's database (no embedded stack of its own). */
  function cli(args: string[], extra: Record<string, string> = {}) {
    const stack = readStackEnv();
    const run = spawnSync(process.execPath, [CLI, 'retention', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DATABASE_URL: t.databaseUrl,
        MEILI_URL: stack.MEILI_URL,
        MEILI_MASTER_KEY: stack.MEILI_MASTER_KEY,
        MEILI_INDEX_PREFIX: t.indexPrefix,
        WERKBRUG_DATA_DIR: dataDir,
        ...extra,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, out: `${run.stdout}${run.stderr}` };
  }

  const live = async () =>
    (
      (await t.db.query(
        `SELECT c.id FROM candidates c JOIN candidate_protected p ON p.candidate_id = c.id
          WHERE c.erased_at IS NULL ORDER BY c.id`,
      )) as { id: string }[]
    ).map((r) => r.id);

  /**
   * The due file has data in other parts too: a consented proposal, a declined one with a note, a
   * direct placement with a contact note. Retention must reach all of it, not only the file.
   */
  async function seedProposalsAndPlacement(wm: string, candidate: string) {
    const employer = await t
      .http()
      .post('/api/employers')
      .set(bearer(wm))
      .send({ name: 'Retentie BV', kvkNumber: '55554444', locations: [{ postcode: '3441 AB' }] })
      .expect(201);
    const vacancy = async (title: string) =>
      (
        await t
          .http()
          .post('/api/vacancies')
          .set(bearer(wm))
          .send(vacancyBody({ employerId: employer.body.id, title }))
          .expect(201)
      ).body.id as string;
    const propose = async (vacancyId: string, motivation: string) =>
      (
        await t
          .http()
          .post('/api/proposals')
          .set(bearer(wm))
          .send({ candidateId: ids.threeYears, vacancyId, motivation })
          .expect(201)
      ).body.id as string;
    const consented = await propose(await vacancy('Plek een'), 'Jan heeft rugklachten maar wil.');
    await t
      .http()
      .post(`/api/proposals/${consented}/consent`)
      .set(bearer(candidate))
      .send({ share: ['firstName'] })
      .expect(200);
    const declined = await propose(await vacancy('Plek twee'), 'Jan zoekt rust na zijn scheiding.');
    await t
      .http()
      .post(`/api/proposals/${declined}/status`)
      .set(bearer(candidate))
      .send({ status: 'afgewezen', reason: 'overig', note: 'ik heb schulden' })
      .expect(200);
    const placement = await t
      .http()
      .post('/api/placements')
      .set(bearer(wm))
      .send({
        candidateId: ids.threeYears,
        vacancyId: await vacancy('Plek drie'),
        arrangement: 'proefplaatsing',
        startDate: ago(3, 2),
        hoursPerWeek: 16,
        candidateConsent: true,
      })
      .expect(201);
    await t
      .http()
      .post('/api/checkins')
      .set(bearer(wm))
      .send({
        candidateId: ids.threeYears,
        placementId: placement.body.id,
        contactOn: ago(3, 1),
        kind: 'gesprek',
        note: 'Jan vertelde over zijn schuldhulpverlening.',
      })
      .expect(201);
  }

  /** What other parts keep about the due candidate, as text. */
  const otherParts = async () =>
    JSON.stringify(
      await t.db.query(
        `SELECT (SELECT json_agg(p) FROM proposals p WHERE candidate_id = $1) AS p,
                (SELECT json_agg(e) FROM proposal_events e JOIN proposals p ON p.id = e.proposal_id WHERE p.candidate_id = $1) AS e,
                (SELECT json_agg(k) FROM checkins k WHERE candidate_id = $1) AS k,
                (SELECT count(*) FROM consents WHERE candidate_id = $1 AND withdrawn_at IS NULL) AS active_consents,
                (SELECT count(*) FROM placements WHERE candidate_id = $1) AS placements`,
        [ids.threeYears],
      ),
    );

  beforeAll(async () => {
    t = await startTestApp();
    dataDir = mkdtempSync(path.join(tmpdir(), 'werkbrug-retention-'));
    const org = await insertOrganisation(t.db, 'werkbedrijf', 'Ferm Werk');
    await insertUser(t.db, 'werkmakelaar', 'wm.retentie@test.nl', org);
    const wm = await tokenFor(t, 'wm.retentie@test.nl');
    const create = async (trajectoryEndedOn?: string) => {
      const body = candidateBody(trajectoryEndedOn ? { trajectoryEndedOn } : {});
      const res = await t.http().post('/api/candidates').set(bearer(wm)).send(body).expect(201);
      return res.body.id as string;
    };
    ids.threeYears = await create(ago(3));
    ids.oneYear = await create(ago(1));
    ids.eighteenMonths = await create(ago(1, 6));
    ids.open = await create();
    oldUserId = await insertUser(t.db, 'kandidaat', 'oud@test.nl', org, {
      candidateId: ids.threeYears,
    });
    await seedProposalsAndPlacement(wm, await tokenFor(t, 'oud@test.nl'));
    ({ drain } = await searchWorker(t));
    await drain();
  });
  afterAll(async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await t.close();
  });

  it('--dry-run lists the due file and changes nothing', async () => {
    const everyone = await live();
    const run = cli(['--dry-run']);
    expect([run.status, run.out]).toEqual([
      0,
      expect.stringContaining('1 candidate file(s) would be anonymised'),
    ]);
    // Counted from the app's Dutch today: between midnight and 01:00/02:00 in Amsterdam, the
    // database's current_date (UTC) is still yesterday.
    const [{ cutoff }] = await t.db.query(
      `SELECT to_char($1::date - interval '2 years', 'YYYY-MM-DD') AS cutoff`,
      [today()],
    );
    expect(run.out).toContain(`retention 2 year(s): trajectories ended before ${cutoff}`);
    expect(run.out).toContain(ids.threeYears);
    for (const kept of [ids.oneYear, ids.eighteenMonths, ids.open])
      expect(run.out).not.toContain(kept);
    expect(await live()).toEqual(everyone);
    const [runRow] = await t.db.query(`SELECT * FROM retention_runs`);
    expect(runRow).toEqual(
      expect.objectContaining({
        trigger: 'cli',
        dry_run: true,
        erased: 0,
        candidate_ids: [ids.threeYears],
      }),
    );
    expect(runRow.finished_at).not.toBeNull();
  });

  it('honours RETENTION_YEARS', () => {
    const run = cli(['--dry-run'], { RETENTION_YEARS: '1' });
    expect(run.status).toBe(0);
    expect(run.out).toContain('retention 1 year(s)');
    expect(run.out).toContain(ids.eighteenMonths);
    expect(run.out).toContain(ids.threeYears);
    expect(run.out).not.toContain(ids.open);
    const invalid = cli(['--dry-run'], { RETENTION_YEARS: 'twee' });
    expect([invalid.status, invalid.out]).toEqual([
      1,
      expect.stringContaining('RETENTION_YEARS must be a whole number from 1 to 30 (got "twee")'),
    ]);
  });

  it('refuses to run in a process where a part has not registered its erasure step', async () => {
    const { Module } = await import('@nestjs/common');
    const { NestFactory } = await import('@nestjs/core');
    const { AuditModule } = await import('@werkbrug/audit');
    const { ConfigModule } = await import('@werkbrug/config');
    const { DatabaseModule } = await import('@werkbrug/database');
    const { OutboxModule } = await import('@werkbrug/outbox');
    const { ErasureIncompleteError, PrivacyCoreModule, RetentionService } = await import(
      '@werkbrug/privacy'
    );
    // The module set the CLI used to build: without proposals and placements.
    @Module({
      imports: [ConfigModule, DatabaseModule, OutboxModule, AuditModule, PrivacyCoreModule],
    })
    class Forgetful {}
    const app = await NestFactory.createApplicationContext(Forgetful, { logger: false });
    try {
      const before = await otherParts();
      const runs = (await t.db.query(`SELECT count(*)::int AS n FROM retention_runs`))[0].n;
      await expect(app.get(RetentionService).run({ trigger: 'test' })).rejects.toThrow(
        ErasureIncompleteError,
      );
      await expect(app.get(RetentionService).run({ trigger: 'test' })).rejects.toThrow(
        /proposals, checkins/,
      );
      expect(await otherParts()).toBe(before);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM retention_runs`))[0].n).toBe(runs);
      expect(await live()).toContain(ids.threeYears);
    } finally {
      await app.close();
    }
  });

  it('anonymises the file that ended three years ago with the erasure routine, as the system', async () => {
    const seeded = await otherParts();
    expect(seeded).toMatch(/rugklachten/);
    expect(seeded).toMatch(/schulden/);
    expect(seeded).toMatch(/schuldhulpverlening/);
    expect(seeded).toContain('"active_consents":"1"');
    const run = cli([]);
    expect([run.status, run.out]).toEqual([
      0,
      expect.stringContaining('1 of 1 candidate file(s) anonymised, 0 failed'),
    ]);
    expect(await live()).toEqual([ids.oneYear, ids.eighteenMonths, ids.open].sort());
    const [c] = await t.db.query(
      `SELECT erased_at, interests, postcode FROM candidates WHERE id = $1`,
      [ids.threeYears],
    );
    expect(c).toEqual(expect.objectContaining({ interests: '', postcode: '3441AA' }));
    expect(c.erased_at).not.toBeNull();
    const [user] = await t.db.query(`SELECT active FROM users WHERE id = $1`, [oldUserId]);
    expect(user.active).toBe(false);
    // Proposals, consents and contact notes are reached too; the placement stays for statistics.
    const after = await otherParts();
    expect(after).not.toMatch(/Jan|rugklachten|scheiding|schulden/);
    expect(after).toContain('"active_consents":"0"');
    expect(after).toContain('"placements":"1"');
    const lines = await t.db.query(
      `SELECT actor_role, actor_user_id, details FROM audit_log WHERE candidate_id = $1 AND action = 'candidate.erase'`,
      [ids.threeYears],
    );
    expect(lines).toEqual([
      {
        actor_role: 'system',
        actor_user_id: null,
        details: { reason: 'retention', accountsDeactivated: 1 },
      },
    ]);
  });

  it('removes the search document once the outbox is drained', async () => {
    const meili = t.app.get(MeiliClient);
    const indexed = async () =>
      (
        await meili.client.index(meili.indexUid('candidates')).getDocuments({ limit: 100 })
      ).results.map((d) => d.id as string);
    expect(await indexed()).toContain(ids.threeYears);
    await drain();
    expect((await indexed()).sort()).toEqual([ids.oneYear, ids.eighteenMonths, ids.open].sort());
  });

  it('runs from the worker schedule once a day, one worker at a time', async () => {
    const scheduler = t.app.get(RetentionScheduler);
    // The CLI run above counts as today's run.
    expect(await scheduler.runIfDue()).toBeNull();
    await t.db.query(`UPDATE retention_runs SET created_at = created_at - interval '1 day'`);
    const [first, second] = await Promise.all([scheduler.runIfDue(), scheduler.runIfDue()]);
    const reports = [first, second].filter((r) => r !== null);
    expect(reports).toEqual([
      expect.objectContaining({ trigger: 'schedule', dryRun: false, candidateIds: [], erased: 0 }),
    ]);
    expect(await scheduler.runIfDue()).toBeNull();
    const runs = await t.db.query(
      `SELECT trigger, dry_run FROM retention_runs ORDER BY created_at`,
    );
    expect(runs.map((r: { trigger: string }) => r.trigger)).toEqual([
      'cli',
      'cli',
      'cli',
      'schedule',
    ]);
  });
});
