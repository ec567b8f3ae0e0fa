import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  asProposalView,
  isMeetingConflict,
  MeetingsService,
  momentViewWords,
  MoveMeetingDto,
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
import {
  CANDIDATE_OUTCOMES,
  candidateMeetingPageView,
  type CandidateMeetingValues,
} from './meeting.view';

/** The meeting and version the form was made for, and what the candidate filled in. */
function readForm(body: FormBody) {
  const values: CandidateMeetingValues = {
    option: field(body, 'option'),
    moveReason: field(body, 'moveReason'),
    cancelReason: field(body, 'cancelReason'),
    outcome: field(body, 'outcome'),
    outcomeNote: field(body, 'outcomeNote'),
  };
  return { ...meetingTarget(body), values };
}

/**
 * The candidate's meeting page, from the proposal page (/kandidaat/toestemming/:id): pick a moment,
 * see the agreed one, ask for another one, cancel (after asking), and say how it went.
 */
@WebController('kandidaat/toestemming')
export class CandidateMeetingPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
  ) {}

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    values?: CandidateMeetingValues,
    extra: { errors?: FormErrors; conflict?: boolean } = {},
    status = 200,
  ) {
    const actor = actorOf(req);
    const p = asProposalView(await this.proposals.get(actor, id));
    const meetings = await this.meetings.forProposal(actor, id);
    const view = candidateMeetingPageView(p, meetings, values, extra);
    this.pages.send(req, res, 'kandidaat/afspraak', view, status);
  }

  private async attempt(
    req: WebRequest,
    res: Response,
    id: string,
    change: () => Promise<unknown>,
    notice: string | (() => string),
  ) {
    try {
      await change();
    } catch (error) {
      if (isMeetingConflict(error))
        return this.page(req, res, id, undefined, { conflict: true }, 409);
      throw error;
    }
    await this.pages.tell(req, typeof notice === 'string' ? notice : notice());
    res.redirect(303, `/kandidaat/toestemming/${id}/afspraak`);
  }

  @Get(':id/afspraak')
  @WebAccess('kandidaat')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.page(req, res, id);
  }

  @Post(':id/afspraak/kiezen')
  @WebAccess('kandidaat')
  async pick(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const { values, ...target } = readForm(formBody(req));
    const errors = new FormErrors();
    const dto = await pickInput(target, values.option, errors);
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    let picked = '';
    await this.attempt(
      req,
      res,
      id,
      async () => {
        const view = await this.meetings.pick(actor, target.meetingId, dto);
        picked = view.chosen ? momentViewWords(view.chosen) : '';
      },
      () =>
        `Je hebt een moment gekozen: ${picked}. Je krijgt een mail met de afspraak voor je agenda.`,
    );
  }

  /** "I cannot come": the agreed moment (or every moment offered) is dropped; the others hear it. */
  @Post(':id/afspraak/verzetten')
  @WebAccess('kandidaat')
  async move(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const { values, ...target } = readForm(formBody(req));
    const errors = new FormErrors();
    const dto = await validateAsDto(
      MoveMeetingDto,
      { ...(values.moveReason ? { reason: values.moveReason } : {}), version: target.version },
      { reason: { field: 'moveReason', message: 'Maak je uitleg korter dan 500 tekens' } },
      errors,
      'moveReason',
    );
    if (!dto || !target.meetingId) {
      if (!target.meetingId) errors.add('moveReason', 'Er is geen afspraak om te verzetten');
      return this.page(req, res, id, values, { errors }, 400);
    }
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.move(actor, target.meetingId, dto),
      'Je vraagt om een ander moment. De werkgever en je werkmakelaar krijgen bericht.',
    );
  }

  @Post(':id/afspraak/afzeggen')
  @WebAccess('kandidaat')
  async cancel(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const p = asProposalView(await this.proposals.get(actor, id));
    const { values, ...target } = readForm(formBody(req));
    const errors = new FormErrors();
    const dto = await cancelInput(
      target,
      values.cancelReason,
      'Schrijf kort op waarom je niet komt (hoogstens 500 tekens)',
      errors,
    );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    const employer = p.vacancy.employerName;
    if (!confirmed(req))
      return this.pages.confirm(
        req,
        res,
        cancelQuestion(`/kandidaat/toestemming/${id}/afspraak`, target, values.cancelReason, {
          title: 'Wil je de afspraak afzeggen?',
          consequences: [
            `${employer} en je werkmakelaar krijgen een mail dat de afspraak niet doorgaat.`,
            'Wil je later toch kennismaken? Vraag het dan aan je werkmakelaar.',
          ],
        }),
      );
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.cancel(actor, target.meetingId, dto),
      `Je hebt de afspraak afgezegd. ${employer} en je werkmakelaar krijgen bericht.`,
    );
  }

  @Post(':id/afspraak/verslag')
  @WebAccess('kandidaat')
  async outcome(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    await this.proposals.assertVisible(actor, id);
    const { values, ...target } = readForm(formBody(req));
    const errors = new FormErrors();
    const dto = await outcomeInput(
      target,
      values,
      CANDIDATE_OUTCOMES,
      'Maak je uitleg korter dan 2000 tekens',
      errors,
    );
    if (!dto) return this.page(req, res, id, values, { errors }, 400);
    await this.attempt(
      req,
      res,
      id,
      () => this.meetings.recordOutcome(actor, target.meetingId, dto),
      'Dank je wel. Je werkmakelaar ziet hoe het ging.',
    );
  }
}
