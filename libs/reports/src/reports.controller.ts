import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import {
  DurabilityReport,
  FermWerkQuery,
  FermWerkReport,
  FunnelReport,
  LadderProgressReport,
  ReportQuery,
} from './report.dto';
import { ReportsService } from './reports.service';
import { ApiProblemResponses } from '@werkbrug/http';

const CSV_TYPE = 'text/csv; charset=utf-8';
const csvFile = (name: string) => `attachment; filename="${name}.csv"`;
const CSV_DOC = {
  description: 'CSV (comma separated, UTF-8); cells below 5 are shown as <5',
  schema: { type: 'string' },
};

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
@Access('admin', 'werkmakelaar')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('ferm-werk')
  @ApiOperation({
    summary: 'The Ferm Werk table: trajectories started and their results (rows add up to started)',
  })
  @ApiOkResponse({ type: FermWerkReport })
  @ApiProblemResponses(400, 422)
  fermWerk(@CurrentActor() actor: Actor, @Query() q: FermWerkQuery) {
    return this.reports.fermWerk(actor, q);
  }

  @Get('ferm-werk/csv')
  @Header('Content-Type', CSV_TYPE)
  @Header('Content-Disposition', csvFile('ferm-werk'))
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_DOC)
  @ApiOperation({ summary: 'The Ferm Werk table as CSV' })
  @ApiProblemResponses(400, 422)
  fermWerkCsv(@CurrentActor() actor: Actor, @Query() q: FermWerkQuery) {
    return this.reports.fermWerkCsv(actor, q);
  }

  @Get('funnel')
  @ApiOperation({ summary: 'The funnel (as in Haaren): people in view, coached, to work ...' })
  @ApiOkResponse({ type: FunnelReport })
  @ApiProblemResponses(400, 422)
  funnel(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.funnel(actor, q);
  }

  @Get('funnel/csv')
  @Header('Content-Type', CSV_TYPE)
  @Header('Content-Disposition', csvFile('trechter'))
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_DOC)
  @ApiOperation({ summary: 'The funnel as CSV' })
  @ApiProblemResponses(400, 422)
  funnelCsv(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.funnelCsv(actor, q);
  }

  @Get('durability')
  @ApiOperation({ summary: 'Of contracts in the period: still at work after 6 and 12 months' })
  @ApiOkResponse({ type: DurabilityReport })
  @ApiProblemResponses(400, 422)
  durability(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.durability(actor, q);
  }

  @Get('durability/csv')
  @Header('Content-Type', CSV_TYPE)
  @Header('Content-Disposition', csvFile('duurzaamheid'))
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_DOC)
  @ApiOperation({ summary: 'Durability as CSV' })
  @ApiProblemResponses(400, 422)
  durabilityCsv(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.durabilityCsv(actor, q);
  }

  @Get('ladder-progress')
  @ApiOperation({ summary: 'Share of people who went up at least one ladder rung within a year' })
  @ApiOkResponse({ type: LadderProgressReport })
  @ApiProblemResponses(400, 422)
  ladderProgress(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.ladderProgress(actor, q);
  }

  @Get('ladder-progress/csv')
  @Header('Content-Type', CSV_TYPE)
  @Header('Content-Disposition', csvFile('ladder'))
  @ApiProduces('text/csv')
  @ApiOkResponse(CSV_DOC)
  @ApiOperation({ summary: 'Ladder progress as CSV' })
  @ApiProblemResponses(400, 422)
  ladderProgressCsv(@CurrentActor() actor: Actor, @Query() q: ReportQuery) {
    return this.reports.ladderProgressCsv(actor, q);
  }
}
