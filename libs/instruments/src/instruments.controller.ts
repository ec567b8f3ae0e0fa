import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor, ROLES } from '@werkbrug/auth';
import { CandidateInstrumentsService } from './candidate-instruments.service';
import {
  AgreeInstrumentsDto,
  CalculateDto,
  CandidateInstrumentsQuery,
  CandidateInstrumentsView,
  CatalogueQuery,
  CatalogueView,
  CreateRuleVersionDto,
  InstrumentAnswerView,
  InstrumentHistoryView,
  PlacementInstrumentsView,
  RuleVersionView,
} from './instrument.dto';
import { InstrumentsService } from './instruments.service';
import { PlacementInstrumentsService } from './placement-instruments.service';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('instruments')
@ApiBearerAuth()
@Controller()
export class InstrumentsController {
  constructor(
    private readonly instruments: InstrumentsService,
    private readonly candidates: CandidateInstrumentsService,
    private readonly placements: PlacementInstrumentsService,
  ) {}

  @Post('instruments/calculate')
  @Access(...ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Anonymous scenario calculator: which instruments apply and what they are worth (indicative)',
  })
  @ApiOkResponse({ type: InstrumentAnswerView })
  @ApiProblemResponses(400, 422)
  calculate(@CurrentActor() actor: Actor, @Body() dto: CalculateDto) {
    return this.instruments.calculate(actor, dto);
  }

  @Get('instruments')
  @Access(...ROLES)
  @ApiOperation({
    summary: 'The instruments with the rule versions in force on ?date= (default today)',
  })
  @ApiOkResponse({ type: CatalogueView })
  @ApiProblemResponses(400, 422)
  catalogue(@CurrentActor() actor: Actor, @Query() query: CatalogueQuery) {
    return this.instruments.catalogue(actor, query);
  }

  @Get('instruments/:code')
  @Access(...ROLES)
  @ApiOperation({ summary: 'One instrument with every rule version (history, newest first)' })
  @ApiOkResponse({ type: InstrumentHistoryView })
  @ApiProblemResponses(400, 404)
  history(@Param('code') code: string) {
    return this.instruments.history(code);
  }

  @Post('instruments/:code/versions')
  @Access('admin')
  @ApiOperation({
    summary:
      'A new rule version: it ends the version in force the day before; overlap is 409; past versions are never edited',
  })
  @ApiCreatedResponse({ type: RuleVersionView })
  @ApiProblemResponses(400, 404, 422)
  createVersion(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: CreateRuleVersionDto,
  ) {
    return this.instruments.createVersion(actor, code, dto);
  }

  @Get('candidates/:id/instruments')
  @Access('werkmakelaar', 'kandidaat')
  @ApiOperation({
    summary:
      'Instruments for this candidate at a workplace: the werkmakelaar sees the facts used (audited), the candidate B1 texts',
  })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description:
      'Required for werkmakelaars (400 PURPOSE_REQUIRED without it): why; kept in the audit trail',
  })
  @ApiOkResponse({ type: CandidateInstrumentsView })
  @ApiProblemResponses(400, 404, 422)
  forCandidate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CandidateInstrumentsQuery,
    @Headers('x-purpose') purpose: string | undefined,
  ) {
    return this.candidates.forCandidate(actor, id, query, purpose);
  }

  @Post('placements/:id/instruments')
  @Access('werkmakelaar')
  @ApiOperation({
    summary:
      'Agree instruments on a placement: the calculation (rule versions, amounts) is kept and its deadlines are watched',
  })
  @ApiCreatedResponse({ type: PlacementInstrumentsView })
  @ApiProblemResponses(400, 404, 422)
  agree(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AgreeInstrumentsDto,
  ) {
    return this.placements.agree(actor, id, dto);
  }

  @Get('placements/:id/instruments')
  @Access('werkmakelaar', 'kandidaat')
  @ApiOperation({ summary: 'The instruments agreed on a placement, with their kept calculation' })
  @ApiHeader({
    name: 'X-Purpose',
    required: false,
    description:
      'Required for werkmakelaars once instruments are agreed: why; kept in the audit trail',
  })
  @ApiOkResponse({ type: PlacementInstrumentsView })
  @ApiProblemResponses(400, 404)
  agreed(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('x-purpose') purpose: string | undefined,
  ) {
    return this.placements.get(actor, id, purpose);
  }
}
