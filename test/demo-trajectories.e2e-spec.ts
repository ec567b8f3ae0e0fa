import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@werkbrug/database';
import { seedWerksoorten } from '@werkbrug/werksoorten';
import { seedDemo } from '../apps/cli/src/demo';
import { createTestDatabase, dropTestDatabase } from './support/test-app';

/** The demo seed fills trajectories, hours, ladder histories and switches that obey the rules the API enforces. */
describe('demo seed: trajectories', () => {
  let url: string;
  let db: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase();
    db = await new DataSource({ ...dataSourceOptions(url), migrations: [] }).initialize();
    await seedWerksoorten(db);
    await seedDemo(db, { vacancies: 20, candidates: 300, password: 'demo-wachtwoord-2026' });
  }, 120_000);
  afterAll(async () => {
    await db.destroy();
    await dropTestDatabase(url);
  });

  it('creates trajectories, hours, ladder histories, goals and switches', async () => {
    const [n] = await db.query(
      `SELECT (SELECT count(*) FROM trajectories)::int AS trajectories,
              (SELECT count(*) FROM trajectories WHERE status = 'lopend')::int AS running,
              (SELECT count(DISTINCT outcome) FROM trajectories)::int AS outcomes,
              (SELECT count(*) FROM trajectory_hours)::int AS hours,
              (SELECT count(*) FROM learning_goals)::int AS goals,
              (SELECT count(*) FROM trajectory_transitions)::int AS transitions,
              (SELECT count(DISTINCT candidate_id) FROM ladder_measurements)::int AS measured,
              (SELECT count(*) FROM trajectory_rules)::int AS rules`,
    );
    expect(n.trajectories).toBeGreaterThan(300);
    expect(n.running).toBeGreaterThan(30);
    expect(n.outcomes).toBe(7);
    expect(n.hours).toBeGreaterThan(1000);
    expect(n.goals).toBeGreaterThan(30);
    expect(n.transitions).toBeGreaterThan(5);
    expect(n.measured).toBeGreaterThan(200);
    expect(n.rules).toBe(6);
  });

  it('keeps to the rules: no track beyond its organisation’s maximum, no overlapping trajectories of one route', async () => {
    const beyond = await db.query(
      `SELECT t.id FROM trajectories t JOIN trajectory_rules r ON r.organisation_id = t.organisation_id
         JOIN trajectory_hours h ON h.trajectory_id = t.id
        GROUP BY t.id, r.max_hours HAVING sum(h.hours) > r.max_hours`,
    );
    expect(beyond).toEqual([]);
    const overlapping = await db.query(
      `SELECT a.id FROM trajectories a JOIN trajectories b ON a.candidate_id = b.candidate_id AND a.route = b.route
         AND a.id < b.id AND daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`,
    );
    expect(overlapping).toEqual([]);
    const sameForm = await db.query(
      `SELECT id FROM trajectory_transitions WHERE from_form = to_form`,
    );
    expect(sameForm).toEqual([]);
    const hoursOutside = await db.query(
      `SELECT h.id FROM trajectory_hours h JOIN trajectories t ON t.id = h.trajectory_id
        WHERE h.week_start > current_date OR h.week_start < date_trunc('week', t.start_date)::date`,
    );
    expect(hoursOutside).toEqual([]);
  });
});
