import { NotFoundException } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import { ProblemException } from '@werkbrug/http';
import {
  ExportService,
  FILE_FORMATS,
  ImportService,
  type DownloadFile,
  type FileFormat,
  type ImportKind,
} from '@werkbrug/import';
import { OrganisationsService } from '@werkbrug/organisations';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  pageNumber,
  PageResponder,
  problemWords,
  str,
  uploadedFile,
  uploadRefusal,
  type Choice,
  type WebRequest,
} from '@werkbrug/web';
import {
  count,
  jobModel,
  KIND_WORDS,
  kindOfSlug,
  REFRESH_SECONDS,
  rowsToWrite,
  startModel,
  templateOfFileName,
  type ImportAudience,
} from './import-page-model';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The refusals of the import whose detail is written in Dutch for the reader (libs/import). */
const DUTCH_DETAIL: readonly string[] = [
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_FILE_UNREADABLE',
  'IMPORT_NOT_RUNNABLE',
];
const MAX_PURPOSE = 500;
const SPREADSHEET = /\.(?:xlsx|csv|txt)$/i;

/** The words of a refusal of the import: its own Dutch detail, or the catalogue's sentence. */
function refusalWords(error: unknown): string | null {
  if (!(error instanceof ProblemException) || error.getStatus() >= 500) return null;
  const detail = error.problem.detail;
  return DUTCH_DETAIL.includes(error.code) && detail ? detail : problemWords(error);
}

/** Sends a download: never cached, saved under its own name. */
export function sendFile(res: Response, file: DownloadFile) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  res
    .status(200)
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .setHeader('Cache-Control', 'no-store')
    .type(file.contentType)
    .send(file.bytes);
}

/**
 * The import and export pages, the same for the werkmakelaar (their own organisation) and the
 * administrator (any organisation, chosen on the page): each audience's controller declares the
 * routes and access, and hands the request here.
 */
