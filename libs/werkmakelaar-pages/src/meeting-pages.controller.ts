import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  asProposalView,
  isMeetingConflict,
  MeetingsService,
  MoveMeetingDto,
  OfferMeetingDto,
  ProposalsService,
} from '@werkbrug/proposals';
import {
  actorOf,
  cancelInput,
  cancelQuestion,
  meetingTarget,
  outcomeInput,
  pickInput,
  confirmed,
  field,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { checkMoments, momentField, readMoments } from '@werkbrug/werkgever-pages';
import {
  BROKER_OUTCOMES,
  brokerMeetingPageView,
  type BrokerMeetingValues,
  emptyBrokerMeeting,
} from './meeting.view';

const readValues = (body: FormBody): BrokerMeetingValues => ({
  meetingKind: field(body, 'meetingKind'),
  moments: readMoments(body),
  option: field(body, 'option'),
  moveReason: field(body, 'moveReason'),
  cancelReason: field(body, 'cancelReason'),
  outcome: field(body, 'outcome'),
  outcomeNote: field(body, 'outcomeNote'),
});

/**
 * The werkmakelaar and a proposal's kennismaking or meeloopdag: pick a moment on behalf of the
 * candidate (from the proposal page), offer or move moments on behalf of the employer, cancel
 * (after asking), and record how it went. The rules and the mails are MeetingsService's.
 */
@WebController('werkmakelaar/voorstellen')
export class BrokerMeetingPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
  ) {}

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    values?: BrokerMeetingValues,
    extra: { errors?: FormErrors; conflict?: boolean } = {},
    status = 200,
  ) {
    const actor = actorOf(req);
    const p = asProposalView(await this.proposals.get(actor, id));
    const meetings = await this.meetings.forProposal(actor, id);
    const start = values ?? emptyBrokerMeeting(await this.meetings.defaultsForProposal(actor, id));
    this.pages.send(
      req,
      res,
      'werkmakelaar/afspraak',
      brokerMeetingPageView(p, meetings, start, extra),
      status,
    );
  }

  private async attempt(
    req: WebRequest,
    res: Response,
    id: string,
    change: () => Promise<unknown>,
    notice: string,
  ) {
    try {
      await change();
    } catch (error) {
      if (isMeetingConflict(error))
        return this.page(req, res, id, undefined, { conflict: true }, 409);
      throw error;
    }
    await this.pages.tell(req, notice);
    res.redirect(303, `/werkmakelaar/voorstellen/${id}`);
  }

  @Get(':id/afspraak')
  @WebAccess('werkmakelaar')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.page(req, res, id);
  }

  /** Moments on behalf of the employer: a new meeting, or the running one moved (new moments, or none: ask the employer). */
  @Post(':id/afspraak')
  @WebAccess('werkmakelaar')
  async offer(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readValues(body);
    const { meetingId, version } = meetingTarget(body);
    const errors = new FormErrors();
    if (!meetingId && !['kennismaking', 'meeloopdag'].includes(values.meetingKind))
      errors.add('meetingKind', 'Kies een kennismakingsgesprek of een meeloopdag');
    // Moving without new moments asks the employer for them.
    const options = checkMoments(values.moments, new Date(), errors, !meetingId);
    const words = { options: { field: momentField(1, 'Date'), message: 'Controleer de momenten' } };
    let dto: MoveMeetingDto | OfferMeetingDto | null = null;
    if (options && !errors.any)
      dto = meetingId
        ? await validateAsDto(
            MoveMeetingDto,
            {
              ...(options.length ? { options } : {}),
              ...(values.moveReason ? { reason: values.moveReason } : {}),
              version,
            },
            {
              ...words,
              reason: { field: 'moveReason', message: 'Maak de reden korter dan 500 tekens' },
            },
            errors,
            'moveReason',
          )
        : await validateAsDto(
            OfferMeetingDto,
            { kind: values.meetingKind, options },
            words,
            errors,
            'meetingKind',
          );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    const move = dto instanceof MoveMeetingDto ? dto : null;
    await this.attempt(
      req,
      res,
      id,
      () =>
        move
          ? this.meetings.move(actor, meetingId, move)
          : this.proposals.offerMeeting(actor, id, dto as OfferMeetingDto),
      move
        ? move.options
          ? 'De afspraak is verzet. De kandidaat en de werkgever krijgen de nieuwe momenten.'
          : 'De afspraak is verzet. De werkgever wordt gevraagd nieuwe momenten voor te stellen.'
        : 'De momenten zijn verstuurd. De kandidaat en de werkgever krijgen een mail.',
    );
  }

  /** Picks a moment on behalf of the candidate: all three get the invitation. */
  @Post(':id/afspraak/kiezen')
  @WebAccess('werkmakelaar')
  async pick(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readValues(body);
    const target = meetingTarget(body);
    const errors = new FormErrors();
    const dto = await pickInput(target, values.option, errors);
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.pick(actor, target.meetingId, dto),
      'Het moment is gekozen. De kandidaat, de werkgever en u krijgen een mail met de afspraak.',
    );
  }

  @Post(':id/afspraak/afzeggen')
  @WebAccess('werkmakelaar')
  async cancel(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readValues(body);
    const target = meetingTarget(body);
    const errors = new FormErrors();
    const dto = await cancelInput(
      target,
      values.cancelReason,
      'Schrijf kort op waarom de afspraak niet doorgaat (hoogstens 500 tekens)',
      errors,
    );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    if (!confirmed(req))
      return this.pages.confirm(
        req,
        res,
        cancelQuestion(`/werkmakelaar/voorstellen/${id}/afspraak`, target, values.cancelReason, {
          title: 'Wilt u de afspraak afzeggen?',
          consequences: [
            'De kandidaat en de werkgever krijgen een mail dat de afspraak niet doorgaat.',
            'De werkgever ziet uw reden niet; de kandidaat wel.',
            'Een nieuwe afspraak begint met nieuwe momenten.',
          ],
        }),
      );
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.cancel(actor, target.meetingId, dto),
      'De afspraak is afgezegd. De kandidaat en de werkgever krijgen bericht.',
    );
  }

  @Post(':id/afspraak/verslag')
  @WebAccess('werkmakelaar')
  async outcome(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readValues(body);
    const target = meetingTarget(body);
    const errors = new FormErrors();
    const dto = await outcomeInput(
      target,
      values,
      BROKER_OUTCOMES,
      'Maak de toelichting korter dan 2000 tekens',
      errors,
    );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.recordOutcome(actor, target.meetingId, dto),
      'Opgeslagen hoe de afspraak ging.',
    );
  }
}
