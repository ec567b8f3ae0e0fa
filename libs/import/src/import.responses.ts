import { ApiProperty } from '@nestjs/swagger';
import {
  IMPORT_JOB_STATUSES,
  IMPORT_KINDS,
  type ImportJobStatus,
  type ImportJobView,
  type ImportKind,
  type ImportProblem,
  type ImportProgress,
  type ImportTotals,
} from './import.types';

export class ImportProblemResponse implements ImportProblem {
  @ApiProperty({ type: Number, description: 'Spreadsheet row (1 = header); 0 for the whole file' })
  row!: number;
  @ApiProperty({ type: String, nullable: true }) column!: string | null;
  @ApiProperty({ type: String, nullable: true }) value!: string | null;
  @ApiProperty({ type: String, description: 'Dutch' }) message!: string;
  @ApiProperty({ enum: ['refused', 'duplicate', 'warning'] })
  severity!: ImportProblem['severity'];
}

export class ImportTotalsResponse implements ImportTotals {
  @ApiProperty({ type: Number }) new!: number;
  @ApiProperty({ type: Number }) changed!: number;
  @ApiProperty({ type: Number }) unchanged!: number;
  @ApiProperty({ type: Number }) refused!: number;
  @ApiProperty({ type: Number }) duplicates!: number;
}

export class ImportProgressResponse implements ImportProgress {
  @ApiProperty({ type: Number }) rowsDone!: number;
  @ApiProperty({ type: Number }) rowsTotal!: number;
}

export class ImportProblemsPageResponse {
  @ApiProperty({ type: Number }) page!: number;
  @ApiProperty({ type: Number }) pageSize!: number;
  @ApiProperty({ type: Number }) total!: number;
}

export class ImportJobResponse implements ImportJobView {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty({ type: String, format: 'uuid' }) organisationId!: string;
  @ApiProperty({ type: String }) fileName!: string;
  @ApiProperty({ type: Boolean }) dryRun!: boolean;
  @ApiProperty({ enum: IMPORT_JOB_STATUSES }) status!: ImportJobStatus;
  @ApiProperty({ type: ImportProgressResponse }) progress!: ImportProgressResponse;
  @ApiProperty({ type: ImportTotalsResponse }) totals!: ImportTotalsResponse;
  @ApiProperty({ type: [ImportProblemResponse] }) problems!: ImportProblemResponse[];
  @ApiProperty({ type: ImportProblemsPageResponse }) problemsPage!: ImportProblemsPageResponse;
  @ApiProperty({ type: String, nullable: true, description: 'Dutch, when status is failed' })
  failure!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) dryRunJobId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) runJobId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
}
