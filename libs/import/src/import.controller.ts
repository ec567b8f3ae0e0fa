import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Headers,
  HttpCode,
  Injectable,
  NestInterceptor,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import type { Response } from 'express';
import type {} from 'multer';
import { catchError, type Observable, throwError } from 'rxjs';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { PURPOSE_HEADER, purposeFrom } from '@werkbrug/audit';
import { ApiProblemResponses, ProblemException, Problems } from '@werkbrug/http';
import { ExportService } from './export.service';
import { ImportJobResponse } from './import.responses';
import { ImportService } from './import.service';
import {
  type DownloadFile,
  FILE_FORMATS,
  type FileFormat,
  IMPORT_KINDS,
  type ImportKind,
} from './import.types';
import { MAX_FILE_BYTES } from './read-file';

export class ImportUploadDto {
  @ApiPropertyOptional({ description: 'Defaults to your own organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'true', description: 'Dry run first' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
  @ApiPropertyOptional({
    description: 'JSON object of file header → template header, e.g. {"Mijn kolom": "Voornaam"}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  mapping?: string;
  @ApiPropertyOptional({
    description: 'Why protected candidate columns are imported (audited); or the X-Purpose header',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;
}

export class ImportJobQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1, description: 'Page of the findings' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;
}

export class ExportQuery {
  @ApiPropertyOptional({ description: 'Defaults to your own organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
  @ApiPropertyOptional({
    description:
      'Why the protected candidate columns are exported (or X-Purpose); without it they are left out',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  purpose?: string;
}

/** Multer's "file too large" as the import's own Dutch problem. */
@Injectable()
class UploadLimits implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException
              ? new ProblemException(
                  413,
                  'IMPORT_FILE_TOO_LARGE',
                  'File too large',
                  'Het bestand is groter dan 50 MB. Werkbrug leest bestanden tot 50 MB: splits het bestand in delen.',
                )
              : error,
          ),
        ),
      );
  }
}

const kindOf = (raw: string): ImportKind => {
  if ((IMPORT_KINDS as readonly string[]).includes(raw)) return raw as ImportKind;
  throw Problems.notFound(`Import kind "${raw.slice(0, 40)}"`);
};

/** "candidates.xlsx" → kind and format. */
const fileOf = (raw: string): { kind: ImportKind; format: FileFormat } => {
  const [kind = '', format = ''] = raw.split('.');
  if (!(FILE_FORMATS as readonly string[]).includes(format))
    throw Problems.notFound(`File "${raw.slice(0, 40)}"`);
  return { kind: kindOf(kind), format: format as FileFormat };
};

const download = (file: DownloadFile) =>
  new StreamableFile(file.bytes, {
    type: file.contentType,
    disposition: `attachment; filename="${file.fileName}"`,
    length: file.bytes.length,
  });

const FILE_DOC = {
  description: 'CSV (; and BOM) or XLSX',
  schema: { type: 'string', format: 'binary' },
};

@ApiTags('import and export')
@ApiBearerAuth()
@Controller()
export class ImportController {
  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
  ) {}

  @Post('import/:kind')
  @HttpCode(202)
  @Access('admin', 'werkmakelaar')
  @UseInterceptors(
    UploadLimits,
    FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES + 1, files: 1, fields: 10 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        organisationId: { type: 'string', format: 'uuid' },
        dryRun: { type: 'string', enum: ['true', 'false'] },
        mapping: { type: 'string' },
        purpose: { type: 'string' },
      },
    },
  })
  @ApiOperation({
    summary: 'Upload a CSV or XLSX file of candidates, employers or workplaces: queued as a job',
  })
  @ApiAcceptedResponse({ type: ImportJobResponse, description: 'Location: the job' })
  @ApiProblemResponses(400, 403, 404, 413, 422)
  async submit(
    @CurrentActor() actor: Actor,
    @Param('kind') rawKind: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportUploadDto,
    @Headers(PURPOSE_HEADER) purposeHeader: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobResponse> {
    const kind = kindOf(rawKind);
    if (!file)
      throw Problems.validation(
        [{ field: 'file', message: 'send the file as multipart/form-data field "file"' }],
        'Kies een bestand (Excel .xlsx of CSV).',
      );
    let mapping: Record<string, string> | undefined;
    if (body.mapping) {
      try {
        mapping = JSON.parse(body.mapping) as Record<string, string>;
      } catch {
        throw Problems.validation(
          [{ field: 'mapping', message: 'not JSON' }],
          'De koppeling is geen geldige JSON, bijvoorbeeld {"Mijn kolom": "Voornaam"}.',
        );
      }
    }
    const job = await this.imports.submit(actor, {
      kind,
      organisationId: body.organisationId ?? actor.organisationId,
      fileName: file.originalname,
      bytes: file.buffer,
      dryRun: body.dryRun !== 'false',
      mapping,
      purpose: purposeFrom(body.purpose) ?? purposeFrom(purposeHeader) ?? undefined,
    });
    res.setHeader('Location', `/api/import/jobs/${job.id}`);
    return job;
  }

  @Get('import/jobs/:id')
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'An import job: status, progress, totals and a page of findings' })
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiProblemResponses(400, 404)
  job(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ImportJobQuery,
  ): Promise<ImportJobResponse> {
    return this.imports.job(actor, id, query.page ?? 1);
  }

  @Post('import/jobs/:id/run')
  @HttpCode(202)
  @Access('admin', 'werkmakelaar')
  @ApiOperation({ summary: 'Start the real run of a finished dry run (same file)' })
  @ApiAcceptedResponse({ type: ImportJobResponse })
  @ApiProblemResponses(400, 404, 409)
  async run(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ImportJobResponse> {
    const job = await this.imports.run(actor, id);
    res.setHeader('Location', `/api/import/jobs/${job.id}`);
    return job;
  }

  @Get('import/jobs/:id/report.csv')
  @Access('admin', 'werkmakelaar')
  @ApiProduces('text/csv')
  @ApiOkResponse(FILE_DOC)
  @ApiOperation({ summary: 'The report of an import job as CSV' })
  @ApiProblemResponses(400, 404)
  async reportCsv(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return download(await this.imports.reportFile(actor, id, 'csv'));
  }

  @Get('import/jobs/:id/report.xlsx')
  @Access('admin', 'werkmakelaar')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse(FILE_DOC)
  @ApiOperation({ summary: 'The report of an import job as XLSX' })
  @ApiProblemResponses(400, 404)
  async reportXlsx(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return download(await this.imports.reportFile(actor, id, 'xlsx'));
  }

  @Get('import/templates/:file')
  @Access('admin', 'werkmakelaar')
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse(FILE_DOC)
  @ApiOperation({
    summary: 'The template of a kind with one example row: candidates.csv, employers.xlsx, …',
  })
  @ApiProblemResponses(404)
  async template(@Param('file') raw: string) {
    const { kind, format } = fileOf(raw);
    return download(await this.imports.templateFile(kind, format));
  }

  @Get('export/:file')
  @Access('admin', 'werkmakelaar')
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description:
      'With it, a werkmakelaar of the organisation also gets the protected candidate columns',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse(FILE_DOC)
  @ApiOperation({
    summary: 'An organisation’s candidates, employers or workplaces in the template’s columns',
  })
  @ApiProblemResponses(400, 403, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Param('file') raw: string,
    @Query() query: ExportQuery,
    @Headers(PURPOSE_HEADER) purposeHeader: string | undefined,
  ) {
    const { kind, format } = fileOf(raw);
    return download(
      await this.exports.exportFile(actor, {
        kind,
        format,
        organisationId: query.organisationId ?? actor.organisationId,
        purpose: purposeFrom(query.purpose) ?? purposeFrom(purposeHeader) ?? undefined,
      }),
    );
  }
}
