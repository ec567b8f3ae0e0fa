import { rmSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { freePort } from '@werkbrug/embedded';
import { seedDemo } from '../demo';
import { BenchContext, DEMO_PASSWORD, freshDatabase, urlFor } from './bench-context';
import { login, startApp, stopChild, waitHttp } from './bench-processes';
import { runLoad } from './load';
import { fmt, rssMb } from './stats';
import { queryRows } from '@werkbrug/database';

const CANDIDATE_BODY = JSON.stringify({
  werksoortWishes: ['groen', 'productie'],
  interests: 'buiten werken met planten',
  hoursMin: 12,
  hoursMax: 24,
  days: ['ma', 'di', 'wo'],
  dayparts: ['ochtend'],
  homeArea: { postcode: '3441 AB', place: 'Woerden', lat: 52.086, lng: 4.88 },
  travelMode: 'fiets',
  ladderRung: 4,
  ladderMeasuredOn: '2026-10-01',
  route: 'participatie',
  abilities: { lifting: 2, standing: 2, pace: 2, stimuli: 1, outdoor: 3 },
  personal: { firstName: 'Bench', lastName: 'Kandidaat', benefitType: 'participatiewet' },
});

/** GET one vacancy and POST one candidate at 50 connections, cold start, API memory. */
export async function benchPlatform(ctx: BenchContext, size: number, seconds: number) {
  const { log } = ctx;
  log(`platform: seeding ${size} vacancies and ${size} candidates`);
  const db = await freshDatabase(ctx, 'bench_platform');
  const seedStart = Date.now();
  await seedDemo(db, {
    vacancies: size,
    candidates: size,
    seed: 7,
    password: DEMO_PASSWORD,
    log: () => undefined,
  });
  log(`platform: seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
  const ids: string[] = (
    await queryRows<{ id: string }>(db, `SELECT id FROM vacancies ORDER BY random() LIMIT 2000`)
  ).map((r) => r.id);
  await queryRows(db, `DELETE FROM outbox_messages`);
  await db.destroy();

  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, 'bench_platform'),
    MEILI_INDEX_PREFIX: 'bp_',
    PORT: String(port),
  };
  const api = startApp('api', env);
  await waitHttp(`${apiUrl}/health`);
  const token = await login(apiUrl, 'werkmakelaar1@fermwerk.demo', DEMO_PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  await runLoad(apiUrl, headers, 10, 2, (i) => ({
    method: 'GET',
    path: `/api/vacancies/${ids[i % ids.length]}`,
  })); // warm-up
  const get = await runLoad(apiUrl, headers, 50, seconds, (i) => ({
    method: 'GET',
    path: `/api/vacancies/${ids[i % ids.length]}`,
  }));
  const rssAfterGet = rssMb(api.pid as number);
  const post = await runLoad(apiUrl, headers, 50, seconds, () => ({
    method: 'POST',
    path: '/api/candidates',
    body: CANDIDATE_BODY,
  }));
  const rssAfterPost = rssMb(api.pid as number);
  await stopChild(api);

  const cold = await coldStart(ctx);
  const rows = {
    'GET /api/vacancies/:id @50': `${get.perSecond.toFixed(0)} req/s, ${fmt(get.latency)}, errors ${get.errors} (target p99 ≤ 50 ms, ≥ 2000 req/s)`,
    'POST /api/candidates @50': `${post.perSecond.toFixed(0)} req/s, ${fmt(post.latency)}, errors ${post.errors} (target p99 ≤ 100 ms)`,
    'cold npm start → /health/ready': `${cold.toFixed(1)} s with an existing data folder (target ≤ 10 s)`,
    'API RSS': `${rssAfterGet} MB after GET load, ${rssAfterPost} MB after POST load (target ≤ 250 MB)`,
  };
  for (const [k, v] of Object.entries(rows)) log(`platform | ${k}: ${v}`);
  return rows;
}

/** `start` on a data folder that already exists (second start), measured until /health/ready answers 200. */
async function coldStart(ctx: BenchContext): Promise<number> {
  const dir = path.join(ctx.dataDir, 'start-folder');
  rmSync(dir, { recursive: true, force: true });
  const cli = path.join(__dirname, '..', 'main.js');
  const run = async () => {
    const port = await freePort();
    const started = Date.now();
    const child = spawn(process.execPath, [cli, 'start'], {
      env: {
        ...process.env,
        WERKBRUG_DATA_DIR: dir,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        MEILI_URL: '',
        WERKBRUG_PG_PORT: String(await freePort()),
        WERKBRUG_MEILI_PORT: String(await freePort()),
      },
      stdio: 'ignore',
    });
    await waitHttp(`http://127.0.0.1:${port}/health/ready`, 120_000);
    const seconds = (Date.now() - started) / 1000;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
    return seconds;
  };
  const first = await run();
  ctx.log(`platform: first start (initialising the folder) took ${first.toFixed(1)} s`);
  return run();
}
