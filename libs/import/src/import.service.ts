import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import type {
  DownloadFile,
  FileFormat,
  ImportJobView,
  ImportKind,
  ImportSubmission,
  ProgressListener,
  TemplateColumn,
} from './import.types';

const notYet = (): never => {
  throw new Error('import: not built yet');
};

@Injectable()
export class ImportService {
  /** Stores the file as a queued job (nothing else is written); the worker reads it. */
  async submit(actor: Actor, submission: ImportSubmission): Promise<ImportJobView> {
    void actor;
    void submission;
    return Promise.resolve(notYet());
  }

  /** One job with one page (1-based) of its findings. */
  async job(actor: Actor, id: string, page = 1): Promise<ImportJobView> {
    void actor;
    void id;
    void page;
    return Promise.resolve(notYet());
  }

  /** The newest jobs of an organisation (without findings), for the pages. */
  async recentJobs(actor: Actor, organisationId: string, limit = 20): Promise<ImportJobView[]> {
    void actor;
    void organisationId;
    void limit;
    return Promise.resolve(notYet());
  }

  /** Starts the real run of a finished dry run, from the same file; returns the new job. */
  async run(actor: Actor, id: string): Promise<ImportJobView> {
    void actor;
    void id;
    return Promise.resolve(notYet());
  }

  /** The report of a job (every finding and the totals) as a file. */
  async reportFile(actor: Actor, id: string, format: FileFormat): Promise<DownloadFile> {
    void actor;
    void id;
    void format;
    return Promise.resolve(notYet());
  }

  /** The documented template of a kind, with one example row. */
  async templateFile(kind: ImportKind, format: FileFormat): Promise<DownloadFile> {
    void kind;
    void format;
    return Promise.resolve(notYet());
  }

  /** The template's columns, for documentation and the pages. */
  templateColumns(kind: ImportKind): readonly TemplateColumn[] {
    void kind;
    return notYet();
  }

  /** Worker: claims one queued (or abandoned) job and processes it; false when there was none. */
  async processNext(): Promise<boolean> {
    return Promise.resolve(notYet());
  }

  /** CLI: submit and process in this process with the same code, reporting progress. */
  async importNow(
    actor: Actor,
    submission: ImportSubmission,
    onProgress?: ProgressListener,
  ): Promise<ImportJobView> {
    void actor;
    void submission;
    void onProgress;
    return Promise.resolve(notYet());
  }
}
