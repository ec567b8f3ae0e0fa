import { freePort } from '@werkbrug/embedded';
import { seedDemo } from '../demo';
import { insertDemoProposals } from '../demo/demo-proposals';
import { BenchContext, DEMO_PASSWORD, freshDatabase, urlFor } from './bench-context';
import { startApp, stopChild, waitHttp } from './bench-processes';
import { runLoad } from './load';
import { fmt } from './stats';
import { queryRows } from '@werkbrug/database';

const WORKPLACES = 50;
const PROPOSALS = 200;
const CONNECTIONS = 10;

/** Signs in through the login form like a browser: GET for the CSRF token, POST, keep the cookie. */
async function webSession(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/inloggen`);
  const anonymous = /wb_sessie=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!anonymous || !csrf) throw new Error('no login form');
  const res = await fetch(`${base}/inloggen`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `wb_sessie=${anonymous}`,
    },
    body: new URLSearchParams({ email, password, _csrf: csrf }).toString(),
  });
  const session = /wb_sessie=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 303 || !session) throw new Error(`web sign-in ${email}: ${res.status}`);
  return `wb_sessie=${session}`;
}

/**
 * The employer's start page and proposals inbox, server-rendered, for an employer with
 * 50 workplaces and 200 proposals waiting, at 10 connections.
 */
export async function benchPages(ctx: BenchContext, seconds: number) {
  const { log } = ctx;
  const db = await freshDatabase(ctx, 'bench_pages');
  await seedDemo(db, {
    vacancies: 240,
    candidates: 600,
    seed: 7,
    password: DEMO_PASSWORD,
    log: () => undefined,
  });
  const [user] = await queryRows<{ id: string; email: string; employer_id: string }>(
    db,
    `SELECT id, email, employer_id FROM users WHERE role = 'werkgever' ORDER BY email LIMIT 1`,
  );
  // Grow the employer to 50 open workplaces (copies of one of its own) and 200 proposals.
  const columns: string[] = (
    await queryRows<{ column_name: string }>(
      db,
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'vacancies' AND column_name NOT IN ('id', 'created_at', 'updated_at', 'version')`,
    )
  ).map((r) => `"${r.column_name}"`);
  const [{ n }] = await queryRows<{ n: number }>(
    db,
    `SELECT count(*)::int AS n FROM vacancies WHERE employer_id = $1`,
    [user.employer_id],
  );
  for (let i = n; i < WORKPLACES; i++)
    await queryRows(
      db,
      `INSERT INTO vacancies (${columns.join(', ')})
       SELECT ${columns.map((c) => (c === '"status"' ? `'open'` : c)).join(', ')} FROM vacancies
        WHERE employer_id = $1 ORDER BY id LIMIT 1`,
      [user.employer_id],
    );
  await queryRows(db, `UPDATE vacancies SET status = 'open' WHERE employer_id = $1`, [
    user.employer_id,
  ]);
  await queryRows(
    db,
    `DELETE FROM proposals WHERE vacancy_id IN (SELECT id FROM vacancies WHERE employer_id = $1)`,
    [user.employer_id],
  );
  await db.transaction((em) =>
    insertDemoProposals(em, {
      employerId: user.employer_id,
      werkmakelaarEmail: 'werkmakelaar1@fermwerk.demo',
      count: PROPOSALS,
      pairs: 'any',
    }),
  );
  const [counts] = await queryRows<{ workplaces: number; proposals: number }>(
    db,
    `SELECT (SELECT count(*) FROM vacancies WHERE employer_id = $1)::int AS workplaces,
            (SELECT count(*) FROM proposals p JOIN vacancies v ON v.id = p.vacancy_id WHERE v.employer_id = $1)::int AS proposals`,
    [user.employer_id],
  );
  await queryRows(
    db,
    `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, '2026-11') ON CONFLICT DO NOTHING`,
    [user.id],
  );
  await queryRows(db, `DELETE FROM outbox_messages`);
  await db.destroy();
  log(`pages: employer with ${counts.workplaces} workplaces and ${counts.proposals} proposals`);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startApp('api', {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, 'bench_pages'),
    MEILI_INDEX_PREFIX: 'bpg_',
    PORT: String(port),
  });
  const rows: Record<string, string> = {};
  try {
    await waitHttp(`${base}/health`);
    const cookie = await webSession(base, user.email, DEMO_PASSWORD);
    for (const [name, path] of [
      ['GET /werkgever (start page)', '/werkgever'],
      ['GET /werkgever/voorstellen (inbox)', '/werkgever/voorstellen'],
    ] as const) {
      await runLoad(base, { cookie }, CONNECTIONS, 2, () => ({ method: 'GET', path })); // warm-up
      const r = await runLoad(base, { cookie }, CONNECTIONS, seconds, () => ({
        method: 'GET',
        path,
      }));
      const ok = r.statuses[200] ?? 0;
      rows[`${name} @${CONNECTIONS}`] =
        `${r.perSecond.toFixed(0)} req/s, ${fmt(r.latency)}, ${ok} × 200, errors ${r.errors + r.requests - ok} ` +
        `(${counts.workplaces} workplaces, ${counts.proposals} proposals; target p95 ≤ 50 ms)`;
    }
  } finally {
    await stopChild(api);
  }
  for (const [k, v] of Object.entries(rows)) log(`pages | ${k}: ${v}`);
  return rows;
}
