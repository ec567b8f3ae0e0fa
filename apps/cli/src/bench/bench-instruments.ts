import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { ensureFirstAdmin } from '@werkbrug/auth';
import { ARRANGEMENTS, BENEFIT_TYPES } from '@werkbrug/domain';
import { freePort } from '@werkbrug/embedded';
import {
  calculateInstruments,
  type InstrumentFacts,
  SEED_INSTRUMENTS,
  seedVersionsForEngine,
} from '@werkbrug/instruments';
import { Random } from '../demo/random';
import { BenchContext, freshDatabase, urlFor } from './bench-context';
import { login, startApp, stopChild, waitHttp } from './bench-processes';
import { fmt, percentiles } from './stats';

const ADMIN = {
  email: 'bench-beheer@werkbrug.test',
  password: 'een lange zin als bench-wachtwoord',
};

/** 1,000 scenarios from a fixed seed: every instrument path gets exercised, the run is repeatable. */
export function scenarios(
  count: number,
  seed = 9,
): Required<Omit<InstrumentFacts, 'organisationId'>>[] {
  const random = new Random(seed);
  const gemeenten = ['Woerden', 'Utrecht', 'Gouda', 'Oudewater'];
  return Array.from({ length: count }, () => ({
    date: `${random.pick(['2025', '2026', '2026'])}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    hoursPerWeek: random.int(1, 40),
    loonwaardePct: random.int(0, 100),
    doelgroepregister: random.chance(0.5),
    benefitType: random.pick(BENEFIT_TYPES),
    age: random.int(18, 67),
    arrangement: random.pick(ARRANGEMENTS),
    contractMonths: random.int(1, 36),
    hourlyWage: random.chance(0.3) ? 14.71 + random.int(0, 500) / 100 : 14.71,
    gemeente: random.pick(gemeenten),
  }));
}

function post(url: URL, token: string, body: string, agent: http.Agent) {
  return new Promise<number>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * The instrument calculator: the pure engine in-process, and POST /api/instruments/calculate through
 * the API (one request at a time, keep-alive), both over the same 1,000 scenarios.
 */
export async function benchInstruments(ctx: BenchContext, count = 1000) {
  const { log } = ctx;
  const list = scenarios(count);
  // The engine alone, on the seeded rules (after a warm-up pass).
  const instruments = SEED_INSTRUMENTS;
  const versions = seedVersionsForEngine();
  for (const s of list) calculateInstruments(s, instruments, versions);
  const engine = list.map((s) => {
    const start = performance.now();
    calculateInstruments(s, instruments, versions);
    return performance.now() - start;
  });

  log(`instruments: ${count} scenarios through the API`);
  const db = await freshDatabase(ctx, 'bench_instruments');
  await ensureFirstAdmin(db, ADMIN.email, ADMIN.password);
  await db.destroy();
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}`;
  const api = startApp('api', {
    ...ctx.stack.env,
    DATABASE_URL: urlFor(ctx.stack, 'bench_instruments'),
    MEILI_INDEX_PREFIX: 'bi_',
    PORT: String(port),
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  try {
    await waitHttp(`${apiUrl}/health`);
    const token = await login(apiUrl, ADMIN.email, ADMIN.password);
    const url = new URL('/api/instruments/calculate', apiUrl);
    for (const s of list.slice(0, 100)) await post(url, token, JSON.stringify(s), agent); // warm-up
    for (const s of list) {
      const body = JSON.stringify(s);
      const start = performance.now();
      const status = await post(url, token, body, agent);
      latencies.push(performance.now() - start);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  } finally {
    agent.destroy();
    await stopChild(api);
  }
  const engineP = percentiles(engine);
  return {
    [`engine, ${count} scenarios`]: `p50 ${(engineP.p50 * 1000).toFixed(0)} µs, p95 ${(engineP.p95 * 1000).toFixed(0)} µs, p99 ${(engineP.p99 * 1000).toFixed(0)} µs`,
    [`POST /api/instruments/calculate, ${count} scenarios`]: `${fmt(percentiles(latencies))}; statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}`,
  };
}
