import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, type Actor, CurrentActor } from '@werkbrug/auth';
import { ApiProblemResponses, IfMatchVersion } from '@werkbrug/http';
import {
  CancelMeetingDto,
  MeetingOutcomeDto,
  MoveMeetingDto,
  OfferMeetingDto,
  PickMeetingDto,
} from './meeting.dto';
import { MeetingsService } from './meetings.service';
import { MeetingResponse } from './meetings.responses';
import { ProposalsService } from './proposals.service';

/**
 * The kennismaking and meeloopdag of a proposal. Who may see a meeting is who may see its proposal;
 * the role rules: the employer offers (or the werkmakelaar), the candidate picks (or the
 * werkmakelaar), any of the three moves or cancels, each records its own outcome.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
  ) {}

  @Get('proposals/:id/meetings')
  @ApiOkResponse({ type: [MeetingResponse] })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'The meetings of a proposal, newest first' })
  @ApiProblemResponses(400, 404)
  list(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.forProposal(actor, id);
  }

  @Post('proposals/:id/meetings')
  @ApiCreatedResponse({ type: MeetingResponse })
  @Access('werkgever', 'werkmakelaar')
  @ApiOperation({
    summary:
      'Offer one to three moments for a kennismaking or meeloopdag; the candidate and the others get a mail',
  })
  @ApiProblemResponses(400, 404, 409, 422)
  offer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OfferMeetingDto,
  ) {
    return this.proposals.offerMeeting(actor, id, dto);
  }

  @Get('meetings/:id')
  @ApiOkResponse({ type: MeetingResponse })
  @Access('werkmakelaar', 'kandidaat', 'werkgever')
  @ApiOperation({ summary: 'One meeting' })
  @ApiProblemResponses(400, 404)
  get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return this.meetings.get(actor, id);
  }

  @Post('meetings/:id/pick')
  @ApiOkResponse({ type: MeetingResponse })
  @Access('kandidaat', 'werkmakelaar')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pick an offered moment; all three get a mail with a calendar invitation (.ics)',
  })
  @ApiProblemResponses(400, 404, 409, 422)
  pick(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PickMeetingDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.meetings.pick(actor, id, dto, ifMatch);
  }

  @Post('meetings/:id/move')
  @ApiOkResponse({ type: MeetingResponse })
  @Access('werkgever', 'kandidaat', 'werkmakelaar')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the meeting: new moments (employer, werkmakelaar), or ask for other ones; the others are told',
  })
  @ApiProblemResponses(400, 403, 404, 409, 422)
  move(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MoveMeetingDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.meetings.move(actor, id, dto, ifMatch);
  }

  @Post('meetings/:id/cancel')
  @ApiOkResponse({ type: MeetingResponse })
  @Access('werkgever', 'kandidaat', 'werkmakelaar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel the meeting, with a reason; the others are told' })
  @ApiProblemResponses(400, 404, 409, 422)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelMeetingDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.meetings.cancel(actor, id, dto, ifMatch);
  }

  @Post('meetings/:id/outcome')
  @ApiOkResponse({ type: MeetingResponse })
  @Access('werkgever', 'kandidaat', 'werkmakelaar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record how it went, for your own side (after the agreed moment)' })
  @ApiProblemResponses(400, 404, 409, 422)
  outcome(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MeetingOutcomeDto,
    @IfMatchVersion() ifMatch: number | undefined,
  ) {
    return this.meetings.recordOutcome(actor, id, dto, ifMatch);
  }
}
