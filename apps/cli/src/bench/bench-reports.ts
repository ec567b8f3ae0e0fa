import { hashPassword } from '@werkbrug/auth';
import { freePort } from '@werkbrug/embedded';
import { seedDemo } from '../demo';
import { BenchContext, DEMO_PASSWORD, freshDatabase, urlFor } from './bench-context';
import { login, startApp, stopChild, waitHttp } from './bench-processes';
import { fmt, percentiles, timedPool } from './stats';
import { queryRows } from '@werkbrug/database';

const ADMIN_EMAIL = 'beheer@bench.werkbrug';

/**
 * The Ferm Werk table and the funnel over `trajectories` trajectories with 10 hour rows each
 * (100,000 and 1,000,000 by default), generated in SQL with generate_series, not through the API.
 * Each report is asked `samples` times, one at a time, through the running API.
 */
export async function benchReports(ctx: BenchContext, trajectories: number, samples: number) {
  const { log } = ctx;
  const db = await freshDatabase(ctx, 'bench_reports');
  // The demo region gives organisations, werkmakelaars and 2,000 candidates to hang trajectories on.
  await seedDemo(db, {
    vacancies: 50,
    candidates: 2000,
    seed: 12,
    password: DEMO_PASSWORD,
    log: () => undefined,
  });
  const [{ existing }] = await queryRows<{ existing: number }>(
    db,
    `SELECT count(*)::int AS existing FROM trajectories`,
  );
  const extra = Math.max(0, trajectories - existing);
  log(`reports: generating ${extra} trajectories (plus ${existing} from the demo seed)`);
  let start = Date.now();
  await queryRows(
    db,
    `WITH c AS (SELECT row_number() OVER (ORDER BY id) - 1 AS n, id, organisation_id,
                       coalesce(werkmakelaar_id, (SELECT u.id FROM users u WHERE u.organisation_id = candidates.organisation_id
                                                   AND u.role = 'werkmakelaar' LIMIT 1)) AS wm
                  FROM candidates),
          k AS (SELECT count(*) AS total FROM c),
          g AS (SELECT i, ('2014-01-06'::date + (i % 4200)) AS start,
                       (ARRAY['werk_proefplaatsing','studie','voortijdig_niet_haalbaar','voortijdig_zelf_beeindigd',
                              'voortijdig_overig','participatie_vrijwilligerswerk','niet_geleid_uitstroom'])[1 + i % 7] AS outcome,
                       i % 4 = 0 AS running
                  FROM generate_series(0, $1::int - 1) AS i)
     INSERT INTO trajectories (candidate_id, organisation_id, werkmakelaar_id, route, gemeente, werksoort, form,
                               start_date, status, end_date, outcome)
     SELECT c.id, c.organisation_id, c.wm,
            (ARRAY['werk','participatie','jongeren','banenafspraak','inburgering'])[1 + g.i % 5],
            (ARRAY['Woerden','Bodegraven-Reeuwijk','Oudewater','Montfoort'])[1 + g.i % 4],
            (ARRAY['productie','groen','schoonmaak','logistiek'])[1 + g.i % 4],
            (ARRAY['beschut_werk','werkervaringsplaats','leerwerkbaan','detachering'])[1 + g.i % 4],
            g.start,
            CASE WHEN g.running OR g.start + 30 + g.i % 400 > current_date THEN 'lopend'
                 WHEN g.outcome LIKE 'voortijdig_%' THEN 'voortijdig_beeindigd' ELSE 'afgerond' END,
            CASE WHEN g.running OR g.start + 30 + g.i % 400 > current_date THEN NULL ELSE g.start + 30 + g.i % 400 END,
            CASE WHEN g.running OR g.start + 30 + g.i % 400 > current_date THEN NULL ELSE g.outcome END
       FROM g JOIN c ON c.n = g.i % (SELECT total FROM k)`,
    [extra],
  );
  log(`reports: trajectories in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  start = Date.now();
  await queryRows(db, `DELETE FROM trajectory_hours`);
  await queryRows(
    db,
    `INSERT INTO trajectory_hours (trajectory_id, week_start, hours, logged_by)
     SELECT t.id, date_trunc('week', t.start_date)::date + 7 * w, 8 + (w * 3) % 13, t.werkmakelaar_id
       FROM trajectories t, generate_series(1, 10) AS w`,
  );
  await queryRows(db, `ANALYZE`);
  const [counts] = await queryRows<{ trajectories: number; hours: number }>(
    db,
    `SELECT (SELECT count(*) FROM trajectories)::int AS trajectories, (SELECT count(*) FROM trajectory_hours)::int AS hours`,
  );
  log(
    `reports: ${counts.trajectories} trajectories, ${counts.hours} hour rows (hours in ${((Date.now() - start) / 1000).toFixed(1)} s)`,
  );
  // An administrator sees every organisation: the widest table.
  const [beheer] = await queryRows<{ id: string }>(
    db,
    `INSERT INTO organisations (kind, name, region) VALUES ('beheer', 'Werkbrug beheer', 'Woerden') RETURNING id`,
  );
  await queryRows(
    db,
    `INSERT INTO users (email, password_hash, role, organisation_id, display_name) VALUES ($1, $2, 'admin', $3, 'Beheer')`,
    [ADMIN_EMAIL, await hashPassword(DEMO_PASSWORD), beheer.id],
  );
  await queryRows(db, `DELETE FROM outbox_messages`);
  await db.destroy();

  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = startApp('api', {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, 'bench_reports'),
    MEILI_INDEX_PREFIX: 'br_',
    PORT: String(port),
  });
  const rows: Record<string, string> = {
    data: `${counts.trajectories} trajectories, ${counts.hours} hour rows`,
  };
  try {
    await waitHttp(`${apiUrl}/health`);
    const tokens = {
      werkmakelaar: await login(apiUrl, 'werkmakelaar1@fermwerk.demo', DEMO_PASSWORD),
      admin: await login(apiUrl, ADMIN_EMAIL, DEMO_PASSWORD),
    };
    const cases: [string, keyof typeof tokens, string][] = [
      [
        'Ferm Werk table, all organisations (admin)',
        'admin',
        '/api/reports/ferm-werk?from=2014-01-01',
      ],
      [
        'Ferm Werk table, per route (admin)',
        'admin',
        '/api/reports/ferm-werk?from=2014-01-01&by=route',
      ],
      [
        'Ferm Werk table, own organisation',
        'werkmakelaar',
        '/api/reports/ferm-werk?from=2014-01-01',
      ],
      ['funnel, all organisations (admin)', 'admin', '/api/reports/funnel?from=2014-01-01'],
      ['funnel, own organisation', 'werkmakelaar', '/api/reports/funnel?from=2014-01-01'],
      [
        'Ferm Werk CSV, all organisations (admin)',
        'admin',
        '/api/reports/ferm-werk/csv?from=2014-01-01',
      ],
    ];
    for (const [name, who, path] of cases) {
      const call = async () => {
        const res = await fetch(`${apiUrl}${path}`, {
          headers: { authorization: `Bearer ${tokens[who]}` },
        });
        if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      };
      for (let i = 0; i < 5; i++) await call(); // warm-up
      const latencies = await timedPool(
        Array.from({ length: samples }, (_, i) => i),
        1,
        call,
      );
      rows[name] = `${fmt(percentiles(latencies))} (target p95 ≤ 500 ms)`;
      log(`reports: ${name}: ${rows[name]}`);
    }
  } finally {
    await stopChild(api);
  }
  return rows;
}
