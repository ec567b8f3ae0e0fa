import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { IfMatchVersion, ApiProblemResponses } from '@werkbrug/http';
import { LadderService } from './ladder.service';
import { TrajectoriesService } from './trajectories.service';
import { TrajectoryRulesService } from './trajectory-rules.service';
import {
  CreateGoalDto,
  CreateLadderMeasurementDto,
  CreateTrajectoryDto,
  CreateTrajectoryRuleDto,
  CreateTransitionDto,
  EndTrajectoryDto,
  LogHoursDto,
  TrajectoryListQuery,
  TrajectoryRuleQuery,
  UpdateGoalDto,
} from './trajectory.dto';
import {
  LadderHistoryView,
  LadderOverdueList,
  LearningGoalView,
  TrajectoryList,
  TrajectoryRuleList,
  TrajectoryRuleView,
  TrajectoryView,
} from './trajectory.view';

@ApiTags('trajectories')
@ApiBearerAuth()
@Controller()
export class TrajectoriesController {
  constructor(
    private readonly trajectories: TrajectoriesService,
    private readonly ladder: LadderService,
    private readonly rules: TrajectoryRulesService,
  ) {}

  @Get('trajectories')
  @Access('werkmakelaar')
  @ApiOkResponse({ type: TrajectoryList })
  @ApiOperation({ summary: 'List trajectories' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: TrajectoryListQuery) {
    return this.trajectories.list(actor, query);
  }

  @Post('trajectories')
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Open a trajectory for a candidate of your organisation' })
  @ApiCreatedResponse({ type: TrajectoryView })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTrajectoryDto) {
    return this.trajectories.create(actor, dto);
  }

  @Get('trajectories/:id')
  @Access('werkmakelaar')
  @ApiOperation({
    summary: 'A trajectory: hours and phase, learning goals, switches, earlier forms',
  })
  @ApiOkResponse({ type: TrajectoryView })
  @ApiProblemResponses(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.trajectories.get(actor, id);
  }

  @Post('trajectories/:id/end')
  @Access('werkmakelaar')
  @HttpCode(200)
  @ApiOkResponse({ type: TrajectoryView })
  @ApiOperation({ summary: 'End a trajectory with a result (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndTrajectoryDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.trajectories.end(actor, id, dto, ifMatch);
  }

  @Post('trajectories/:id/hours')
  @Access('werkmakelaar')
  @ApiOperation({
    summary:
      'Log the hours of one week (refused beyond the hour limit unless overrideReason is given)',
  })
  @ApiCreatedResponse({ type: TrajectoryView })
  @ApiProblemResponses(400, 404, 422)
  logHours(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: LogHoursDto,
  ) {
    return this.trajectories.logHours(actor, id, dto);
  }

  @Post('trajectories/:id/goals')
  @Access('werkmakelaar')
  @ApiOperation({ summary: 'Add a learning goal to the plan van aanpak' })
  @ApiCreatedResponse({ type: LearningGoalView })
  @ApiProblemResponses(400, 404, 422)
  addGoal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateGoalDto,
  ) {
    return this.trajectories.addGoal(actor, id, dto);
  }

  @Patch('learning-goals/:id')
  @Access('werkmakelaar')
  @ApiOkResponse({ type: LearningGoalView })
  @ApiOperation({ summary: 'Update a learning goal (If-Match)' })
  @ApiProblemResponses(400, 404, 409, 422, 428)
  updateGoal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateGoalDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.trajectories.updateGoal(actor, id, dto, ifMatch);
  }

  @Post('trajectories/:id/transitions')
  @Access('werkmakelaar')
  @ApiOperation({
    summary:
      'Simpel Switchen: move to another form of work (either direction) without ending the trajectory',
  })
  @ApiCreatedResponse({ type: TrajectoryView })
  @ApiProblemResponses(400, 404, 422)
  switchForm(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateTransitionDto,
  ) {
    return this.trajectories.switchForm(actor, id, dto);
  }

  @Get('candidates/:id/ladder')
  @Access('werkmakelaar')
  @ApiOperation({
    summary: 'Participatieladder history, path and whether a measurement is overdue',
  })
  @ApiOkResponse({ type: LadderHistoryView })
  @ApiProblemResponses(400, 404)
  ladderHistory(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.ladder.history(actor, id);
  }

  @Post('candidates/:id/ladder')
  @Access('werkmakelaar')
  @ApiCreatedResponse({ type: LadderHistoryView })
  @ApiOperation({ summary: 'Record a participation ladder measurement' })
  @ApiProblemResponses(400, 404, 422)
  measure(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateLadderMeasurementDto,
  ) {
    return this.ladder.measure(actor, id, dto);
  }

  @Get('ladder/overdue')
  @Access('werkmakelaar')
  @ApiOperation({
    summary: 'Candidates in a trajectory whose ladder measurement is overdue (> 6 months)',
  })
  @ApiOkResponse({ type: LadderOverdueList })
  overdue(@CurrentActor() actor: Actor) {
    return this.ladder.overdue(actor);
  }

  @Get('trajectory-rules')
  @Access('admin', 'werkmakelaar')
  @ApiOkResponse({ type: TrajectoryRuleList })
  @ApiOperation({ summary: 'Trajectory rules (hours), every version' })
  @ApiProblemResponses(400, 422)
  listRules(@CurrentActor() actor: Actor, @Query() query: TrajectoryRuleQuery) {
    return this.rules.list(actor, query.organisationId);
  }

  @Post('trajectory-rules')
  @Access('admin')
  @ApiOperation({
    summary: 'A new hour-rule version for an organisation; the one in force ends the day before',
  })
  @ApiCreatedResponse({ type: TrajectoryRuleView })
  @ApiProblemResponses(400, 422)
  createRule(@Body() dto: CreateTrajectoryRuleDto) {
    return this.rules.create(dto);
  }
}
