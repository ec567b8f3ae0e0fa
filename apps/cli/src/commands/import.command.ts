import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import type { DataSource } from 'typeorm';
import { AuditModule } from '@werkbrug/audit';
import type { Actor } from '@werkbrug/auth';
import { ConfigModule } from '@werkbrug/config';
import { DatabaseModule, queryRows } from '@werkbrug/database';
import { ProblemException } from '@werkbrug/http';
import {
  ExportService,
  IMPORT_KINDS,
  ImportCoreModule,
  type ImportKind,
  ImportService,
} from '@werkbrug/import';
import { OutboxModule } from '@werkbrug/outbox';
import { log, withDatabase } from '../with-database';

/** The import's services without HTTP or the worker: the same code the worker runs. */
@Module({ imports: [ConfigModule, DatabaseModule, OutboxModule, AuditModule, ImportCoreModule] })
class ImportCliModule {}

type Flags = Map<string, string | true>;

const text = (flags: Flags, name: string): string | undefined => {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

function kindOf(raw: string | undefined): ImportKind {
  if (!raw || !(IMPORT_KINDS as readonly string[]).includes(raw))
    throw new Error(`say what to import or export: ${IMPORT_KINDS.join(', ')}`);
  return raw as ImportKind;
}

/**
 * Who the command acts as: --as EMAIL (a werkmakelaar of the organisation, needed for protected
 * columns and for candidate exports), else the first active administrator.
 */
async function actorFor(db: DataSource, email: string | undefined): Promise<Actor> {
  const [user] = await queryRows<{
    id: string;
    role: Actor['role'];
    organisation_id: string;
  }>(
    db,
    email
      ? `SELECT id, role, organisation_id FROM users WHERE lower(email) = lower($1) AND active`
      : `SELECT id, role, organisation_id FROM users WHERE role = 'admin' AND active ORDER BY created_at LIMIT 1`,
    email ? [email] : [],
  );
  if (!user)
    throw new Error(
      email ? `no active user ${email}` : 'no active administrator: start the product once first',
    );
  return {
    userId: user.id,
    role: user.role,
    organisationId: user.organisation_id,
    employerId: null,
    candidateId: null,
  };
}

async function withImportContext<T>(
  fn: (
    app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>,
    db: DataSource,
  ) => Promise<T>,
): Promise<T> {
  return withDatabase(
    async (db) => {
      process.env.LOG_LEVEL ??= 'warn';
      const app = await NestFactory.createApplicationContext(ImportCliModule, {
        logger: ['error', 'warn'],
        abortOnError: false,
      });
      try {
        return await fn(app, db);
      } catch (error) {
        if (error instanceof ProblemException)
          throw new Error(error.problem.detail ?? error.problem.title);
        throw error;
      } finally {
        await app.close();
      }
    },
    { withSearch: true },
  );
}

/**
 * `import KIND FILE --organisation ID [--dry-run] [--mapping FILE.json] [--purpose TEXT] [--as EMAIL]`:
 * the dry run, then (without --dry-run) the real run, in this process with a progress bar; the
 * report goes next to the file.
 */
export async function importCommand(flags: Flags, positional: string[]): Promise<void> {
  const kind = kindOf(positional[0]);
  const file = positional[1];
  const organisationId = text(flags, 'organisation');
  if (!file || !organisationId)
    throw new Error('usage: import KIND FILE --organisation ID [--dry-run] [--mapping FILE.json]');
  const mappingFile = text(flags, 'mapping');
  const mapping = mappingFile
    ? (JSON.parse(readFileSync(mappingFile, 'utf8')) as Record<string, string>)
    : undefined;
  const bytes = readFileSync(file);
  await withImportContext(async (app, db) => {
    const actor = await actorFor(db, text(flags, 'as'));
    const bar = new SingleBar(
      {
        format: ' {phase} [{bar}] {value}/{total} rijen {percentage}% | {eta_formatted}',
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2000,
      },
      Presets.shades_classic,
    );
    let started = false;
    let phase = 'proefimport';
    const startedAt = Date.now();
    const imports = app.get(ImportService);
    const job = await imports.importNow(
      actor,
      {
        kind,
        organisationId,
        fileName: path.basename(file),
        bytes,
        dryRun: flags.has('dry-run'),
        mapping,
        purpose: text(flags, 'purpose'),
      },
      ({ rowsDone, rowsTotal }) => {
        if (!started) {
          bar.start(rowsTotal, rowsDone, { phase });
          started = true;
        }
        // The dry run reports 0 then all rows; the real run follows batch by batch.
        if (rowsDone === 0 && phase === 'proefimport' && bar.getProgress() >= 1) phase = 'import';
        bar.setTotal(rowsTotal);
        bar.update(rowsDone, { phase });
      },
    );
    if (started) bar.stop();
    const seconds = (Date.now() - startedAt) / 1000;
    const report = `${file}.verslag.csv`;
    writeFileSync(report, (await imports.reportFile(actor, job.id, 'csv')).bytes);
    const t = job.totals;
    log(
      `${job.dryRun ? 'dry run' : 'import'} ${job.status}: ${t.new} new, ${t.changed} changed, ${t.unchanged} unchanged, ` +
        `${t.refused} refused, ${t.duplicates} likely duplicates (${job.progress.rowsTotal} rows in ${seconds.toFixed(1)} s)`,
    );
    if (job.failure) log(`refused: ${job.failure}`);
    log(`report: ${report}`);
    if (job.status === 'failed') process.exitCode = 3;
  });
}

/** `export KIND --organisation ID --out FILE.csv|FILE.xlsx [--purpose TEXT] [--as EMAIL]`. */
export async function exportCommand(flags: Flags, positional: string[]): Promise<void> {
  const kind = kindOf(positional[0]);
  const organisationId = text(flags, 'organisation');
  const out = text(flags, 'out');
  const format = out?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  if (!organisationId || !out || !/\.(csv|xlsx)$/i.test(out))
    throw new Error('usage: export KIND --organisation ID --out FILE.csv|FILE.xlsx');
  await withImportContext(async (app, db) => {
    const actor = await actorFor(db, text(flags, 'as'));
    const file = await app.get(ExportService).exportFile(actor, {
      kind,
      organisationId,
      format,
      purpose: text(flags, 'purpose'),
    });
    writeFileSync(out, file.bytes);
    log(`exported ${kind} of ${organisationId} to ${out} (${file.bytes.length} bytes)`);
  });
}
