import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { freePort } from '@werkbrug/embedded';
import { queryRows } from '@werkbrug/database';
import { seedDemo } from '../demo';
import { BenchContext, DEMO_PASSWORD, freshDatabase, urlFor } from './bench-context';
import { login, startApp, stopChild, waitHttp } from './bench-processes';

const PC4 = ['3441', '3442', '3443', '3444', '3445', '3446', '3447', '3448'];
const WERKSOORTEN = ['Groen', 'Productie', 'Schoonmaak', 'Logistiek', 'Catering'];
const HEADERS = [
  'Extern ID',
  'Voornaam',
  'Achternaam',
  'Geboortedatum',
  'Postcode',
  'Woonplaats',
  'Werksoort',
  'Uren per week',
  'Dagen',
  'Dagdelen',
  'Vervoer',
  'Reisafstand km',
  'Participatieladder',
  'Route',
  'Jobcoach nodig',
  'Interesses',
];

/** A candidate file as a Dutch office writes it: Dutch headers, dates, decimals and "ja/nee". */
async function candidatesXlsx(count: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kandidaten');
  sheet.addRow(HEADERS);
  for (let i = 0; i < count; i++)
    sheet.addRow([
      `BENCH-${100_000 + i}`,
      `Voornaam${i}`,
      `Achternaam ${i}`,
      new Date(Date.UTC(1965 + (i % 40), i % 12, 1 + (i % 27))),
      `${PC4[i % PC4.length]} AB`,
      'Woerden',
      `${WERKSOORTEN[i % WERKSOORTEN.length]}, ${WERKSOORTEN[(i + 2) % WERKSOORTEN.length]}`,
      i % 3 === 0 ? 24 : '16-32',
      i % 2 ? 'ma, di, wo, do' : 'maandag, woensdag en vrijdag',
      'ochtend, middag',
      ['fiets', 'OV', 'auto', 'e-bike'][i % 4],
      `${5 + (i % 10)},5`,
      (i % 4) + 3,
      ['participatie', 'werk', 'jongeren'][i % 3],
      i % 2 ? 'ja' : 'nee',
      `buiten werken ${i % 50}`,
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Resident memory of a process in MB (Linux). */
const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

interface JobView {
  id: string;
  status: string;
  progress: { rowsDone: number; rowsTotal: number };
  totals: Record<string, number>;
  failure?: string | null;
}

/**
 * Import of `size` candidates (issue 22: 10,000 rows ≤ 60 s to written, ≤ 90 s to searchable, API
 * memory ≤ 300 MB): an XLSX uploaded to the running API, the dry run and the real run in the worker
 * process, then until the outbox has put every candidate in Meilisearch. Memory is sampled every
 * 100 ms from /proc for the API and the worker.
 */
export async function benchImport(ctx: BenchContext, size: number) {
  const { log } = ctx;
  const out: Record<string, string> = {};
  const database = 'bench_import';
  const db = await freshDatabase(ctx, database);
  await seedDemo(db, { vacancies: 50, candidates: 20, seed: 5, password: DEMO_PASSWORD });
  const [{ organisation_id: organisationId }] = await queryRows<{ organisation_id: string }>(
    db,
    `SELECT organisation_id FROM users WHERE email = 'werkmakelaar1@fermwerk.demo'`,
  );
  log(`import: writing an XLSX of ${size} candidates`);
  const file = await candidatesXlsx(size);
  out['file size'] = `${(file.length / 1024 / 1024).toFixed(1)} MB (${size} rows)`;

  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, database),
    MEILI_INDEX_PREFIX: 'bim_',
    PORT: String(port),
  };
  const api = startApp('api', env);
  const worker = startApp('worker', env);
  const peak = { api: 0, worker: 0 };
  const sampler = setInterval(() => {
    try {
      peak.api = Math.max(peak.api, rssMb(api.pid as number));
      peak.worker = Math.max(peak.worker, rssMb(worker.pid as number));
    } catch {
      // a process that just exited
    }
  }, 100);
  try {
    await waitHttp(`${apiUrl}/health/ready`);
    const token = await login(apiUrl, 'werkmakelaar1@fermwerk.demo', DEMO_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    const waitFor = async (id: string): Promise<JobView> => {
      for (;;) {
        const res = await fetch(`${apiUrl}/api/import/jobs/${id}`, { headers: auth });
        const job = (await res.json()) as JobView;
        if (job.status === 'done' || job.status === 'failed') return job;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const form = new FormData();
    form.set('organisationId', organisationId);
    form.set('dryRun', 'true');
    form.set('file', new Blob([new Uint8Array(file)]), 'kandidaten.xlsx');
    const started = Date.now();
    const upload = await fetch(`${apiUrl}/api/import/candidates`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    if (upload.status !== 202) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
    const dry = await waitFor(((await upload.json()) as JobView).id);
    const dryMs = Date.now() - started;
    if (dry.status !== 'done') throw new Error(`dry run: ${dry.status} ${dry.failure ?? ''}`);
    out['dry run (upload → report)'] =
      `${(dryMs / 1000).toFixed(1)} s, ${Math.round(size / (dryMs / 1000))} rows/s; new ${dry.totals.new}, refused ${dry.totals.refused}`;

    const runStarted = Date.now();
    const runRes = await fetch(`${apiUrl}/api/import/jobs/${dry.id}/run`, {
      method: 'POST',
      headers: auth,
    });
    if (runRes.status >= 300) throw new Error(`run: ${runRes.status} ${await runRes.text()}`);
    const run = await waitFor(((await runRes.json()) as JobView).id);
    const writtenMs = Date.now() - runStarted;
    if (run.status !== 'done') throw new Error(`real run: ${run.status} ${run.failure ?? ''}`);
    out['real run: written (target ≤ 60 s)'] =
      `${(writtenMs / 1000).toFixed(1)} s, ${Math.round(size / (writtenMs / 1000))} rows/s; new ${run.totals.new}`;

    // Searchable: the outbox has no candidate sync left to do, and Meilisearch holds them all.
    for (;;) {
      const [{ n }] = await queryRows<{ n: number }>(
        db,
        `SELECT count(*)::int AS n FROM outbox_messages WHERE status NOT IN ('done', 'dead') AND topic LIKE 'search.%'`,
      );
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const docs = await fetch(`${ctx.stack.env.MEILI_URL}/indexes/bim_candidates/stats`, {
      headers: { authorization: `Bearer ${ctx.stack.env.MEILI_MASTER_KEY}` },
    }).then(async (r) => ((await r.json()) as { numberOfDocuments?: number }).numberOfDocuments);
    const searchableMs = Date.now() - runStarted;
    out['real run: searchable (target ≤ 90 s)'] =
      `${(searchableMs / 1000).toFixed(1)} s (${docs ?? '?'} candidate documents)`;
    out['peak memory (target API ≤ 300 MB)'] =
      `API ${Math.round(peak.api)} MB, worker ${Math.round(peak.worker)} MB`;
  } finally {
    clearInterval(sampler);
    await stopChild(api);
    await stopChild(worker);
    await db.destroy().catch(() => undefined);
  }
  return out;
}
