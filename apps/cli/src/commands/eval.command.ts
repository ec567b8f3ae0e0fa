import { randomBytes } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { MatchingService, SearchIndexer } from '@werkbrug/matching';
import { MeiliClient } from '@werkbrug/search';
import { EvalModule } from '../../../../libs/matching/eval/eval.module';
import { formatEvaluation, runEvaluation } from '../../../../libs/matching/eval/evaluate';
import type { Query } from '../../../../libs/matching/eval/independent-check';
import {
  auditPopulation,
  formatPopulationAudit,
} from '../../../../libs/matching/eval/population-audit';
import { createEvalOwners, sqlRecordWriter } from '../../../../libs/matching/eval/sql-records';
import { intFlag } from '../args';
import { DEFAULT_DEMO_SEED, seedDemo } from '../demo';
import { openDataSource, prepareDatabase } from '../prepare-database';
import { log, withDatabase } from '../with-database';
import { queryRows } from '@werkbrug/database';

/** The scratch database and index prefix: the evaluation never reads or writes the user's data. */
const EVAL_DATABASE = 'werkbrug_eval';
const EVAL_PREFIX = 'eval_';
/** The most matches the API hands out per request (CandidateMatchQuery). */
const MAX_LIMIT = 50;

type Flags = Map<string, string | true>;

function populationFlag(flags: Flags): { candidates: number; vacancies: number } {
  const raw = flags.get('population') ?? '5000x20000';
  const match = typeof raw === 'string' ? /^(\d+)x(\d+)$/.exec(raw) : null;
  if (!match) throw new Error('--population takes CANDIDATESxVACANCIES, for example 5000x20000');
  return { candidates: Number(match[1]), vacancies: Number(match[2]) };
}

function sampleFlag(flags: Flags): number | 'all' {
  return flags.get('sample') === 'all' ? 'all' : intFlag(flags, 'sample', 1000);
}

const databaseUrl = (url: string, database: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
};

const werkmakelaarOf = (organisationId: string): Actor => ({
  userId: '00000000-0000-0000-0000-000000000000',
  role: 'werkmakelaar',
  organisationId,
  employerId: null,
  candidateId: null,
});

async function dropEvalIndexes(app: INestApplicationContext, prefix: string) {
  const meili = app.get(MeiliClient);
  const { results } = await meili.client.getIndexes({ limit: 1000 });
  for (const index of results.filter((i) => i.uid.startsWith(prefix))) {
    await meili.client.deleteIndex(index.uid).waitTask({ timeout: 60_000 });
  }
}

/**
 * `werkbrug eval [--population CxV] [--sample N|all] [--limit N] [--seed N] [--keep]`
 *
 * Part 1 loads the labelled evaluation set and scores the matching against its labels. Part 2 seeds
 * a generated population, runs the matching for a sample of candidates and audits every match and
 * near miss with the independent check. Both run in a scratch database (`werkbrug_eval`) and under
 * the index prefix `eval_`, dropped afterwards unless --keep. Exits with 1 on any violation.
 */
export async function evalCommand(flags: Flags): Promise<void> {
  const population = populationFlag(flags);
  const sample = sampleFlag(flags);
  const limit = Math.min(MAX_LIMIT, Math.max(1, intFlag(flags, 'limit', MAX_LIMIT)));
  const seed = intFlag(flags, 'seed', DEFAULT_DEMO_SEED);
  const keep = flags.has('keep');
  let violations = 0;

  await withDatabase(
    async (db, env) => {
      if (!env.MEILI_URL)
        throw new Error('eval needs Meilisearch (MEILI_URL, or the embedded one)');
      // withDatabase has pointed DATABASE_URL at the server it opened (external, running or embedded).
      const evalUrl = databaseUrl(process.env.DATABASE_URL as string, EVAL_DATABASE);
      const prefix = `${process.env.MEILI_INDEX_PREFIX ?? ''}${EVAL_PREFIX}`;
      log(
        `eval: scratch database ${EVAL_DATABASE}, index prefix ${prefix} (your data is not touched)`,
      );
      await queryRows(db, `DROP DATABASE IF EXISTS ${EVAL_DATABASE} WITH (FORCE)`);
      await queryRows(db, `CREATE DATABASE ${EVAL_DATABASE}`);
      const saved = {
        DATABASE_URL: process.env.DATABASE_URL,
        MEILI_INDEX_PREFIX: process.env.MEILI_INDEX_PREFIX,
      };
      let evalDb: DataSource | null = null;
      let app: INestApplicationContext | null = null;
      try {
        evalDb = await openDataSource(evalUrl);
        await prepareDatabase(evalDb, (line) => {
          if (!line.startsWith('no administrator')) log(`eval database: ${line}`);
        });
        process.env.DATABASE_URL = evalUrl;
        process.env.MEILI_INDEX_PREFIX = prefix;
        process.env.LOG_LEVEL ??= 'warn';
        app = await NestFactory.createApplicationContext(EvalModule, { logger: ['error', 'warn'] });
        await dropEvalIndexes(app, prefix);
        violations += await labelledSet(app, evalDb);
        if (population.candidates + population.vacancies > 0) {
          violations += await generatedPopulation(app, evalDb, {
            ...population,
            sample,
            limit,
            seed,
          });
        }
      } finally {
        if (app && !keep) await dropEvalIndexes(app, prefix).catch(() => undefined);
        await app?.close();
        await evalDb?.destroy();
        process.env.DATABASE_URL = saved.DATABASE_URL;
        if (saved.MEILI_INDEX_PREFIX === undefined) delete process.env.MEILI_INDEX_PREFIX;
        else process.env.MEILI_INDEX_PREFIX = saved.MEILI_INDEX_PREFIX;
        if (keep) log(`eval: kept database ${EVAL_DATABASE} and the ${prefix}* indexes`);
        else await queryRows(db, `DROP DATABASE IF EXISTS ${EVAL_DATABASE} WITH (FORCE)`);
      }
    },
    { withSearch: true },
  );

  log(violations ? `eval: ${violations} hard-constraint violation(s)` : 'eval: no violations');
  if (violations > 0) process.exitCode = 1;
}

