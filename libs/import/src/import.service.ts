import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { CandidatesService, CreateCandidateDto, UpdateCandidateDto } from '@werkbrug/candidates';
import { queryRows } from '@werkbrug/database';
import { CreateEmployerDto, EmployersService, UpdateEmployerDto } from '@werkbrug/employers';
import { ProblemException, Problems } from '@werkbrug/http';
import { CreateVacancyDto, UpdateVacancyDto, VacanciesService } from '@werkbrug/vacancies';
import { WerksoortenService } from '@werkbrug/werksoorten';
import {
  COLUMNS,
  type ColumnDef,
  matchHeaders,
  type ParseContext,
  templateColumns,
} from './columns';
import { writeRows } from './export-file';
import { assertMayImportInto, assertMaySeeJob, mayHandleProtected } from './import-access';
import {
  CONTENT_TYPES,
  type DownloadFile,
  type FileFormat,
  type ImportJobStatus,
  type ImportJobView,
  type ImportKind,
  type ImportProblem,
  type ImportSubmission,
  type ImportTotals,
  type ProgressListener,
  type TemplateColumn,
} from './import.types';
import {
  candidateCreateBody,
  candidateFlat,
  candidateUpdateBody,
  changedKeys,
  employerChangedKeys,
  employerCreateBody,
  employerFlats,
  employerRecord,
  employerUpdateBody,
  type Flat,
  PROTECTED_KEYS,
  workplaceCreateBody,
  workplaceFlat,
  workplaceUpdateBody,
} from './kinds';
import { decodeText, FileRefused, MAX_FILE_BYTES, readFile, sniff } from './read-file';
import { similarNames, werksoortVocabulary } from './values';

export const PROBLEMS_PAGE_SIZE = 50;
/** Rows written per transaction: a crash leaves each batch in or out. */
export const BATCH_SIZE = 100;
/** How long a claimed job is the worker's; renewed with every batch. */
const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 3;

interface JobRow {
  id: string;
  kind: ImportKind;
  organisation_id: string;
  actor_user_id: string;
  dry_run: boolean;
  dry_run_job_id: string | null;
  run_job_id: string | null;
  file_name: string;
  mapping: Record<string, string>;
  purpose: string | null;
  notify_candidates: boolean;
  status: ImportJobStatus;
  rows_total: number;
  rows_done: number;
  totals: ImportTotals;
  problems: ImportProblem[];
  failure: string | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const JOB_COLUMNS = `j.id, j.kind, j.organisation_id, j.actor_user_id, j.dry_run, j.dry_run_job_id,
  (SELECT r.id FROM import_jobs r WHERE r.dry_run_job_id = j.id) AS run_job_id,
  j.file_name, j.mapping, j.purpose, j.notify_candidates, j.status, j.rows_total, j.rows_done,
  j.totals, j.problems, j.failure, j.attempts, j.created_at, j.started_at, j.finished_at`;

const EMPTY_TOTALS = (): ImportTotals => ({
  new: 0,
  changed: 0,
  unchanged: 0,
  refused: 0,
  duplicates: 0,
});

type Outcome = 'new' | 'changed' | 'unchanged' | 'refused' | 'duplicate';

/** One thing to write: a row (an employer: its rows), what became of it and what to send. */
interface Item {
  row: number;
  externId: string | null;
  outcome: Outcome;
  problems: ImportProblem[];
  recordId?: string;
  version?: number;
  body?: Record<string, unknown>;
  werkmakelaarId?: string | null;
}

/** The whole file is refused: the job fails with this Dutch message. */
class FileProblem extends Error {}

const shorten = (value: unknown) => {
  if (value === null || value === undefined || value === '') return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value as string);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
};

