import { cpus, loadavg } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { freePort } from '@werkbrug/embedded';
import { SearchIndexer } from '@werkbrug/matching';
import { seedDemo } from '../demo';
import { STORY } from '../demo/demo-story';
import { BenchContext, DEMO_PASSWORD, freshDatabase, urlFor } from './bench-context';
import { BenchMatchingModule } from './bench-matching.module';
import { login, startApp, stopChild, waitHttp, webLogin } from './bench-processes';
import { LoadRequest, runLoad } from './load';
import { cpuMs, fmt } from './stats';
import { queryRows } from '@werkbrug/database';

const CASELOAD = 200;
const CONNECTIONS = 10;

/**
 * Extra paths to measure with the bearer tokens: the web pages register theirs here
 * (name → role and path builder), so the portal bench grows with the pages.
 */
export interface PortalTarget {
  name: string;
  as: 'werkmakelaar' | 'kandidaat';
  path: (ids: { candidateId: string; workplaceId: string }) => string;
  /** Extra headers (a session cookie instead of the bearer token). */
  headers?: (session: { werkmakelaar: string; kandidaat: string }) => Record<string, string>;
}

export const PORTAL_TARGETS: PortalTarget[] = [
  {
    name: 'GET /api/candidates/:id/matches (suggestions)',
    as: 'kandidaat',
    path: ({ candidateId }) => `/api/candidates/${candidateId}/matches`,
  },
  { name: 'GET /api/caseload (200 candidates)', as: 'werkmakelaar', path: () => '/api/caseload' },
  {
    name: 'page /kandidaat (suggestions, session cookie)',
    as: 'kandidaat',
    path: () => '/kandidaat',
    headers: (session) => ({ cookie: session.kandidaat }),
  },
  {
    name: 'page /kandidaat/werkplekken/:id (one workplace and its fit)',
    as: 'kandidaat',
    path: ({ workplaceId }) => `/kandidaat/werkplekken/${workplaceId}`,
    headers: (session) => ({ cookie: session.kandidaat }),
  },
  {
    name: 'page /werkmakelaar (caseload of 200)',
    as: 'werkmakelaar',
    path: () => '/werkmakelaar',
    headers: (session) => ({ cookie: session.werkmakelaar }),
  },
  {
    name: 'GET /api/caseload?attention=any&sort=-completeness',
    as: 'werkmakelaar',
    path: () => '/api/caseload?attention=any&sort=-completeness',
  },
  {
    name: 'GET /api/placements/attention (counted from the Dutch today)',
    as: 'werkmakelaar',
    path: () => '/api/placements/attention',
  },
  {
    name: 'GET /api/search/vacancies near Woerden, 25 km (nearest first)',
    as: 'werkmakelaar',
    path: () => '/api/search/vacancies?near=52.086,4.88&radiusKm=25',
  },
];