/** Part 1: the labelled set. Returns the number of violations. */
async function labelledSet(app: INestApplicationContext, db: DataSource): Promise<number> {
  log('part 1: labelled evaluation set');
  const query: Query = (sql, params) => queryRows<unknown>(db, sql, params);
  const indexer = app.get(SearchIndexer);
  const matching = app.get(MatchingService);
  const owners = await createEvalOwners(query);
  const writer = sqlRecordWriter(query, owners);
  const actor = werkmakelaarOf(owners.organisationId);
  const report = await runEvaluation({
    ...writer,
    query,
    log: (line) => log(`eval: ${line}`),
    index: async () => {
      await indexer.ensureSettings();
      await indexer.reindex();
    },
    matches: (id) => matching.forCandidate(actor, id, { limit: MAX_LIMIT }),
  });
  for (const line of formatEvaluation(report)) log(`eval: ${line}`);
  return report.violations.length;
}

/** Part 2: a generated population, audited with the independent check. Returns the violations. */
async function generatedPopulation(
  app: INestApplicationContext,
  db: DataSource,
  options: {
    candidates: number;
    vacancies: number;
    sample: number | 'all';
    limit: number;
    seed: number;
  },
): Promise<number> {
  log(
    `part 2: generated population of ${options.candidates} candidates × ${options.vacancies} vacancies`,
  );
  const query: Query = (sql, params) => queryRows<unknown>(db, sql, params);
  const seeded = Date.now();
  const [evalOrg] = (await query(
    `SELECT id FROM organisations WHERE name = 'Evaluatie Werkbedrijf'`,
  )) as {
    id: string;
  }[];
  const result = await seedDemo(db, {
    candidates: options.candidates,
    vacancies: options.vacancies,
    seed: options.seed,
    password: randomBytes(18).toString('base64url'),
    log: (line) => log(`seed: ${line}`),
  });
  log(
    `seed: ${result.vacancies} vacancies, ${result.candidates} candidates, ${result.employers} employers ` +
      `in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const indexer = app.get(SearchIndexer);
  const indexed = Date.now();
  const reported = new Map<string, number>();
  const counts = await indexer.reindex((index, done, total) => {
    // A line per 5,000 documents or so, and one at the end.
    const last = reported.get(index) ?? -1;
    if (done === total || done === 0 || done - last >= 5000) {
      reported.set(index, done);
      log(`reindex: ${index} ${done}/${total}`);
    }
  });
  log(
    `reindex: ${counts.vacancies} vacancies and ${counts.candidates} candidates in ` +
      `${((Date.now() - indexed) / 1000).toFixed(1)} s`,
  );
  const matching = app.get(MatchingService);
  const report = await auditPopulation({
    query,
    sample: options.sample,
    limit: options.limit,
    excludeOrganisations: evalOrg ? [evalOrg.id] : [],
    log: (line) => log(`audit: ${line}`),
    matches: ({ id, organisationId }) =>
      matching.forCandidate(werkmakelaarOf(organisationId), id, { limit: options.limit }),
  });
  for (const line of formatPopulationAudit(report, options.limit)) log(`audit: ${line}`);
  return report.violations;
}
