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
  CreateCheckinDto,
  CreatePlacementDto,
  CreateRuleDto,
  EndPlacementDto,
  ExtendPlacementDto,
  PlacementListQuery,
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
      'Start a placement (fills a place; refused beyond the arrangement rule, which is quoted)',
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
