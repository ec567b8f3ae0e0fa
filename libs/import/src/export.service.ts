import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '@werkbrug/auth';
import { AuditService } from '@werkbrug/audit';
import { CandidatesService } from '@werkbrug/candidates';
import { queryRows } from '@werkbrug/database';
import { today } from '@werkbrug/domain';
import { EmployersService } from '@werkbrug/employers';
import { Problems } from '@werkbrug/http';
import { VacanciesService } from '@werkbrug/vacancies';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { COLUMNS, type ParseContext } from './columns';
import { type OutCell, writeRows } from './export-file';
import { assertMayExport, mayHandleProtected } from './import-access';
import { CONTENT_TYPES, type DownloadFile, type ExportRequest } from './import.types';
import { candidateFlat, employerFlats, type Flat, workplaceFlat } from './kinds';
import { werksoortVocabulary } from './values';

const SHEET = { candidates: 'Kandidaten', employers: 'Werkgevers', workplaces: 'Werkplekken' };

@Injectable()
export class ExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly candidates: CandidatesService,
    private readonly employers: EmployersService,
    private readonly vacancies: VacanciesService,
    private readonly werksoorten: WerksoortenService,
    private readonly audit: AuditService,
  ) {}

  /** An organisation's records of a kind in the template's columns (CSV with ; and BOM, or XLSX). */
  async exportFile(actor: Actor, request: ExportRequest): Promise<DownloadFile> {
    const { kind, organisationId, format } = request;
    assertMayExport(actor, kind, organisationId);
    const [org] = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM organisations WHERE id = $1`,
      [organisationId],
    );
    if (!org) throw Problems.notFound('Organisation');
    const withProtected = mayHandleProtected(actor, organisationId, request.purpose);
    const columns = COLUMNS[kind].filter((c) => withProtected || !c.protected);
    const links = await queryRows<{ extern_id: string; record_id: string }>(
      this.db,
      `SELECT extern_id, record_id FROM import_links WHERE organisation_id = $1 AND kind = $2`,
      [organisationId, kind],
    );
    // The source system's id where the record came from an import; else Werkbrug's own id.
    const externOf = new Map(links.map((l) => [l.record_id, l.extern_id]));
    const records: Flat[] = [];
    if (kind === 'candidates') {
      const werkmakelaars = await queryRows<{ id: string; email: string }>(
        this.db,
        `SELECT id, email FROM users WHERE organisation_id = $1 AND role = 'werkmakelaar'`,
        [organisationId],
      );
      const emailOf = new Map(werkmakelaars.map((w) => [w.id, w.email]));
      const files = await this.candidates.filesForTransfer(organisationId);
      await this.db.transaction(async (em) => {
        await this.audit.record(em, actor, {
          action: 'candidate.export',
          purpose: request.purpose?.trim() || 'export van de caseload',
          details: { files: files.length, protected: withProtected, format },
        });
        if (withProtected)
          for (const { candidate } of files)
            await this.audit.record(em, actor, {
              action: 'candidate.protected.read',
              candidateId: candidate.id,
              purpose: request.purpose?.trim(),
              details: { export: true },
            });
      });
      for (const { candidate, personal } of files)
        records.push({
          externId: externOf.get(candidate.id) ?? candidate.id,
          ...candidateFlat(
            candidate,
            personal,
            candidate.werkmakelaarId ? (emailOf.get(candidate.werkmakelaarId) ?? null) : null,
          ),
        });
    } else if (kind === 'employers') {
      for (const e of await this.employers.ownedForTransfer(organisationId))
        for (const flat of employerFlats(e))
          records.push({ externId: externOf.get(e.id) ?? e.id, ...flat });
    } else {
      for (const { vacancy, employerKvk, werksoort } of await this.vacancies.ownedForTransfer(
        organisationId,
      ))
        records.push({
          externId: externOf.get(vacancy.id) ?? vacancy.id,
          ...workplaceFlat(vacancy, employerKvk, werksoort),
        });
    }
    const rows = await this.werksoorten.activeWithSynonyms();
    const ctx: ParseContext = {
      werksoorten: werksoortVocabulary(rows),
      werksoortNames: new Map(rows.map((r) => [r.code, r.name])),
    };
    const cells: OutCell[][] = records.map((record) =>
      columns.map((c) => (record[c.key] === undefined ? '' : c.format(record[c.key], ctx))),
    );
    const bytes = await writeRows(
      format,
      SHEET[kind],
      columns.map((c) => c.header),
      cells,
    );
    return {
      fileName: `werkbrug-${kind}-${today()}.${format}`,
      contentType: CONTENT_TYPES[format],
      bytes,
    };
  }
}
