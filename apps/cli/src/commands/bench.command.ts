import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startStack } from '@werkbrug/embedded';
import { intFlag } from '../args';
import { benchImport } from '../bench/bench-import';
import { benchInstruments } from '../bench/bench-instruments';
import { benchMatching } from '../bench/bench-matching';
import { benchPages } from '../bench/bench-pages';
import { benchPlatform } from '../bench/bench-platform';
import { benchPortals } from '../bench/bench-portals';
import { benchReports } from '../bench/bench-reports';
import { log } from '../with-database';

/**
 * `npm run bench`: prints figures, asserts nothing. Runs on its own embedded stack in a scratch folder,
 * never on your data. --only platform|matching|instruments|pages|portals|reports, --platform-size N (20000),
 * --matching-size N (100000), --matching-lag-only (only write → searchable), --portals-size N (20000), --seconds N, --instrument-scenarios N (1000),
 * --report-trajectories N (100000, with 10 hour rows each), --report-samples N (100), --import-rows N (10000).
 */
export async function benchCommand(flags: Map<string, string | true>): Promise<void> {
  const dataDir = process.env.WERKBRUG_BENCH_DIR ?? path.join(tmpdir(), 'werkbrug-bench');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  delete process.env.DATABASE_URL;
  delete process.env.MEILI_URL;
  // One key for the seed here and the API it starts: the demo staff's second factor is sealed with
  // it (without it each would derive its own from a different database address).
  process.env.WERKBRUG_SECRET_KEY ||= randomBytes(32).toString('base64url');
  const stack = await startStack({
    dataDir,
    pgPort: await freePort(),
    meiliPort: await freePort(),
    log,
  });
  const ctx = { stack, dataDir, log };
  const only = flags.get('only');
  const seconds = intFlag(flags, 'seconds', 10);
  const report: Record<string, Record<string, string>> = {};
  try {
    const run = (part: string) => only === undefined || only === true || only === part;
    if (run('platform'))
      report.platform = await benchPlatform(ctx, intFlag(flags, 'platform-size', 20_000), seconds);
    if (run('matching'))
      report.matching = await benchMatching(
        ctx,
        intFlag(flags, 'matching-size', 100_000),
        seconds,
        flags.has('matching-lag-only'),
      );
    if (run('instruments'))
      report.instruments = await benchInstruments(
        ctx,
        intFlag(flags, 'instrument-scenarios', 1000),
      );
    if (run('pages')) report.pages = await benchPages(ctx, seconds);
    if (run('portals'))
      report.portals = await benchPortals(ctx, intFlag(flags, 'portals-size', 20_000), seconds);
    if (run('reports'))
      report.reports = await benchReports(
        ctx,
        intFlag(flags, 'report-trajectories', 100_000),
        intFlag(flags, 'report-samples', 100),
      );
    if (run('import'))
      report.import = await benchImport(ctx, intFlag(flags, 'import-rows', 10_000));
  } finally {
    await stack.stop();
  }
  console.log('\n=== Werkbrug benchmark (figures, not assertions) ===');
  for (const [part, rows] of Object.entries(report)) {
    for (const [k, v] of Object.entries(rows))
      console.log(`${part.padEnd(11)} ${k.padEnd(48)} ${v}`);
  }
  const file = path.join(process.cwd(), 'bench-results.json');
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), report }, null, 2));
  log(`figures written to ${file}`);
  process.exit(0);
}
