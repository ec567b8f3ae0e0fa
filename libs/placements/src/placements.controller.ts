import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import { ArrangementRulesService } from './arrangement-rules.service';
import { PlacementAttentionService } from './placement-attention.service';
import {
  AdjustPlacementDto,
  ConfirmPlacementDto,
  CreateCheckinDto,
  CreatePlacementDto,
  CreateRuleDto,
  EndPlacementDto,
  ExtendPlacementDto,
  PlacementListQuery,
  RecordPhoneAgreementDto,
  RequestPlacementChangeDto,
} from './placement.dto';
import { PlacementsService } from './placements.service';
import {
  AttentionResponse,
  CheckinResponse,
  CheckinListItemResponse,
  PlacementPageResponse,
  PlacementResponse,
  ArrangementRuleResponse,
} from './placements.responses';

@ApiTags('placements')
@ApiBearerAuth()
@Controller()
export class PlacementsController {
  constructor(
    private readonly placements: PlacementsService,
    private readonly attention: PlacementAttentionService,
    private readonly rules: ArrangementRulesService,
  ) {}

  @Get('placements')
  @ApiOkResponse({ type: PlacementPageResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'List placements' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: PlacementListQuery) {
    return this.placements.list(actor, query);
  }

  @Post('placements')
  @ApiCreatedResponse({ type: PlacementResponse })
  @Access('werkmakelaar')
  @ApiOperation({
    summary:
      'Start a placement: te_bevestigen until the employer confirms (needs a free place, fills it on confirmation; refused beyond the arrangement rule, which is quoted)',
  })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePlacementDto) {
    return this.placements.create(actor, dto);
  }

  @Get('placements/attention')
  @ApiOkResponse({ type: AttentionResponse })
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Needs attention: no contact in 14 days, planned end within 14 days' })
  needsAttention(@CurrentActor() actor: Actor) {
    return this.attention.forOrganisation(actor);
  }

  @Get('placements/:id')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'One placement' })
  @ApiProblemResponses(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.placements.get(actor, id);
  }

  @Post('placements/:id/extend')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend a placement (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendPlacementDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.extend(actor, id, dto, ifMatch);
  }

  @Post('placements/:id/end')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a placement with an outcome (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndPlacementDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.end(actor, id, dto, ifMatch);
  }

  @Post('placements/:id/confirm')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkgever')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The employer confirms the placement (If-Match): it fills a place and counts in the reports',
  })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  confirm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConfirmPlacementDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.confirm(actor, id, dto, ifMatch);
  }

  @Post('placements/:id/request-change')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkgever')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The employer asks for a change before confirming, saying what (If-Match)',
  })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  requestChange(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RequestPlacementChangeDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.requestChange(actor, id, dto, ifMatch);
  }

  @Post('placements/:id/record-phone-agreement')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record that the employer agreed by phone, on a day not in the future, with a note (If-Match)',
  })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  recordPhoneAgreement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordPhoneAgreementDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.recordPhoneAgreement(actor, id, dto, ifMatch);
  }

  @Post('placements/:id/adjust')
  @ApiOkResponse({ type: PlacementResponse })
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Change start, planned end and hours of a placement the employer has not confirmed, and ask the employer again (If-Match)',
  })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  adjust(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AdjustPlacementDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.placements.adjust(actor, id, dto, ifMatch);
  }

  @Post('checkins')
  @ApiCreatedResponse({ type: CheckinResponse })
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Log a contact moment with a candidate (optionally for a placement)' })
  @ApiProblemResponses(400, 422)
  checkin(@CurrentActor() actor: Actor, @Body() dto: CreateCheckinDto) {
    return this.placements.checkin(actor, dto);
  }

  @Get('candidates/:id/checkins')
  @ApiOkResponse({ type: [CheckinListItemResponse] })
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Contact moments with a candidate' })
  @ApiProblemResponses(400, 404)
  checkins(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.placements.checkins(actor, id);
  }

  @Get('arrangement-rules')
  @ApiOkResponse({ type: [ArrangementRuleResponse] })
  @Access('admin', 'werkmakelaar', 'werkgever')
  @ApiOperation({ summary: 'Arrangement rules, every version' })
  listRules() {
    return this.rules.list();
  }

  @Post('arrangement-rules')
  @ApiCreatedResponse({ type: ArrangementRuleResponse })
  @Access('admin')
  @ApiOperation({ summary: 'A new rule version; the one in force ends the day before' })
  @ApiProblemResponses(400, 422)
  createRule(@Body() dto: CreateRuleDto) {
    return this.rules.create(dto);
  }
}
