import { Module } from '@nestjs/common';
import { AuditModule } from '@werkbrug/audit';
import { CandidatesModule } from '@werkbrug/candidates';
import { EmployersModule } from '@werkbrug/employers';
import { VacanciesModule } from '@werkbrug/vacancies';
import { WerksoortenModule } from '@werkbrug/werksoorten';
import { ExportService } from './export.service';
import { ImportController } from './import.controller';
import { ImportRunner } from './import-runner';
import { ImportService } from './import.service';

/** Import and export with the API's routes (apps/api). */
@Module({
  imports: [AuditModule, CandidatesModule, EmployersModule, VacanciesModule, WerksoortenModule],
  controllers: [ImportController],
  providers: [ImportService, ExportService],
  exports: [ImportService, ExportService],
})
export class ImportModule {}

/** The import without routes, for the worker and the CLI: the same services, and the worker's runner. */
@Module({
  imports: [AuditModule, CandidatesModule, EmployersModule, VacanciesModule, WerksoortenModule],
  providers: [ImportService, ExportService, ImportRunner],
  exports: [ImportService, ExportService, ImportRunner],
})
export class ImportCoreModule {}
