import { Controller, Get, Headers, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { PURPOSE_HEADER, purposeFrom, purposeRequired } from '@werkbrug/audit';
import { CandidateExport } from './export.dto';
import { ExportService } from './export.service';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('candidates')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get(':id/export')
  @Access('kandidaat', 'werkmakelaar')
  @ApiOperation({
    summary: 'Everything held about a candidate as JSON (AVG art. 15/20); audited',
    description:
      'The candidate exports their own file; a werkmakelaar of their organisation exports it on ' +
      'the candidate’s request and must say so in X-Purpose.',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description: 'Required for werkmakelaars: why the file is exported; kept in the audit trail',
  })
  @ApiOkResponse({ type: CandidateExport })
  @ApiProblemResponses(400, 404)
  async export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers(PURPOSE_HEADER) header: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CandidateExport> {
    const purpose = purposeFrom(header);
    if (actor.role === 'werkmakelaar' && !purpose) throw purposeRequired();
    const document = await this.exports.export(actor, id, purpose);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="werkbrug-export-${id}.json"`);
    return document;
  }
}
