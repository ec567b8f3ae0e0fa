import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import {
  ConsentDto,
  CreateProposalDto,
  EmployerAnswerDto,
  ProposalListQuery,
  StatusChangeDto,
} from './proposal.dto';
import { ProposalsService } from './proposals.service';
import {
  ProposalEventResponse,
  ProposalPageResponse,
  ProposalResponse,
} from './proposals.responses';
import { ApiProblemResponses } from '@werkbrug/http';

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Get()
  @ApiOkResponse({ type: ProposalPageResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'List proposals' })
  @ApiProblemResponses(400, 422)
  list(@CurrentActor() actor: Actor, @Query() query: ProposalListQuery) {
    return this.proposals.list(actor, query);
  }

  @Post()
  @ApiCreatedResponse({ type: ProposalResponse })
  @Access('werkmakelaar')
  @ApiOperation({
    summary: 'Propose a candidate for a workplace; the candidate is asked for consent first',
  })
  @ApiProblemResponses(400, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProposalDto) {
    return this.proposals.create(actor, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProposalResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'One proposal' })
  @ApiProblemResponses(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.proposals.get(actor, id);
  }

  @Get(':id/events')
  @ApiOkResponse({ type: [ProposalEventResponse] })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'The history of a proposal' })
  @ApiProblemResponses(400, 404)
  events(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.proposals.events(actor, id);
  }

  @Post(':id/consent')
  @ApiOkResponse({ type: ProposalResponse })
  @Access('kandidaat')
  @HttpCode(200)
  @ApiOperation({ summary: 'The candidate agrees; only now does the employer see the proposal' })
  @ApiProblemResponses(400, 404, 422)
  consent(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ConsentDto,
  ) {
    return this.proposals.consent(actor, id, dto);
  }

  @Post(':id/consent/withdraw')
  @ApiOkResponse({ type: ProposalResponse })
  @Access('kandidaat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw consent: the shared data disappears from the employer view at once',
  })
  @ApiProblemResponses(400, 404)
  withdraw(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.proposals.withdrawConsent(actor, id);
  }

  @Post(':id/answer')
  @ApiOkResponse({ type: ProposalResponse })
  @Access('werkgever')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Employer answers: interested (with meeting and dates), not now, or declined with a reason',
  })
  @ApiProblemResponses(400, 404, 422)
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EmployerAnswerDto,
  ) {
    return this.proposals.answer(actor, id, dto);
  }

  @Post(':id/status')
  @ApiOkResponse({ type: ProposalResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the proposal on (illegal steps: 409 with the allowed next steps)',
  })
  @ApiProblemResponses(400, 404, 422)
  status(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: StatusChangeDto,
  ) {
    return this.proposals.changeStatus(actor, id, dto);
  }
}
