import { Module } from '@nestjs/common';
import { ExportService } from './export.service';
import { ImportService } from './import.service';

@Module({
  providers: [ImportService, ExportService],
  exports: [ImportService, ExportService],
})
export class ImportModule {}
