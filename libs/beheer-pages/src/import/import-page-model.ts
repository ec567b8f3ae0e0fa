import {
  FILE_FORMATS,
  IMPORT_KINDS,
  type FileFormat,
  type ImportJobStatus,
  type ImportJobView,
  type ImportKind,
  type ImportProblem,
  type TemplateColumn,
} from '@werkbrug/import';
import { DATE_TIME, numberedPager, type Choice, type Pager } from '@werkbrug/web';

/**
 * The import and export pages in words, for both audiences (the werkmakelaar's console and the
 * administration): one builder of the view models, so the two areas say the same thing.
 */

/** Who is on the page: where its routes live and what the audience may do. */
export interface ImportAudience {
  /** '/werkmakelaar/import' or '/beheer/import'. */
  base: string;
  /** The view folder: 'werkmakelaar/import' or 'beheer/import'. */
  views: string;
  /** Administrators choose the organisation; they never handle protected candidate data. */
  admin: boolean;
}

export interface KindWords {
  kind: ImportKind;
  /** In addresses and form values: 'kandidaten'. */
  slug: string;
  one: string;
  many: string;
  /** At the start of a heading: 'Kandidaten'. */
  title: string;
  fileLabel: string;
}

const kindWords = (kind: ImportKind, one: string, many: string): KindWords => ({
  kind,
  slug: many,
  one,
  many,
  title: many.charAt(0).toUpperCase() + many.slice(1),
  fileLabel: `Bestand met ${many}`,
});

export const KIND_WORDS: Record<ImportKind, KindWords> = {
  candidates: kindWords('candidates', 'kandidaat', 'kandidaten'),
  employers: kindWords('employers', 'werkgever', 'werkgevers'),
  workplaces: kindWords('workplaces', 'werkplek', 'werkplekken'),
};

/** The kind named by a slug ('kandidaten'), or null. */
export const kindOfSlug = (slug: string): ImportKind | null =>
  IMPORT_KINDS.find((k) => KIND_WORDS[k].slug === slug) ?? null;

/** A template's file name ('kandidaten.xlsx') as kind and format, or null. */
export function templateOfFileName(name: string): { kind: ImportKind; format: FileFormat } | null {
  const match = /^([a-z]+)\.([a-z]+)$/.exec(name);
  const kind = match ? kindOfSlug(match[1] ?? '') : null;
  const format = FILE_FORMATS.find((f) => f === match?.[2]);
  return kind && format ? { kind, format } : null;
}

const STATUS_WORDS: Record<ImportJobStatus, { text: string; tone: string }> = {
  queued: { text: 'In de wachtrij', tone: 'neutral' },
  running: { text: 'Bezig', tone: 'neutral' },
  done: { text: 'Klaar', tone: 'ok' },
  failed: { text: 'Mislukt', tone: 'attention' },
};

const SEVERITY_WORDS: Record<ImportProblem['severity'], string> = {
  refused: 'Geweigerd',
  duplicate: 'Mogelijk dubbel',
  warning: 'Let op',
};

