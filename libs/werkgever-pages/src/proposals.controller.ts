import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ProblemException } from '@werkbrug/http';
import {
  employerProposalView,
  MeetingsService,
  ProposalsService,
  type ProposalStatus,
} from '@werkbrug/proposals';
import {
  actorOf,
  webId,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { EmployerContext } from './employer-context';
import { EmployerMarksService, isMark } from './employer-marks.service';
import { listAll } from '@werkbrug/http';
import { emptyAnswer, parseAnswer, readAnswer } from './proposal-answer.form';
import {
  answerNotice,
  markNotice,
  toVoorstellenView,
  toVoorstelView,
  type VoorstelExtra,
} from './proposals.view';

const OPEN: ProposalStatus[] = ['kennismaking', 'meeloopdag'];
const CLOSED: ProposalStatus[] = ['geplaatst', 'afgewezen', 'ingetrokken'];
const CLOSED_PAGE = 20;

/**
 * The proposals inbox and one proposal: the anonymous work profile, what the candidate shares, the
 * employer's answer and own status. Visibility and the answer rules are ProposalsService's.
 */
@WebController('werkgever/voorstellen')
export class ProposalsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly marks: EmployerMarksService,
    private readonly context: EmployerContext,
    private readonly meetings: MeetingsService,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async inbox(@Req() req: WebRequest, @Res() res: Response, @Query('na') after?: string) {
    const actor = actorOf(req);
    // What needs the employer stays whole on the page; what is closed grows for ever, so it pages.
    const cursor = pageCursor(after);
    const [current, closedPage] = await Promise.all([
      listAll((q) => this.proposals.list(actor, { ...q, status: ['wacht_op_werkgever', ...OPEN] })),
      this.proposals.list(actor, { limit: CLOSED_PAGE, cursor, status: CLOSED }),
    ]);
    const mine = current.map(employerProposalView);
    const closed = closedPage.items.map(employerProposalView);
    const marks = await this.marks.marksOf(
      actor,
      [...mine, ...closed].map((p) => p.id),
    );
    const closedPager = keysetPager({
      path: '/werkgever/voorstellen',
      anchor: 'afgerond',
      label: 'Afgeronde voorstellen',
      nextText: 'Oudere afgeronde voorstellen',
      cursor,
      nextCursor: closedPage.nextCursor,
    });
    const view = toVoorstellenView(mine, closed, marks, closedPager, OPEN);
    this.pages.send(req, res, 'werkgever/voorstellen', view);
  }

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    extra: VoorstelExtra = {},
    status = 200,
  ) {
    const actor = actorOf(req);
    const p = employerProposalView(await this.proposals.get(actor, id));
    const [events, marks, werksoorten, meetings, defaults] = await Promise.all([
      this.proposals.events(actor, id),
      this.marks.marksOf(actor, [id]),
      this.context.werksoortList(),
      this.meetings.forProposal(actor, id),
      this.meetings.defaultsForProposal(actor, id),
    ]);
    const view = toVoorstelView(p, events, marks.get(id), werksoorten, {
      ...extra,
      meetings,
      values: extra.values ?? emptyAnswer(defaults),
    });
    this.pages.send(req, res, 'werkgever/voorstel', view, status);
  }

  @Get(':id')
  @WebAccess('werkgever')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    await this.page(req, res, id);
  }

  @Post(':id/antwoord')
  @WebAccess('werkgever')
  async answer(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    const values = readAnswer(formBody(req));
    const { errors, dto } = await parseAnswer(values, Date.now());
    if (!dto) return this.page(req, res, id, { values, errors }, 400);
    let answered;
    try {
      answered = employerProposalView(await this.proposals.answer(actor, id, dto));
    } catch (error) {
      // Answered meanwhile (by a colleague) or withdrawn: say so, show the proposal as it is now.
      if (error instanceof ProblemException && error.code === 'ILLEGAL_TRANSITION')
        return this.page(req, res, id, { conflict: true }, 409);
      throw error;
    }
    await this.pages.tell(req, answerNotice(dto, answered.candidate.pseudonym));
    res.redirect(303, `/werkgever/voorstellen/${id}`);
  }

  @Post(':id/beoordeling')
  @WebAccess('werkgever')
  async mark(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const actor = actorOf(req);
    // The proposal must be visible to this employer (404 otherwise) before anything is written.
    await this.proposals.assertVisible(actor, id);
    const mark = field(formBody(req), 'mark');
    if (!isMark(mark)) {
      const errors = new FormErrors().add('mark', 'Kies een beoordeling');
      return this.page(req, res, id, { errors }, 400);
    }
    await this.marks.set(actor, id, mark);
    await this.pages.tell(req, markNotice(mark));
    res.redirect(303, `/werkgever/voorstellen/${id}`);
  }
}
