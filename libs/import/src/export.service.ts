import { Injectable } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import type { DownloadFile, ExportRequest } from './import.types';

@Injectable()
export class ExportService {
  /** An organisation's records of a kind in the template's columns (CSV with ; and BOM, or XLSX). */
  async exportFile(actor: Actor, request: ExportRequest): Promise<DownloadFile> {
    void actor;
    void request;
    return Promise.resolve(
      ((): never => {
        throw new Error('export: not built yet');
      })(),
    );
  }
}
