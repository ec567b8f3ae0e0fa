import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  employerProposalView,
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
  confirmed,
  field,
  formBody,
  FormErrors,
  meetingTarget,
  outcomeInput,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  webId,
  type FormBody,
  type WebRequest,
} from '@werkbrug/web';
import { checkMoments, momentField, readMoments } from './meeting-moments.form';
import {
  type AfspraakValues,
  EMPLOYER_OUTCOMES,
  emptyAfspraak,
  toAfspraakView,
} from './meeting.view';

const readAfspraak = (body: FormBody): AfspraakValues => ({
  meetingKind: field(body, 'meetingKind'),
  moments: readMoments(body),
  moveReason: field(body, 'moveReason'),
  cancelReason: field(body, 'cancelReason'),
  outcome: field(body, 'outcome'),
  outcomeNote: field(body, 'outcomeNote'),
});

/**
 * The employer's page for the kennismaking or meeloopdag of a proposal: offer new moments, move,
 * cancel (after asking), and tell how it went. The rules and the mails are MeetingsService's.
 */
@WebController('werkgever/voorstellen')
export class EmployerMeetingPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
  ) {}

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    values?: AfspraakValues,
    extra: { errors?: FormErrors; conflict?: boolean } = {},
    status = 200,
  ) {
    const actor = actorOf(req);
    const p = employerProposalView(await this.proposals.get(actor, id));
    const meetings = await this.meetings.forProposal(actor, id);
    const start = values ?? emptyAfspraak(await this.meetings.defaultsForProposal(actor, id));
    const view = toAfspraakView(p, meetings, start, extra);
    this.pages.send(req, res, 'werkgever/afspraak', view, status);
  }

  /** Runs a change; a meeting that changed meanwhile shows the page as it is now (409). */
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
    res.redirect(303, `/werkgever/voorstellen/${id}`);
  }

  @Get(':id/afspraak')
  @WebAccess('werkgever')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    await this.page(req, res, id);
  }

  /** New moments: for the running meeting (moving it), or a new kennismaking or meeloopdag. */
  @Post(':id/afspraak')
  @WebAccess('werkgever')
  async offer(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readAfspraak(body);
    const { meetingId, version } = meetingTarget(body);
    const errors = new FormErrors();
    if (!meetingId && !['kennismaking', 'meeloopdag'].includes(values.meetingKind))
      errors.add('meetingKind', 'Kies een kennismakingsgesprek of een meeloopdag');
    const options = checkMoments(values.moments, new Date(), errors);
    if (values.moveReason.length > 500)
      errors.add('moveReason', 'Maak de reden korter dan 500 tekens');
    const words = { options: { field: momentField(1, 'Date'), message: 'Controleer de momenten' } };
    const dto =
      options && !errors.any
        ? meetingId
          ? await validateAsDto(
              MoveMeetingDto,
              { options, ...(values.moveReason ? { reason: values.moveReason } : {}), version },
              words,
              errors,
              momentField(1, 'Date'),
            )
          : await validateAsDto(
              OfferMeetingDto,
              { kind: values.meetingKind, options },
              words,
              errors,
              'meetingKind',
            )
        : null;
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    await this.attempt(
      req,
      res,
      id,
      () =>
        dto instanceof MoveMeetingDto
          ? this.meetings.move(actor, meetingId, dto)
          : this.proposals.offerMeeting(actor, id, dto as OfferMeetingDto),
      meetingId
        ? 'De afspraak is verzet. De kandidaat en de werkmakelaar krijgen de nieuwe momenten.'
        : 'De momenten zijn verstuurd. De kandidaat kiest er een. U krijgt een mail met de afspraak.',
    );
  }

  /** Calls the meeting off, after asking (the reason travels through the question page). */
  @Post(':id/afspraak/afzeggen')
  @WebAccess('werkgever')
  async cancel(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readAfspraak(body);
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
        cancelQuestion(`/werkgever/voorstellen/${id}/afspraak`, target, values.cancelReason, {
          title: 'Wilt u de afspraak afzeggen?',
          consequences: [
            'De kandidaat en de werkmakelaar krijgen een mail dat de afspraak niet doorgaat.',
            'De afspraak verdwijnt uit hun agenda als ze de uitnodiging hadden opgeslagen.',
            'Wilt u later toch kennismaken? Dan stelt u nieuwe momenten voor.',
          ],
        }),
      );
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.cancel(actor, target.meetingId, dto),
      'De afspraak is afgezegd. De kandidaat en de werkmakelaar krijgen bericht.',
    );
  }

  @Post(':id/afspraak/verslag')
  @WebAccess('werkgever')
  async outcome(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const body = formBody(req);
    const values = readAfspraak(body);
    const target = meetingTarget(body);
    const errors = new FormErrors();
    const dto = await outcomeInput(
      target,
      values,
      EMPLOYER_OUTCOMES,
      'Maak de toelichting korter dan 2000 tekens',
      errors,
    );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.recordOutcome(actor, target.meetingId, dto),
      'Opgeslagen hoe de afspraak ging. Alleen u en de werkmakelaar zien wat u schreef.',
    );
  }
}
