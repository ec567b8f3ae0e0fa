/**
 * The public shape of import and export (issue 22): what the API, the pages and the CLI see.
 * Kept stable: the pages build on these types.
 */

/** What can be imported and exported; the path segment of /api/import/{kind} and /api/export/{kind}. */
export const IMPORT_KINDS = ['candidates', 'employers', 'workplaces'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];

/** What became of a row (or would become, in a dry run). */
export const ROW_OUTCOMES = ['new', 'changed', 'unchanged', 'refused', 'duplicate'] as const;
export type RowOutcome = (typeof ROW_OUTCOMES)[number];

/** One finding in the report: a row (1 = the header row, data from 2, as the spreadsheet numbers them). */
export interface ImportProblem {
  /** The spreadsheet's row number; 0 for a finding about the whole file. */
  row: number;
  /** The column as written in the file's header, or null for the whole row. */
  column: string | null;
  /** The value as written in the cell (shortened), or null. */
  value: string | null;
  /** Dutch, for the werkmakelaar. */
  message: string;
  /** refused: the row is not written; duplicate: a likely duplicate, not written; warning: written anyway. */
  severity: 'refused' | 'duplicate' | 'warning';
}

export interface ImportTotals {
  new: number;
  changed: number;
  unchanged: number;
  refused: number;
  duplicates: number;
}

export interface ImportProgress {
  rowsDone: number;
  rowsTotal: number;
}

export interface ImportJobView {
  id: string;
  kind: ImportKind;
  organisationId: string;
  fileName: string;
  dryRun: boolean;
  status: ImportJobStatus;
  progress: ImportProgress;
  totals: ImportTotals;
  /** One page of the findings, in row order. */
  problems: ImportProblem[];
  problemsPage: { page: number; pageSize: number; total: number };
  /** Dutch; set when status is failed (the whole file was refused or the run broke off). */
  failure: string | null;
  /** For a real run: the dry run it was started from. */
  dryRunJobId: string | null;
  /** For a dry run: the real run started from it, once started. */
  runJobId: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** An upload: the file and how to read it. */
export interface ImportSubmission {
  kind: ImportKind;
  organisationId: string;
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  /** The file's own headers to template columns: { "Mijn kolom": "Voornaam" }. */
  mapping?: Record<string, string>;
  /** Why protected candidate columns are imported (audited); without it those columns are refused. */
  purpose?: string;
  /** Send the usual welcome/invitation mail to imported candidates (off: none is sent). */
  notifyCandidates?: boolean;
}

/** A file to download. */
export interface DownloadFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

export interface ExportRequest {
  kind: ImportKind;
  organisationId: string;
  format: FileFormat;
  /** Required for the protected candidate columns; without it they are left out. */
  purpose?: string;
}

/** One column of a kind's template, for the documentation and the pages. */
export interface TemplateColumn {
  /** The header as the template writes it ("Voornaam"). */
  header: string;
  /** Other headers that mean the same ("Roepnaam"). */
  synonyms: readonly string[];
  required: boolean;
  /** Protected candidate data: needs a purpose and a werkmakelaar of the organisation. */
  protected: boolean;
  /** Dutch: what to write, e.g. "ja of nee", "dd-mm-jjjj". */
  help: string;
  /** The template's example value. */
  example: string;
}

/** Called as rows are processed (the CLI's progress bar). */
export type ProgressListener = (progress: ImportProgress) => void;

export const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