const dutchList = (items: readonly string[]) =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1] ?? ''}`;

/** Where a DTO's property comes from, for a Dutch message on the right column. */
const DTO_PATH_TO_KEY: Record<string, string> = {
  hoursMin: 'hours',
  hoursMax: 'hours',
  homeArea: 'postcode',
  location: 'postcode',
  locations: 'postcode',
  supportNeeds: 'needsJobcoach',
  abilities: 'ability.lifting',
  demands: 'demand.lifting',
};

@Injectable()
export class ImportService {
  private readonly logger = new Logger('ImportService');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: CandidatesService,
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly werksoorten: WerksoortenService,
    private readonly audit: AuditService,
  ) {}

  // ---- the public shape ----------------------------------------------------------------------

  /** Stores the file as a queued job (nothing else is written); the worker reads it. */
  async submit(actor: Actor, submission: ImportSubmission): Promise<ImportJobView> {
    const id = await this.insertJob(actor, submission);
    return this.job(actor, id);
  }

  /** One job with one page (1-based) of its findings. */
  async job(actor: Actor, id: string, page = 1): Promise<ImportJobView> {
    const job = await this.jobRow(id);
    if (!job) throw Problems.notFound('Import job');
    assertMaySeeJob(actor, { organisationId: job.organisation_id });
    return toView(job, Math.max(1, Math.floor(page) || 1));
  }

  /** The newest jobs of an organisation (without findings), for the pages. */
  async recentJobs(actor: Actor, organisationId: string, limit = 20): Promise<ImportJobView[]> {
    assertMayImportInto(actor, organisationId);
    const rows = await queryRows<JobRow>(
      this.db,
      `SELECT ${JOB_COLUMNS} FROM import_jobs j WHERE j.organisation_id = $1
        ORDER BY j.created_at DESC LIMIT $2`,
      [organisationId, Math.min(100, Math.max(1, limit))],
    );
    return rows.map((r) => ({ ...toView(r, 1), problems: [] }));
  }

  /** Starts the real run of a finished dry run, from the same file; returns the new job. */
  async run(actor: Actor, id: string): Promise<ImportJobView> {
    const dry = await this.jobRow(id);
    if (!dry) throw Problems.notFound('Import job');
    assertMaySeeJob(actor, { organisationId: dry.organisation_id });
    assertMayImportInto(actor, dry.organisation_id);
    const notRunnable = (detail: string) =>
      new ProblemException(409, 'IMPORT_NOT_RUNNABLE', 'This import cannot run now', detail);
    if (!dry.dry_run)
      throw notRunnable(
        'Dit is al een echte import; start een echte import vanuit een proefimport.',
      );
    if (dry.status !== 'done')
      throw notRunnable('De proefimport is nog niet klaar (of mislukt): wacht tot hij klaar is.');
    if (dry.run_job_id) throw notRunnable('Deze proefimport is al uitgevoerd.');
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `INSERT INTO import_jobs (kind, organisation_id, actor_user_id, dry_run, dry_run_job_id, file_name,
                                mapping, purpose, notify_candidates)
       SELECT kind, organisation_id, $2, false, id, file_name, mapping, purpose, notify_candidates
         FROM import_jobs WHERE id = $1
       ON CONFLICT (dry_run_job_id) WHERE dry_run_job_id IS NOT NULL DO NOTHING
       RETURNING id`,
      [id, actor.userId],
    );
    if (!row) throw notRunnable('Deze proefimport is al uitgevoerd.');
    return this.job(actor, row.id);
  }

  /** The report of a job (every finding and the totals) as a file. */
  async reportFile(actor: Actor, id: string, format: FileFormat): Promise<DownloadFile> {
    const job = await this.jobRow(id);
    if (!job) throw Problems.notFound('Import job');
    assertMaySeeJob(actor, { organisationId: job.organisation_id });
    const severity = { refused: 'geweigerd', duplicate: 'dubbel', warning: 'waarschuwing' };
    const t = job.totals;
    const rows: (string | number)[][] = [
      ...job.problems.map((p) => [
        p.row || '',
        p.column ?? '',
        p.value ?? '',
        p.message,
        severity[p.severity],
      ]),
      ['', 'Totaal', '', `Nieuw: ${t.new}`, ''],
      ['', 'Totaal', '', `Gewijzigd: ${t.changed}`, ''],
      ['', 'Totaal', '', `Ongewijzigd: ${t.unchanged}`, ''],
      ['', 'Totaal', '', `Geweigerd: ${t.refused}`, ''],
      ['', 'Totaal', '', `Mogelijk dubbel: ${t.duplicates}`, ''],
      ...(job.failure ? [['', 'Bestand', '', job.failure, 'geweigerd']] : []),
    ];
    const bytes = await writeRows(
      format,
      'Verslag',
      ['Rij', 'Kolom', 'Waarde', 'Melding', 'Soort'],
      rows,
    );
    return {
      fileName: `importverslag-${job.kind}-${job.id.slice(0, 8)}.${format}`,
      contentType: CONTENT_TYPES[format],
      bytes,
    };
  }

  /** The documented template of a kind, with one example row. */
  async templateFile(kind: ImportKind, format: FileFormat): Promise<DownloadFile> {
    const columns = COLUMNS[kind];
    const bytes = await writeRows(
      format,
      'Sjabloon',
      columns.map((c) => c.header),
      [columns.map((c) => c.example)],
    );
    return {
      fileName: `werkbrug-sjabloon-${kind}.${format}`,
      contentType: CONTENT_TYPES[format],
      bytes,
    };
  }

  /** The template's columns, for documentation and the pages. */
  templateColumns(kind: ImportKind): readonly TemplateColumn[] {
    return templateColumns(kind);
  }

  /** Worker: claims one queued (or abandoned) job and processes it; false when there was none. */
  async processNext(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.process(job);
    return true;
  }

  /** CLI: submit and process in this process with the same code, reporting progress. */
  async importNow(
    actor: Actor,
    submission: ImportSubmission,
    onProgress?: ProgressListener,
  ): Promise<ImportJobView> {
    const id = await this.insertJob(actor, submission);
    const dry = await this.claim(id);
    if (dry) await this.process(dry, onProgress);
    let view = await this.job(actor, id);
    if (submission.dryRun || view.status !== 'done') return view;
    // The real run, from the dry run just made (the same steps as the pages and the API).
    view = await this.run(actor, id);
    const real = await this.claim(view.id);
    if (real) await this.process(real, onProgress);
    return this.job(actor, view.id);
  }

  // ---- jobs ----------------------------------------------------------------------------------

  private async insertJob(actor: Actor, s: ImportSubmission): Promise<string> {
    assertMayImportInto(actor, s.organisationId);
    const [org] = await queryRows<{ kind: string }>(
      this.db,
      `SELECT kind FROM organisations WHERE id = $1`,
      [s.organisationId],
    );
    if (!org) throw Problems.notFound('Organisation');
    if (org.kind === 'werkgever' || org.kind === 'beheer')
      throw Problems.validation(
        [{ field: 'organisationId', message: 'not a broker organisation' }],
        'Importeer in een gemeente, werkbedrijf of re-integratiebedrijf.',
      );
    quickCheck(s.fileName, s.bytes);
    const mapping = s.mapping ?? {};
    if (
      typeof mapping !== 'object' ||
      Array.isArray(mapping) ||
      Object.values(mapping).some((v) => typeof v !== 'string')
    )
      throw Problems.validation(
        [{ field: 'mapping', message: 'an object of file header to template header' }],
        'De koppeling is een lijst van "kolom in uw bestand": "kolom van Werkbrug".',
      );
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `INSERT INTO import_jobs (kind, organisation_id, actor_user_id, dry_run, file_name, file_bytes,
                                mapping, purpose, notify_candidates)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9) RETURNING id`,
      [
        s.kind,
        s.organisationId,
        actor.userId,
        s.dryRun,
        s.fileName.slice(0, 200),
        s.bytes,
        JSON.stringify(mapping),
        s.purpose?.trim().slice(0, 500) || null,
        s.notifyCandidates ?? false,
      ],
    );
    return row?.id as string;
  }

  private async jobRow(id: string): Promise<JobRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [row] = await queryRows<JobRow>(
      this.db,
      `SELECT ${JOB_COLUMNS} FROM import_jobs j WHERE j.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Takes a queued job, or one whose worker stopped renewing its lease (crashed): FOR UPDATE SKIP
   * LOCKED, so two workers never take the same job. A real run queued behind its dry run waits.
   */
  private async claim(id?: string): Promise<JobRow | null> {
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `UPDATE import_jobs SET status = 'running', attempts = attempts + 1,
              lease_until = now() + make_interval(secs => $2), started_at = coalesce(started_at, now()),
              updated_at = now()
        WHERE id = (SELECT id FROM import_jobs
                     WHERE (status = 'queued' OR (status = 'running' AND lease_until < now()))
                       AND ($1::uuid IS NULL OR id = $1::uuid)
                     ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id`,
      [id ?? null, LEASE_SECONDS],
    );
    return row ? this.jobRow(row.id) : null;
  }

  private async finish(
    id: string,
    status: 'done' | 'failed',
    fields: { totals?: ImportTotals; problems?: ImportProblem[]; failure?: string | null },
  ) {
    await queryRows(
      this.db,
      `UPDATE import_jobs SET status = $2, totals = coalesce($3::jsonb, totals),
              problems = coalesce($4::jsonb, problems), failure = $5, finished_at = now(),
              lease_until = NULL, updated_at = now(),
              file_bytes = CASE WHEN dry_run THEN file_bytes ELSE NULL END
        WHERE id = $1`,
      [
        id,
        status,
        fields.totals ? JSON.stringify(fields.totals) : null,
        fields.problems ? JSON.stringify(fields.problems) : null,
        fields.failure ?? null,
      ],
    );
  }

  private async actorOf(job: JobRow): Promise<Actor> {
    const [u] = await queryRows<{
      id: string;
      role: Actor['role'];
      organisation_id: string;
      employer_id: string | null;
      candidate_id: string | null;
      active: boolean;
    }>(
      this.db,
      `SELECT id, role, organisation_id, employer_id, candidate_id, active FROM users WHERE id = $1`,
      [job.actor_user_id],
    );
    if (!u?.active)
      throw new FileProblem('Het account dat deze import startte is niet meer actief.');
    return {
      userId: u.id,
      role: u.role,
      organisationId: u.organisation_id,
      employerId: u.employer_id,
      candidateId: u.candidate_id,
    };
  }

  private async fileOf(job: JobRow): Promise<Buffer> {
    const [row] = await queryRows<{ file_bytes: Buffer | null }>(
      this.db,
      `SELECT file_bytes FROM import_jobs WHERE id = coalesce($2::uuid, $1::uuid)`,
      [job.id, job.dry_run_job_id],
    );
    if (!row?.file_bytes) throw new FileProblem('Het bestand van deze import is er niet meer.');
    return row.file_bytes;
  }

  /** Processes a claimed job; every failure ends as a failed job with a Dutch message, never a throw. */
  private async process(job: JobRow, onProgress?: ProgressListener): Promise<void> {
    try {
      if (job.attempts > MAX_ATTEMPTS)
        throw new FileProblem(
          `De import is ${MAX_ATTEMPTS} keer afgebroken. Wat al geschreven was blijft staan; start de import opnieuw om de rest te doen.`,
        );
      const actor = await this.actorOf(job);
      assertMayImportInto(actor, job.organisation_id);
      const items = await this.prepare(job, actor);
      const rowsTotal = items.length;
      await queryRows(this.db, `UPDATE import_jobs SET rows_total = $2 WHERE id = $1`, [
        job.id,
        rowsTotal,
      ]);
      onProgress?.({ rowsDone: job.dry_run ? 0 : job.rows_done, rowsTotal });
      if (job.dry_run) {
        const totals = EMPTY_TOTALS();
        const problems: ImportProblem[] = [];
        items.forEach((item) => count(item, totals, problems));
        await queryRows(this.db, `UPDATE import_jobs SET rows_done = $2 WHERE id = $1`, [
          job.id,
          rowsTotal,
        ]);
        onProgress?.({ rowsDone: rowsTotal, rowsTotal });
        await this.finish(job.id, 'done', { totals, problems });
        return;
      }
      await this.write(job, actor, items, onProgress);
      await this.finish(job.id, 'done', {});
    } catch (error) {
      const message =
        error instanceof FileProblem || error instanceof FileRefused
          ? error.message
          : error instanceof ProblemException
            ? (error.problem.detail ?? error.problem.title)
            : 'De import is afgebroken door een fout in Werkbrug. Wat al geschreven was blijft staan; probeer het later opnieuw.';
      if (
        !(
          error instanceof FileProblem ||
          error instanceof FileRefused ||
          error instanceof ProblemException
        )
      )
        this.logger.error(
          `import ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      await this.finish(job.id, 'failed', { failure: message });
    }
  }

  // ---- reading and deciding ------------------------------------------------------------------

  /** Reads the file and decides per row what it becomes; writes nothing. */
  private async prepare(job: JobRow, actor: Actor): Promise<Item[]> {
    const sheet = await readFile(job.file_name, await this.fileOf(job));
    const match = matchHeaders(job.kind, sheet.headers, job.mapping);
    if (match.byIndex.size === 0)
      throw new FileProblem(
        `De eerste rij is geen kopregel: Werkbrug vindt er geen kolomnamen in (zoals ${COLUMNS[
          job.kind
        ]
          .filter((c) => c.required)
          .slice(0, 3)
          .map((c) => c.header)
          .join(', ')}). Zet de kolomnamen in de eerste rij, of gebruik het sjabloon.`,
      );
    if (match.badMapping.length)
      throw new FileProblem(
        `De koppeling noemt kolommen die Werkbrug niet kent: ${dutchList(match.badMapping.map((m) => `"${m}"`))}.`,
      );
    if (match.unknown.length)
      throw new FileProblem(
        `Onbekende ${match.unknown.length === 1 ? 'kolom' : 'kolommen'}: ${dutchList(match.unknown.map((h) => `"${h}"`))}. Geef in de koppeling aan welke kolom van Werkbrug ${match.unknown.length === 1 ? 'het is' : 'het zijn'}, of haal ${match.unknown.length === 1 ? 'de kolom' : 'ze'} weg.`,
      );
    if (match.repeated.length)
      throw new FileProblem(
        `Deze kolommen staan er twee keer in: ${dutchList(match.repeated.map((h) => `"${h}"`))}.`,
      );
    if (match.missing.length)
      throw new FileProblem(
        `Verplichte ${match.missing.length === 1 ? 'kolom ontbreekt' : 'kolommen ontbreken'}: ${dutchList(match.missing.map((c) => `"${c.header}"`))}.`,
      );
    const protectedColumns = [...match.byIndex.values()].filter((c) => c.protected);
    if (protectedColumns.length && !mayHandleProtected(actor, job.organisation_id, job.purpose))
      throw new FileProblem(
        `De ${protectedColumns.length === 1 ? 'kolom' : 'kolommen'} ${dutchList(protectedColumns.map((c) => `"${c.header}"`))} ${protectedColumns.length === 1 ? 'bevat' : 'bevatten'} beschermde gegevens. Die importeert alleen een werkmakelaar van deze organisatie, met een doel (bijvoorbeeld "overdracht caseload"). Geef een doel op, of laat ${protectedColumns.length === 1 ? 'die kolom' : 'die kolommen'} weg.`,
      );
    const header = (index: number) => sheet.headers[index] ?? '';
    const ctx = await this.parseContext();
    const notesByRow = new Map<number, ImportProblem[]>();
    for (const note of sheet.notes) {
      const list = notesByRow.get(note.row) ?? [];
      list.push({
        row: note.row,
        column: header(note.column) || null,
        value: null,
        message: note.message,
        severity: 'refused',
      });
      notesByRow.set(note.row, list);
    }
    const parsed = sheet.rows.map(({ row, cells }) => {
      const flat: Flat = {};
      const problems: ImportProblem[] = [...(notesByRow.get(row) ?? [])];
      const given = new Set<string>();
      for (const [index, column] of match.byIndex) {
        const cell = cells[index];
        if (cell === undefined || cell === '' || (typeof cell === 'string' && !cell.trim()))
          continue;
        given.add(column.key);
        const result = column.parse(cell, ctx);
        if (result.ok) flat[column.key] = result.value;
        else
          problems.push({
            row,
            column: header(index),
            value: shorten(cell),
            message: result.message,
            severity: 'refused',
          });
      }
      for (const column of COLUMNS[job.kind])
        if (column.required && !given.has(column.key))
          problems.push({
            row,
            column: column.header,
            value: null,
            message: `Vul "${column.header}" in: deze kolom is verplicht.`,
            severity: 'refused',
          });
      return { row, flat, problems };
    });
    const headerOf = (key: string) =>
      [...match.byIndex.entries()].find(([, c]) => c.key === key)?.[0];
    const columnName = (key: string) => {
      const index = headerOf(key);
      return index === undefined
        ? (COLUMNS[job.kind].find((c) => c.key === key)?.header ?? key)
        : header(index);
    };
    switch (job.kind) {
      case 'candidates':
        return this.decideCandidates(job, actor, parsed, columnName);
      case 'employers':
        return this.decideEmployers(job, actor, parsed, columnName);
      case 'workplaces':
        return this.decideWorkplaces(job, parsed, columnName);
    }
  }

  private async parseContext(): Promise<ParseContext> {
    const rows = await this.werksoorten.activeWithSynonyms();
    return {
      werksoorten: werksoortVocabulary(rows),
      werksoortNames: new Map(rows.map((r) => [r.code, r.name])),
    };
  }

  private async links(job: JobRow): Promise<Map<string, string>> {
    const rows = await queryRows<{ extern_id: string; record_id: string }>(
      this.db,
      `SELECT extern_id, record_id FROM import_links WHERE organisation_id = $1 AND kind = $2`,
      [job.organisation_id, job.kind],
    );
    return new Map(rows.map((r) => [r.extern_id, r.record_id]));
  }

  /** A row's extern id, refused when an earlier row of the file has the same one. */
  private externIds() {
    const seen = new Map<string, number>();
    return (flat: Flat, row: number, problems: ImportProblem[], column: string) => {
      const id = typeof flat.externId === 'string' && flat.externId ? flat.externId : null;
      if (id) {
        const earlier = seen.get(id);
        if (earlier !== undefined)
          problems.push({
            row,
            column,
            value: id,
            message: `Dit Extern ID staat ook in rij ${earlier}: elke rij heeft een eigen nummer.`,
            severity: 'refused',
          });
        else seen.set(id, row);
      }
      return id;
    };
  }

  private async decideCandidates(
    job: JobRow,
    actor: Actor,
    parsed: { row: number; flat: Flat; problems: ImportProblem[] }[],
    columnName: (key: string) => string,
  ): Promise<Item[]> {
    const [files, links, werkmakelaars] = await Promise.all([
      this.candidates.filesForTransfer(job.organisation_id),
      this.links(job),
      queryRows<{ id: string; email: string }>(
        this.db,
        `SELECT id, email FROM users WHERE organisation_id = $1 AND role = 'werkmakelaar' AND active`,
        [job.organisation_id],
      ),
    ]);
    const emailOf = new Map(werkmakelaars.map((w) => [w.id, w.email.toLowerCase()]));
    const idOf = new Map(werkmakelaars.map((w) => [w.email.toLowerCase(), w.id]));
    const current = new Map(
      files.map(({ candidate, personal }) => [
        candidate.id,
        {
          flat: candidateFlat(
            candidate,
            personal,
            candidate.werkmakelaarId ? (emailOf.get(candidate.werkmakelaarId) ?? null) : null,
          ),
          version: candidate.version,
          pseudonym: candidate.pseudonym,
        },
      ]),
    );
    // The comparison reads the protected part of the organisation's files: one audit line says why.
    await this.audit.record(this.db.manager, actor, {
      action: 'candidate.import',
      purpose: job.purpose ?? (job.dry_run ? 'proefimport' : 'import'),
      details: { importJobId: job.id, dryRun: job.dry_run, files: files.length },
    });
    const defaultWerkmakelaar =
      actor.role === 'werkmakelaar' && actor.organisationId === job.organisation_id
        ? actor.userId
        : null;
    const externId = this.externIds();
    const items: Item[] = [];
    for (const { row, flat, problems } of parsed) {
      const id = externId(flat, row, problems, columnName('externId'));
      const item: Item = { row, externId: id, outcome: 'refused', problems };
      items.push(item);
      if (problems.some((p) => p.severity === 'refused')) continue;
      let werkmakelaarId: string | null | undefined;
      if (flat.werkmakelaar !== undefined) {
        werkmakelaarId = idOf.get(flat.werkmakelaar as string);
        if (!werkmakelaarId)
          problems.push({
            row,
            column: columnName('werkmakelaar'),
            value: flat.werkmakelaar as string,
            message:
              'Deze werkmakelaar werkt niet (meer) bij deze organisatie. De kandidaat komt bij u, of houdt de werkmakelaar die hij had.',
            severity: 'warning',
          });
      }
      const recordId =
        (id && links.get(id)) || (id && current.has(id) ? id : undefined) || undefined;
      const existing = recordId ? current.get(recordId) : undefined;
      if (existing && recordId) {
        const keys = changedKeys(flat, existing.flat, ['werkmakelaar']);
        const werkmakelaarChanged =
          werkmakelaarId !== undefined &&
          werkmakelaarId !== null &&
          flat.werkmakelaar !== existing.flat.werkmakelaar;
        Object.assign(item, { recordId, version: existing.version });
        if (!keys.length && !werkmakelaarChanged) {
          item.outcome = 'unchanged';
          continue;
        }
        const body = candidateUpdateBody(flat, existing.flat, keys);
        if (werkmakelaarChanged) body.werkmakelaarId = werkmakelaarId;
        const errors = await dtoProblems(UpdateCandidateDto, body, row, flat, columnName);
        if (errors.length) {
          problems.push(...errors);
          continue;
        }
        Object.assign(item, { outcome: 'changed', body });
        continue;
      }
      if (!id && flat.dateOfBirth) {
        const twin = [...current.values()].find(
          (c) =>
            c.flat.dateOfBirth === flat.dateOfBirth &&
            c.flat.postcode === flat.postcode &&
            similarNames(
              `${c.flat.firstName as string} ${c.flat.lastName as string}`,
              `${flat.firstName as string} ${flat.lastName as string}`,
            ),
        );
        if (twin) {
          item.outcome = 'duplicate';
          problems.push({
            row,
            column: null,
            value: `${flat.firstName as string} ${flat.lastName as string}`,
            message: `Lijkt dezelfde persoon als kandidaat ${twin.pseudonym} (zelfde geboortedatum, postcode en een gelijke naam). Niet aangemaakt. Is het iemand anders, geef de rij dan een Extern ID.`,
            severity: 'duplicate',
          });
          continue;
        }
      }
      const body = candidateCreateBody(flat);
      const errors = await dtoProblems(CreateCandidateDto, body, row, flat, columnName);
      if (errors.length) {
        problems.push(...errors);
        continue;
      }
      Object.assign(item, {
        outcome: 'new',
        body,
        werkmakelaarId: werkmakelaarId ?? defaultWerkmakelaar,
      });
      // A second row in this file for the same person (no extern id) is a likely duplicate too.
      if (!id && flat.dateOfBirth)
        current.set(`file-row-${row}`, {
          flat,
          version: 0,
          pseudonym: `in rij ${row}`,
        });
    }
    return items;
  }

  private async decideEmployers(
    job: JobRow,
    actor: Actor,
    parsed: { row: number; flat: Flat; problems: ImportProblem[] }[],
    columnName: (key: string) => string,
  ): Promise<Item[]> {
    const [owned, links] = await Promise.all([
      this.employers.ownedForTransfer(job.organisation_id),
      this.links(job),
    ]);
    const current = new Map(
      owned.map((e) => [
        e.id,
        { record: employerRecord(employerFlats(e)), version: e.version, kvk: e.kvkNumber },
      ]),
    );
    const byKvk = new Map(owned.map((e) => [e.kvkNumber, e.id]));
    // Rows of one employer (same Extern ID, else same KvK number) together: a location per row.
    const groups = new Map<string, typeof parsed>();
    const items: Item[] = [];
    for (const p of parsed) {
      if (p.problems.some((x) => x.severity === 'refused')) {
        items.push({ row: p.row, externId: null, outcome: 'refused', problems: p.problems });
        continue;
      }
      const key = (p.flat.externId as string | undefined) ?? `kvk:${p.flat.kvkNumber as string}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
    const elsewhere = await this.employers.byKvkNumbers(
      [...groups.values()].map((g) => g[0]?.flat.kvkNumber as string),
    );
    for (const group of groups.values()) {
      const first = group[0] as (typeof parsed)[number];
      const record = employerRecord(group.map((g) => g.flat));
      const id = (record.externId as string | undefined) ?? null;
      const problems = group.flatMap((g) => g.problems);
      const item: Item = { row: first.row, externId: id, outcome: 'refused', problems };
      items.push(item);
      const recordId =
        (id && links.get(id)) ||
        (id && current.has(id) ? id : undefined) ||
        byKvk.get(record.kvkNumber as string);
      const existing = recordId ? current.get(recordId) : undefined;
      if (existing && recordId) {
        const keys = employerChangedKeys(record, existing.record).filter((k) => k !== 'kvkNumber');
        Object.assign(item, { recordId, version: existing.version });
        if (record.kvkNumber !== existing.kvk)
          problems.push({
            row: first.row,
            column: columnName('kvkNumber'),
            value: record.kvkNumber as string,
            message: `Het KvK-nummer van een werkgever verandert niet (in Werkbrug: ${existing.kvk}).`,
            severity: 'refused',
          });
        else if (!keys.length) item.outcome = 'unchanged';
        else {
          const body = employerUpdateBody(record, keys);
          const errors = await dtoProblems(UpdateEmployerDto, body, first.row, record, columnName);
          if (errors.length) problems.push(...errors);
          else Object.assign(item, { outcome: 'changed', body });
        }
        continue;
      }
      if (elsewhere.has(record.kvkNumber as string)) {
        problems.push({
          row: first.row,
          column: columnName('kvkNumber'),
          value: record.kvkNumber as string,
          message:
            'Een werkgever met dit KvK-nummer staat al in Werkbrug, bij een andere organisatie. Vraag de beheerder om de werkgever aan uw organisatie te geven.',
          severity: 'refused',
        });
        continue;
      }
      const body = employerCreateBody(record, actor.role === 'admin' ? job.organisation_id : null);
      const errors = await dtoProblems(CreateEmployerDto, body, first.row, record, columnName);
      if (errors.length) problems.push(...errors);
      else Object.assign(item, { outcome: 'new', body });
    }
    return items.sort((a, b) => a.row - b.row);
  }

  private async decideWorkplaces(
    job: JobRow,
    parsed: { row: number; flat: Flat; problems: ImportProblem[] }[],
    columnName: (key: string) => string,
  ): Promise<Item[]> {
    const [owned, employers, links] = await Promise.all([
      this.vacancies.ownedForTransfer(job.organisation_id),
      this.employers.ownedForTransfer(job.organisation_id),
      this.links(job),
    ]);
    const employerByKvk = new Map(employers.map((e) => [e.kvkNumber, e.id]));
    const current = new Map(
      owned.map(({ vacancy, employerKvk, werksoort }) => [
        vacancy.id,
        { flat: workplaceFlat(vacancy, employerKvk, werksoort), version: vacancy.version },
      ]),
    );
    const externId = this.externIds();
    const items: Item[] = [];
    for (const { row, flat, problems } of parsed) {
      const id = externId(flat, row, problems, columnName('externId'));
      const item: Item = { row, externId: id, outcome: 'refused', problems };
      items.push(item);
      if (problems.some((p) => p.severity === 'refused')) continue;
      const employerId = employerByKvk.get(flat.employerKvk as string);
      if (!employerId) {
        problems.push({
          row,
          column: columnName('employerKvk'),
          value: flat.employerKvk as string,
          message:
            'Geen werkgever van uw organisatie met dit KvK-nummer. Importeer eerst de werkgevers.',
          severity: 'refused',
        });
        continue;
      }
      const recordId = (id && links.get(id)) || (id && current.has(id) ? id : undefined);
      const existing = recordId ? current.get(recordId) : undefined;
      if (existing && recordId) {
        Object.assign(item, { recordId, version: existing.version });
        if (flat.employerKvk !== existing.flat.employerKvk) {
          problems.push({
            row,
            column: columnName('employerKvk'),
            value: flat.employerKvk as string,
            message: 'Een werkplek gaat niet over naar een andere werkgever.',
            severity: 'refused',
          });
          continue;
        }
        const keys = changedKeys(flat, existing.flat, ['employerKvk']);
        if (!keys.length) {
          item.outcome = 'unchanged';
          continue;
        }
        const body = workplaceUpdateBody(flat, existing.flat, keys);
        const errors = await dtoProblems(UpdateVacancyDto, body, row, flat, columnName);
        if (errors.length) problems.push(...errors);
        else Object.assign(item, { outcome: 'changed', body });
        continue;
      }
      const body = workplaceCreateBody(flat, employerId);
      const errors = await dtoProblems(CreateVacancyDto, body, row, flat, columnName);
      if (errors.length) problems.push(...errors);
      else Object.assign(item, { outcome: 'new', body });
    }
    return items;
  }

  // ---- writing -------------------------------------------------------------------------------

  /**
   * The real run: batches of BATCH_SIZE rows, each in one transaction with the job's progress, so
   * a crash leaves each batch in or out and a worker that takes the job over goes on after the last
   * committed batch. A batch that fails is done again row by row, so one bad row refuses only itself.
   */
  private async write(job: JobRow, actor: Actor, items: Item[], onProgress?: ProgressListener) {
    let totals = job.rows_done ? job.totals : EMPTY_TOTALS();
    let problems = job.rows_done ? job.problems : [];
    for (let start = job.rows_done; start < items.length; start += BATCH_SIZE) {
      const batch = items.slice(start, start + BATCH_SIZE);
      const end = start + batch.length;
      try {
        await this.db.transaction(async (em) => {
          const t = { ...totals };
          const p = [...problems];
          for (const item of batch) {
            await this.writeItem(em, job, actor, item);
            count(item, t, p);
          }
          await this.saveProgress(em, job.id, end, t, p);
          totals = t;
          problems = p;
        });
      } catch {
        for (const [i, item] of batch.entries()) {
          await this.db.transaction(async (em) => {
            const t = { ...totals };
            const p = [...problems];
            try {
              await queryRows(em, 'SAVEPOINT import_row');
              await this.writeItem(em, job, actor, item);
            } catch (error) {
              await queryRows(em, 'ROLLBACK TO SAVEPOINT import_row');
              item.outcome = 'refused';
              item.problems.push({
                row: item.row,
                column: null,
                value: null,
                message: writeFailure(error),
                severity: 'refused',
              });
            }
            count(item, t, p);
            await this.saveProgress(em, job.id, start + i + 1, t, p);
            totals = t;
            problems = p;
          });
        }
      }
      onProgress?.({ rowsDone: end, rowsTotal: items.length });
    }
  }

  private async saveProgress(
    em: EntityManager,
    id: string,
    rowsDone: number,
    totals: ImportTotals,
    problems: ImportProblem[],
  ) {
    await queryRows(
      em,
      `UPDATE import_jobs SET rows_done = $2, totals = $3::jsonb, problems = $4::jsonb,
              lease_until = now() + make_interval(secs => $5), updated_at = now()
        WHERE id = $1`,
      [id, rowsDone, JSON.stringify(totals), JSON.stringify(problems), LEASE_SECONDS],
    );
  }

  private async writeItem(em: EntityManager, job: JobRow, actor: Actor, item: Item) {
    if (item.outcome !== 'new' && item.outcome !== 'changed') return;
    const audit = { purpose: job.purpose ?? undefined, importJobId: job.id };
    const body = item.body ?? {};
    let recordId = item.recordId;
    switch (job.kind) {
      case 'candidates': {
        if (item.outcome === 'new')
          recordId = (
            await this.candidates.createForImport(
              em,
              actor,
              job.organisation_id,
              item.werkmakelaarId ?? null,
              plainToInstance(CreateCandidateDto, body),
              audit,
            )
          ).id;
        else
          await this.candidates.updateForImport(
            em,
            actor,
            job.organisation_id,
            recordId as string,
            plainToInstance(UpdateCandidateDto, body),
            item.version as number,
            audit,
          );
        break;
      }
      case 'employers': {
        if (item.outcome === 'new')
          recordId = (
            await this.employers.createForImport(
              em,
              actor,
              plainToInstance(CreateEmployerDto, body),
            )
          ).id;
        else
          await this.employers.updateForImport(
            em,
            actor,
            recordId as string,
            plainToInstance(UpdateEmployerDto, body),
            item.version as number,
          );
        break;
      }
      case 'workplaces': {
        if (item.outcome === 'new')
          recordId = await this.vacancies.createForImport(
            em,
            actor,
            plainToInstance(CreateVacancyDto, body),
          );
        else
          await this.vacancies.updateForImport(
            em,
            actor,
            recordId as string,
            plainToInstance(UpdateVacancyDto, body),
            item.version as number,
          );
        break;
      }
    }
    if (item.externId && recordId)
      await queryRows(
        em,
        `INSERT INTO import_links (organisation_id, kind, extern_id, record_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organisation_id, kind, extern_id)
         DO UPDATE SET record_id = EXCLUDED.record_id, updated_at = now()`,
        [job.organisation_id, job.kind, item.externId, recordId],
      );
  }
}

/** A row's outcome into the totals and its findings into the report. */
function count(item: Item, totals: ImportTotals, problems: ImportProblem[]) {
  if (item.outcome === 'duplicate') totals.duplicates += 1;
  else totals[item.outcome] += 1;
  problems.push(...item.problems);
}

function writeFailure(error: unknown): string {
  if (error instanceof ProblemException) {
    if (error.code === 'STALE_VERSION')
      return 'Iemand veranderde dit record tijdens de import. Niet bijgewerkt; importeer opnieuw.';
    if (error.code === 'DUPLICATE') return 'Dit record bestaat al in Werkbrug. Niet aangemaakt.';
    const fields = (error.problem.errors ?? []).map((e) => e.field).join(', ');
    return `Werkbrug kon deze rij niet opslaan${fields ? ` (${fields})` : ''}: ${error.problem.detail ?? error.problem.title}`;
  }
  return 'Werkbrug kon deze rij niet opslaan.';
}

/** The fast checks of an upload, in the request: size, empty, a file that is no spreadsheet, mixed encodings. */
function quickCheck(fileName: string, bytes: Buffer) {
  try {
    if (bytes.length > MAX_FILE_BYTES)
      throw new FileRefused(
        413,
        'IMPORT_FILE_TOO_LARGE',
        `Het bestand is ${(bytes.length / 1024 / 1024).toFixed(0)} MB. Werkbrug leest bestanden tot 50 MB: splits het bestand in delen.`,
      );
    if (
      !bytes.length ||
      !bytes
        .toString('latin1')
        .replace(/^\xef\xbb\xbf/, '')
        .trim()
    )
      throw new FileRefused(422, 'IMPORT_FILE_UNREADABLE', 'Het bestand is leeg.');
    const kind = sniff(bytes);
    const saysXlsx = /\.xlsx?$/i.test(fileName);
    if (kind === 'xlsx') return;
    const refuse = (message: string) => new FileRefused(422, 'IMPORT_FILE_UNREADABLE', message);
    if (kind === 'pdf')
      throw refuse(
        `Dit is een PDF-bestand${saysXlsx ? ', ook al eindigt de naam op .xlsx' : ''}. Werkbrug leest alleen Excel (.xlsx) en CSV.`,
      );
    if (kind === 'binary')
      throw refuse('Dit bestand is geen Excel (.xlsx) of CSV. Werkbrug leest alleen die twee.');
    if (saysXlsx)
      throw refuse(
        'Dit bestand heet .xlsx, maar is geen Excel-bestand. Sla het opnieuw op als Excel-werkmap of als CSV.',
      );
    decodeText(bytes);
  } catch (error) {
    if (error instanceof FileRefused)
      throw new ProblemException(
        error.status,
        error.code,
        error.status === 413 ? 'File too large' : 'File cannot be read',
        error.message,
      );
    throw error;
  }
}

/** class-validator over the body the service will get, as Dutch findings on the row's columns. */
async function dtoProblems(
  dto: new () => object,
  body: Record<string, unknown>,
  row: number,
  flat: Flat,
  columnName: (key: string) => string,
): Promise<ImportProblem[]> {
  const errors = await validate(plainToInstance(dto, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  const out: ImportProblem[] = [];
  const walk = (list: ValidationError[], path: string[]) => {
    for (const e of list) {
      const here = [...path, e.property];
      if (e.children?.length) walk(e.children, here);
      if (!e.constraints) continue;
      const top = here[0] === 'personal' ? (here[1] ?? 'personal') : (here[0] ?? '');
      const key = DTO_PATH_TO_KEY[top] ?? top;
      out.push({
        row,
        column: columnName(key),
        value: shorten(flat[key]),
        message:
          'Deze waarde kan Werkbrug niet opslaan. Kijk in het sjabloon wat er in deze kolom hoort.',
        severity: 'refused',
      });
    }
  };
  walk(errors, []);
  return out;
}

function toView(job: JobRow, page: number): ImportJobView {
  const start = (page - 1) * PROBLEMS_PAGE_SIZE;
  return {
    id: job.id,
    kind: job.kind,
    organisationId: job.organisation_id,
    fileName: job.file_name,
    dryRun: job.dry_run,
    status: job.status,
    progress: { rowsDone: job.rows_done, rowsTotal: job.rows_total },
    totals: { ...EMPTY_TOTALS(), ...job.totals },
    problems: job.problems.slice(start, start + PROBLEMS_PAGE_SIZE),
    problemsPage: { page, pageSize: PROBLEMS_PAGE_SIZE, total: job.problems.length },
    failure: job.failure,
    dryRunJobId: job.dry_run_job_id,
    runJobId: job.run_job_id,
    createdAt: new Date(job.created_at).toISOString(),
    startedAt: job.started_at ? new Date(job.started_at).toISOString() : null,
    finishedAt: job.finished_at ? new Date(job.finished_at).toISOString() : null,
  };
}

export type { ColumnDef };
export { PROTECTED_KEYS };