export class ImportPageFlow {
  constructor(
    private readonly audience: ImportAudience,
    private readonly pages: PageResponder,
    private readonly imports: ImportService,
    private readonly exports: ExportService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The organisation the page works on: the werkmakelaar's own, or the one the administrator chose. */
  private async organisationOf(
    actor: Actor,
    id: string,
  ): Promise<{ id: string; name: string } | null> {
    if (!this.audience.admin) {
      const own = await this.organisations.get(actor, actor.organisationId);
      return { id: own.id, name: own.name };
    }
    if (!UUID.test(id)) return null;
    try {
      const org = await this.organisations.get(actor, id);
      return { id: org.id, name: org.name };
    } catch (error) {
      if (error instanceof ProblemException && error.getStatus() === 404) return null;
      throw error;
    }
  }

  /** Organisations an administrator imports into: the werkmakelaars' (no employers, no beheer). */
  private async organisationChoices(actor: Actor): Promise<Choice[]> {
    if (!this.audience.admin) return [];
    const page = await this.organisations.list(actor, { limit: 100 });
    return [
      { value: '', text: 'Kies een organisatie' },
      ...page.items
        .filter((o) => o.kind !== 'werkgever' && o.kind !== 'beheer')
        .map((o) => ({ value: o.id, text: o.name })),
    ];
  }

  private async renderStart(
    req: WebRequest,
    res: Response,
    input: {
      kind: ImportKind;
      organisationId: string;
      errors?: FormErrors;
      values?: Record<string, string>;
    },
  ) {
    const actor = actorOf(req);
    const organisation = await this.organisationOf(actor, input.organisationId);
    const recent = organisation ? await this.imports.recentJobs(actor, organisation.id, 10) : [];
    const model = startModel(this.audience, {
      kind: input.kind,
      columns: this.imports.templateColumns(input.kind),
      organisation,
      organisationOptions: await this.organisationChoices(actor),
      recent,
      ...(input.values ? { values: input.values } : {}),
    });
    const errors = input.errors ?? null;
    this.pages.send(req, res, `${this.audience.views}/start`, {
      ...model,
      errors,
      ...(errors?.any ? { title: model.title } : {}),
    });
  }

  async start(req: WebRequest, res: Response) {
    const kind = kindOfSlug(str(req.query.soort)) ?? 'candidates';
    const organisationId = str(req.query.organisatie);
    const errors = new FormErrors();
    // An administrator's choice that is no organisation (any more): choose again.
    if (this.audience.admin && organisationId && !UUID.test(organisationId))
      errors.add('organisatie', 'Kies een organisatie uit de lijst.');
    await this.renderStart(req, res, { kind, organisationId, errors });
  }

  /** The file goes in as a dry run; nothing is written until the real run is started. */
  async upload(req: WebRequest, res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const kind = kindOfSlug(field(body, 'soort'));
    const organisationId = this.audience.admin ? field(body, 'organisatie') : actor.organisationId;
    const purpose = field(body, 'doel');
    const errors = new FormErrors();
    const organisation = await this.organisationOf(actor, organisationId);
    if (!organisation) errors.add('organisatie', 'Kies de organisatie waarin u importeert.');
    if (!kind)
      errors.add('bestand', 'Kies wat u wilt importeren: kandidaten, werkgevers of werkplekken.');
    const file = uploadedFile(req, 'bestand');
    const refused = uploadRefusal(req);
    const what = kind ? KIND_WORDS[kind].many : 'de gegevens';
    if (refused) errors.add('bestand', refused);
    else if (!file || (!file.fileName && !file.bytes.length))
      errors.add('bestand', `Kies het bestand met ${what}.`);
    else if (!SPREADSHEET.test(file.fileName))
      errors.add(
        'bestand',
        `Het bestand ${file.fileName} is geen Excel-bestand (.xlsx) of CSV-bestand. Kies een bestand dat eindigt op .xlsx of .csv.`,
      );
    if (purpose.length > MAX_PURPOSE)
      errors.add('doel', `Schrijf het doel in hooguit ${MAX_PURPOSE} tekens.`);
    if (!errors.any && kind && organisation && file) {
      try {
        const job = await this.imports.submit(actor, {
          kind,
          organisationId: organisation.id,
          fileName: file.fileName,
          bytes: file.bytes,
          dryRun: true,
          ...(purpose && !this.audience.admin ? { purpose } : {}),
        });
        return res.redirect(303, `${this.audience.base}/${job.id}`);
      } catch (error) {
        const words = refusalWords(error);
        if (!words) throw error;
        errors.add('bestand', words);
      }
    }
    res.status(400);
    return this.renderStart(req, res, {
      kind: kind ?? 'candidates',
      organisationId,
      errors,
      values: { doel: purpose },
    });
  }

  async job(req: WebRequest, res: Response, id: string, errors?: FormErrors) {
    const actor = actorOf(req);
    const job = await this.imports.job(actor, id, pageNumber(req.query.pagina));
    const autoRefresh = str(req.query.verversen) !== 'uit';
    const organisationName = this.audience.admin
      ? ((await this.organisationOf(actor, job.organisationId))?.name ?? null)
      : null;
    const model = jobModel(this.audience, job, { autoRefresh, organisationName });
    // The page asks the browser to load it again while the job waits or runs: no script needed.
    // A Refresh header and not <meta http-equiv="refresh">: the same declarative refresh, which the
    // page lets its reader switch off (WCAG 2.2.2), and that stops by itself when the job is done.
    if (model.autoRefresh) res.setHeader('Refresh', String(REFRESH_SECONDS));
    this.pages.send(
      req,
      res,
      `${this.audience.views}/job`,
      { ...model, errors: errors ?? null },
      errors?.any ? 409 : 200,
    );
  }

  async report(req: WebRequest, res: Response, id: string) {
    // The page links name the format; without one, the Excel file.
    const asked = str(req.query.formaat) || 'xlsx';
    const format = FILE_FORMATS.find((f) => f === asked);
    if (!format) throw new NotFoundException();
    sendFile(res, await this.imports.reportFile(actorOf(req), id, format));
  }

  async template(res: Response, fileName: string) {
    const template = templateOfFileName(fileName);
    if (!template) throw new NotFoundException();
    sendFile(res, await this.imports.templateFile(template.kind, template.format));
  }

  /** The real run of a finished dry run (the job page was the check before it). */
  async run(req: WebRequest, res: Response, id: string) {
    const actor = actorOf(req);
    try {
      const dry = await this.imports.job(actor, id);
      const job = await this.imports.run(actor, id);
      const rows = rowsToWrite(dry);
      await this.pages.tell(
        req,
        `De import van ${count(rows, 'rij', 'rijen')} is gestart. Deze pagina ververst zichzelf tot de import klaar is.`,
      );
      return res.redirect(303, `${this.audience.base}/${job.id}`);
    } catch (error) {
      const words = refusalWords(error);
      if (!words || (error instanceof ProblemException && error.getStatus() === 404)) throw error;
      return this.job(req, res, id, new FormErrors().add('importeren', words));
    }
  }

  /** A download of an organisation's records (the protected part only with a purpose). */
  async exportFile(req: WebRequest, res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const kind = kindOfSlug(field(body, 'export-soort'));
    const format = FILE_FORMATS.find((f) => f === field(body, 'export-formaat'));
    const purpose = this.audience.admin ? '' : field(body, 'export-doel');
    const organisationId = this.audience.admin ? field(body, 'organisatie') : actor.organisationId;
    const errors = new FormErrors();
    const organisation = await this.organisationOf(actor, organisationId);
    if (!organisation) errors.add('organisatie', 'Kies de organisatie waaruit u exporteert.');
    if (!kind || (this.audience.admin && kind === 'candidates'))
      errors.add('export-soort', 'Kies wat u wilt exporteren.');
    if (!format) errors.add('export-formaat', 'Kies een soort bestand: Excel of CSV.');
    if (purpose.length > MAX_PURPOSE)
      errors.add('export-doel', `Schrijf het doel in hooguit ${MAX_PURPOSE} tekens.`);
    if (!errors.any && kind && format && organisation) {
      try {
        const file = await this.exports.exportFile(actor, {
          kind,
          organisationId: organisation.id,
          format: format as FileFormat,
          ...(purpose ? { purpose } : {}),
        });
        return sendFile(res, file);
      } catch (error) {
        const words = refusalWords(error);
        if (!words) throw error;
        errors.add('export-soort', words);
      }
    }
    res.status(400);
    return this.renderStart(req, res, {
      kind: kind ?? 'candidates',
      organisationId,
      errors,
      values: {
        'export-soort': kind ? KIND_WORDS[kind].slug : '',
        'export-formaat': format ?? '',
        'export-doel': purpose,
      },
    });
  }
}