/** The candidate's suggestions at 20k workplaces and a caseload of 200, 10 connections. */
export async function benchPortals(ctx: BenchContext, size: number, seconds: number) {
  const { log } = ctx;
  const out: Record<string, string> = {};
  const db = await freshDatabase(ctx, 'bench_portals');
  log(`portals: seeding ${size} vacancies and ${size / 4} candidates`);
  await seedDemo(db, {
    vacancies: size,
    candidates: Math.max(CASELOAD * 3, size / 4),
    seed: 13,
    password: DEMO_PASSWORD,
    log: () => undefined,
  });
  // werkmakelaar1 gets a caseload of exactly 200 of their organisation's candidates, with some signals.
  const [wm] = await queryRows<{ id: string; organisation_id: string }>(
    db,
    `SELECT id, organisation_id FROM users WHERE email = 'werkmakelaar1@fermwerk.demo'`,
  );
  await queryRows(db, `UPDATE candidates SET werkmakelaar_id = NULL WHERE werkmakelaar_id = $1`, [
    wm.id,
  ]);
  const [{ n: caseload }] = await queryRows<{ n: number }>(
    db,
    `WITH mine AS (SELECT id FROM candidates WHERE organisation_id = $2 AND erased_at IS NULL ORDER BY id LIMIT $3)
     , done AS (UPDATE candidates c SET werkmakelaar_id = $1 FROM mine WHERE c.id = mine.id RETURNING c.id)
     SELECT count(*)::int AS n FROM done`,
    [wm.id, wm.organisation_id, CASELOAD],
  );
  await queryRows(
    db,
    `INSERT INTO interest_signals (candidate_id, vacancy_id, organisation_id)
     SELECT c.id, (SELECT id FROM vacancies WHERE status = 'open' ORDER BY id OFFSET (abs(hashtext(c.id::text)) % 100) LIMIT 1), c.organisation_id
       FROM candidates c WHERE c.werkmakelaar_id = $1 ORDER BY c.id LIMIT 40`,
    [wm.id],
  );
  const [kandidaat] = await queryRows<{ candidate_id: string }>(
    db,
    `SELECT candidate_id FROM users WHERE email = 'kandidaat1@demo.werkbrug'`,
  );
  // The demo story's workplace: in reach of kandidaat1's organisation (README walkthrough).
  const [workplace] = await queryRows<{ id: string }>(
    db,
    `SELECT id FROM vacancies WHERE title = $1 ORDER BY id LIMIT 1`,
    [STORY.workplaceTitle],
  );
  await queryRows(db, `DELETE FROM outbox_messages`);
  await db.destroy();

  Object.assign(process.env, {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, 'bench_portals'),
    MEILI_INDEX_PREFIX: 'bpo_',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(BenchMatchingModule, {
    logger: ['error'],
  });
  const indexer = app.get(SearchIndexer);
  await indexer.ensureSettings();
  await indexer.reindex(() => undefined);
  await app.get(DataSource).destroy();
  await app.close();

  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = startApp('api', {
    DATABASE_URL: urlFor(ctx.stack, 'bench_portals'),
    MEILI_INDEX_PREFIX: 'bpo_',
    PORT: String(port),
  });
  try {
    await waitHttp(`${apiUrl}/health/ready`);
    const tokens = {
      werkmakelaar: await login(apiUrl, 'werkmakelaar1@fermwerk.demo', DEMO_PASSWORD),
      kandidaat: await login(apiUrl, 'kandidaat1@demo.werkbrug', DEMO_PASSWORD),
    };
    const sessions = {
      werkmakelaar: await webLogin(apiUrl, 'werkmakelaar1@fermwerk.demo', DEMO_PASSWORD),
      kandidaat: await webLogin(apiUrl, 'kandidaat1@demo.werkbrug', DEMO_PASSWORD),
    };
    const ids = { candidateId: kandidaat.candidate_id, workplaceId: workplace.id };
    for (const target of PORTAL_TARGETS) {
      const headers = target.headers?.(sessions) ?? {
        authorization: `Bearer ${tokens[target.as]}`,
      };
      const request = (): LoadRequest => ({ method: 'GET', path: target.path(ids) });
      await runLoad(apiUrl, headers, CONNECTIONS, 2, request); // warm-up
      // CPU per request of the API process: a figure that holds up when the machine is shared.
      const cpuBefore = cpuMs(api.pid as number);
      const r = await runLoad(apiUrl, headers, CONNECTIONS, seconds, request);
      const cpuPerRequest = (cpuMs(api.pid as number) - cpuBefore) / Math.max(1, r.requests);
      const bad = Object.entries(r.statuses).filter(([s]) => Number(s) >= 400);
      out[`${target.name} @${CONNECTIONS}`] =
        `${r.perSecond.toFixed(0)} req/s, ${fmt(r.latency)}, API CPU ${cpuPerRequest.toFixed(1)} ms/req, errors ${r.errors}` +
        (bad.length ? `, statuses ${JSON.stringify(r.statuses)}` : '');
      log(`portals | ${target.name}: ${out[`${target.name} @${CONNECTIONS}`]}`);
    }
    out['setup'] =
      `${size} workplaces, caseload ${caseload} candidates, ${CONNECTIONS} connections, ${seconds} s each, ` +
      `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`;
  } finally {
    await stopChild(api);
  }
  return out;
}