export const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('nl-NL')} ${n === 1 ? one : many}`;

/**
 * Words a column's help gives as codes ("ma, di", "ebike", "wajong"), said in full on the page:
 * the import reads both, and a reader should not have to decode them.
 */
const HELP_WORDS: Record<string, string> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
  ebike: 'e-bike',
  wajong: 'Wajong',
  wia: 'WIA',
  ww: 'WW',
  ioaw: 'IOAW',
  ov: 'ov',
};
const LIST_SEPARATOR = /(,\s*|\s+of\s+)/;

/**
 * A help text for reading: a list of values ("ma, di, wo") has its codes said in full; any other
 * text (a sentence, where "zo" or "do" are words) stays as it is.
 */
export function readableHelp(help: string): string {
  const parts = help.split(LIST_SEPARATOR);
  const items = parts.filter((_, i) => i % 2 === 0);
  if (!items.some((item) => Object.hasOwn(HELP_WORDS, item.trim()))) return help;
  if (!items.every((item) => /^[\p{L}-]+$/u.test(item.trim()))) return help;
  return parts.map((part, i) => (i % 2 === 0 ? (HELP_WORDS[part.trim()] ?? part) : part)).join('');
}

export interface ColumnRow {
  header: string;
  required: string;
  help: string;
  others: string;
  protected: boolean;
}

/** Letters only, lower case: "E-mail" and "Email" are one header to the import. */
const spelling = (header: string) => header.toLowerCase().replace(/[^\p{L}\d]/gu, '');

/** Other headers the import reads, without mere spelling variants of one already said. */
export function otherHeaders(column: Pick<TemplateColumn, 'header' | 'synonyms'>): string[] {
  const said = new Set([spelling(column.header)]);
  return column.synonyms.filter((s) => {
    const key = spelling(s);
    if (said.has(key)) return false;
    said.add(key);
    return true;
  });
}

export const columnRows = (columns: readonly TemplateColumn[]): ColumnRow[] =>
  columns.map((c) => ({
    header: c.header,
    required: c.required ? 'Ja' : 'Nee',
    help: readableHelp(c.help),
    others: otherHeaders(c).join(', '),
    protected: c.protected,
  }));

/** A job in the list of recent imports. */
export function recentRow(audience: ImportAudience, job: ImportJobView) {
  const status = STATUS_WORDS[job.status];
  return {
    href: `${audience.base}/${job.id}`,
    createdAt: DATE_TIME.format(new Date(job.createdAt)),
    kind: KIND_WORDS[job.kind].many,
    fileName: job.fileName,
    type: job.dryRun ? 'Proefimport' : 'Import',
    status: status.text,
    tone: status.tone,
  };
}

/** What the progress says: "312 van 600 rijen gelezen". */
export function progressText(job: Pick<ImportJobView, 'status' | 'progress'>): string {
  if (job.status === 'queued') return 'De import wacht op zijn beurt. Dat duurt meestal maar even.';
  const { rowsDone, rowsTotal } = job.progress;
  if (!rowsTotal) return 'Werkbrug leest het bestand.';
  return `${rowsDone.toLocaleString('nl-NL')} van ${rowsTotal.toLocaleString('nl-NL')} rijen gelezen.`;
}

/** The totals, in the words of a dry run (what would happen) or a real run (what happened). */
export function totalRows(job: Pick<ImportJobView, 'dryRun' | 'totals'>) {
  const t = job.totals;
  const words = job.dryRun
    ? ['Nieuw', 'Gewijzigd', 'Ongewijzigd', 'Geweigerd', 'Mogelijk dubbel']
    : ['Toegevoegd', 'Bijgewerkt', 'Ongewijzigd', 'Geweigerd', 'Mogelijk dubbel (niet toegevoegd)'];
  return [t.new, t.changed, t.unchanged, t.refused, t.duplicates].map((n, i) => ({
    key: words[i] as string,
    value: n.toLocaleString('nl-NL'),
  }));
}

export const findingRows = (problems: readonly ImportProblem[]) =>
  problems.map((p) => ({
    row: p.row === 0 ? 'Hele bestand' : String(p.row),
    column: p.column ?? 'Hele rij',
    value: p.value ?? '',
    message: p.message,
    severity: SEVERITY_WORDS[p.severity],
  }));

/** The rows a real run would write: the new and the changed ones. */
export const rowsToWrite = (job: Pick<ImportJobView, 'totals'>) =>
  job.totals.new + job.totals.changed;

/** Check your answers before the real run: what it will do, in one sentence each. */
export function runConsequences(job: Pick<ImportJobView, 'kind' | 'totals'>): string[] {
  const words = KIND_WORDS[job.kind];
  const t = job.totals;
  const skipped = t.refused + t.duplicates;
  return [
    ...(t.new
      ? [`Werkbrug voegt ${count(t.new, `nieuwe ${words.one}`, `nieuwe ${words.many}`)} toe.`]
      : []),
    ...(t.changed
      ? [
          `Werkbrug werkt ${count(t.changed, words.one, words.many)} bij met wat in het bestand staat.`,
        ]
      : []),
    ...(t.unchanged
      ? [
          `${count(t.unchanged, 'rij is', 'rijen zijn')} al gelijk aan Werkbrug: daar verandert niets.`,
        ]
      : []),
    ...(skipped
      ? [
          `${count(skipped, 'rij slaat', 'rijen slaat')} Werkbrug over: geweigerd of mogelijk dubbel. Verbeter ze in het bestand en importeer het opnieuw.`,
        ]
      : []),
    ...(job.kind === 'candidates'
      ? ['Geïmporteerde kandidaten krijgen geen e-mail van Werkbrug.']
      : []),
    'Werkbrug leest het bestand opnieuw. Wat intussen in Werkbrug veranderde, telt mee.',
  ];
}

/** What a real run did, in one sentence. */
export function doneText(job: Pick<ImportJobView, 'kind' | 'totals'>): string {
  const words = KIND_WORDS[job.kind];
  const { new: added, changed } = job.totals;
  return `Werkbrug heeft ${count(added, `nieuwe ${words.one}`, `nieuwe ${words.many}`)} toegevoegd en ${count(changed, words.one, words.many)} bijgewerkt.${job.kind === 'candidates' && added ? ' Zij kregen geen e-mail van Werkbrug.' : ''}`;
}

/** Addresses of a job's pages and downloads. */
const jobLinks = (audience: ImportAudience, id: string) => ({
  href: `${audience.base}/${id}`,
  report: {
    csv: `${audience.base}/${id}/rapport?formaat=csv`,
    xlsx: `${audience.base}/${id}/rapport?formaat=xlsx`,
  },
  run: `${audience.base}/${id}/importeren`,
});

/** Seconds between the job page's own refreshes while the job is waiting or running. */
export const REFRESH_SECONDS = 2;

/** The job page: progress while it runs, then the totals, the findings and (dry run) the next step. */
export function jobModel(
  audience: ImportAudience,
  job: ImportJobView,
  options: { autoRefresh: boolean; organisationName?: string | null },
) {
  const words = KIND_WORDS[job.kind];
  const links = jobLinks(audience, job.id);
  const status = STATUS_WORDS[job.status];
  const busy = job.status === 'queued' || job.status === 'running';
  const { page, pageSize, total } = job.problemsPage;
  const toWrite = rowsToWrite(job);
  const canRun = job.dryRun && job.status === 'done' && !job.runJobId;
  return {
    title: `${job.dryRun ? 'Proefimport' : 'Import'} van ${words.many}`,
    base: audience.base,
    job: {
      fileName: job.fileName,
      createdAt: DATE_TIME.format(new Date(job.createdAt)),
      finishedAt: job.finishedAt ? DATE_TIME.format(new Date(job.finishedAt)) : null,
      dryRun: job.dryRun,
    },
    kind: words,
    facts: [
      { key: 'Bestand', value: job.fileName },
      ...(options.organisationName
        ? [{ key: 'Organisatie', value: options.organisationName }]
        : []),
      { key: 'Gestart', value: DATE_TIME.format(new Date(job.createdAt)) },
      ...(job.finishedAt
        ? [{ key: 'Klaar', value: DATE_TIME.format(new Date(job.finishedAt)) }]
        : []),
      { key: 'Stand', value: status.text },
    ],
    doneText: job.dryRun ? null : doneText(job),
    status: status.text,
    tone: status.tone,
    busy,
    done: job.status === 'done',
    failed: job.status === 'failed',
    failure: job.failure,
    progress: busy ? progressText(job) : null,
    autoRefresh: busy && options.autoRefresh,
    refreshSeconds: REFRESH_SECONDS,
    refreshHref: options.autoRefresh ? links.href : `${links.href}?verversen=uit`,
    stopRefreshHref: `${links.href}?verversen=uit`,
    totals: job.status === 'done' ? totalRows(job) : [],
    findings: findingRows(job.problems),
    findingsTotal: total,
    findingsCaption:
      total > pageSize
        ? `Bevindingen ${((page - 1) * pageSize + 1).toLocaleString('nl-NL')} tot en met ${Math.min(page * pageSize, total).toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}`
        : 'Bevindingen per rij',
    pager: numberedPager({
      path: links.href,
      anchor: 'bevindingen',
      label: 'Meer bevindingen',
      page,
      hasNext: page * pageSize < total,
      nextText: 'Volgende bevindingen',
      prevText: 'Vorige bevindingen',
    }),
    report: job.status === 'done' ? links.report : null,
    run: canRun
      ? {
          action: links.run,
          consequences: runConsequences(job),
          rows: toWrite,
          buttonText: `Importeer ${count(toWrite, 'rij', 'rijen')}`,
        }
      : null,
    runHref: job.runJobId ? `${audience.base}/${job.runJobId}` : null,
    dryRunHref: job.dryRunJobId ? `${audience.base}/${job.dryRunJobId}` : null,
    startHref: audience.base,
  };
}

/** The start page: the kind's tabs, its columns and template, the upload form, exports, recent jobs. */
export function startModel(
  audience: ImportAudience,
  input: {
    kind: ImportKind;
    columns: readonly TemplateColumn[];
    organisation: { id: string; name: string } | null;
    organisationOptions: Choice[];
    recent: readonly ImportJobView[];
    values?: Record<string, string>;
  },
) {
  const words = KIND_WORDS[input.kind];
  const org = input.organisation;
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...(audience.admin && org ? { organisatie: org.id } : {}), ...extra }).toString()}`;
  const protectedColumns = input.columns.filter((c) => c.protected).map((c) => c.header);
  const exportKinds = IMPORT_KINDS.filter((k) => !audience.admin || k !== 'candidates');
  return {
    title: 'Importeren en exporteren',
    base: audience.base,
    admin: audience.admin,
    organisation: org,
    organisationOptions: input.organisationOptions,
    kind: words,
    tabs: IMPORT_KINDS.map((k) => ({
      href: `${audience.base}${query({ soort: KIND_WORDS[k].slug })}`,
      text: KIND_WORDS[k].title,
      current: k === input.kind,
    })),
    columns: columnRows(input.columns),
    templates: {
      xlsx: `${audience.base}/sjablonen/${words.slug}.xlsx`,
      csv: `${audience.base}/sjablonen/${words.slug}.csv`,
    },
    hidden: [
      { name: 'soort', value: words.slug },
      ...(audience.admin && org ? [{ name: 'organisatie', value: org.id }] : []),
    ],
    // Protected columns come in only from a werkmakelaar of the organisation, with a purpose.
    purpose:
      !audience.admin && protectedColumns.length
        ? {
            hint: `Alleen nodig als het bestand beschermde gegevens bevat (${protectedColumns.join(', ')}). Schrijf waarom u ze importeert, bijvoorbeeld: overdracht van dossiers bij de start met Werkbrug. Werkbrug legt dit vast. Zonder doel weigert Werkbrug die kolommen.`,
          }
        : null,
    adminProtectedNote:
      audience.admin && protectedColumns.length
        ? `Als beheerder importeert u geen beschermde gegevens (${protectedColumns.join(', ')}). Staan die kolommen in het bestand, dan weigert Werkbrug ze. Dat importeert een werkmakelaar van de organisatie zelf.`
        : null,
    values: { 'export-soort': words.slug, 'export-formaat': 'xlsx', ...input.values },
    recent: input.recent.map((job) => recentRow(audience, job)),
    exportKinds: exportKinds.map((k) => ({
      value: KIND_WORDS[k].slug,
      text: KIND_WORDS[k].title,
    })),
    exportFormats: [
      { value: 'xlsx', text: 'Excel (.xlsx)' },
      { value: 'csv', text: 'CSV (puntkomma, voor Excel)' },
    ],
    exportPurpose: audience.admin
      ? null
      : {
          hint: 'Alleen bij kandidaten. Met een doel staan ook de beschermde gegevens (zoals uitkering en notities) in het bestand; Werkbrug legt dit vast. Zonder doel blijven ze eruit.',
        },
    exportAdminNote: audience.admin
      ? 'Kandidaten exporteert alleen een werkmakelaar van de organisatie zelf.'
      : null,
  };
}

export type StartModel = ReturnType<typeof startModel>;
export type JobModel = ReturnType<typeof jobModel>;
export type { Pager };
