import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { dutchDate, labelOf, today } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';
import { InterestsService } from '@werkbrug/interests';
import { SuggestionsService } from '@werkbrug/matching';
import { CreatePlacementDto, isPlacementView, PlacementsService } from '@werkbrug/placements';
import {
  CLOSED_STATUSES,
  CreateProposalDto,
  type IdentifyingKind,
  identifyingTextMessage,
  isProposalView,
  MeetingsService,
  PROPOSAL_STATUSES,
  ProposalsService,
  StatusChangeDto,
  type ProposalStatus,
  type ProposalView,
} from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  confirmed,
  field,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { candidateInSight } from './candidate-in-sight';
import {
  PLACE_WORDS,
  placeInput,
  placeRefusal,
  PROPOSAL_EXISTS_MESSAGE,
  proposeWords,
  readPlaceForm,
} from './proposals.form';
import { caseloadNamesOf } from './caseload-names';
import {
  PIPELINE_COLUMN_SIZE,
  PIPELINE_PAGE_SIZE,
  pipelineFilter,
  pipelineView,
  placeView,
  proposalPageView,
  proposeView,
  type PipelineParams,
  withdrawQuestion,
} from './proposals.view';
import { suggestedMotivation } from './suggested-motivation';

const OPEN_STATUSES = PROPOSAL_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
/** Running proposals are the work; geplaatst is a placement by then. */
const COLUMN_STATUSES = OPEN_STATUSES.filter((s) => s !== 'geplaatst');

/** The werkmakelaar's proposals: propose a candidate, the pipeline, and placing from a proposal. */
@WebController('werkmakelaar')
export class ProposalPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly candidates: CandidatesService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
    private readonly vacancies: VacanciesService,
    private readonly suggestions: SuggestionsService,
    private readonly interests: InterestsService,
    private readonly meetings: MeetingsService,
  ) {}

  /** The proposal as the werkmakelaar sees it (404 when out of sight). */
  private async proposal(req: WebRequest, id: string): Promise<ProposalView> {
    const p = await this.proposals.get(actorOf(req), id);
    if (!isProposalView(p)) throw new ProblemException(404, 'NOT_FOUND', 'Not found');
    return p;
  }

  private async proposeForm(
    req: WebRequest,
    res: Response,
    ids: { id: string; vacancyId: string },
    motivation: string,
    errors?: FormErrors,
    suggested = false,
  ) {
    const c = await candidateInSight(this.candidates, actorOf(req), ids.id);
    // Out of the organisation's reach (employerInReachSql): 404, as the API's proposal check.
    const v = await this.vacancies.get(actorOf(req), ids.vacancyId);
    const candidate = { id: ids.id, pseudonym: c.pseudonym };
    const view = proposeView(candidate, v, motivation, errors, suggested);
    this.pages.send(req, res, 'werkmakelaar/voorstellen', view);
  }

  /**
   * The form's first text: why the workplace fits (the match reasons, as the candidate's own list
   * shows them) and whether the candidate said they are interested, about "de kandidaat". Without
   * search it is only the interest; the werkmakelaar writes the rest.
   */
  private async suggestion(req: WebRequest, id: string, vacancyId: string): Promise<string> {
    const actor = actorOf(req);
    const [matches, signals] = await Promise.all([
      this.suggestions.forCandidate(actor, id, { limit: 50 }).catch(() => null),
      this.interests.forOrganisation(actor, { candidateId: id, status: 'open', limit: 100 }),
    ]);
    const match = matches?.items.find((m) => m.vacancy.id === vacancyId);
    const interested = signals.items.some((s) => s.vacancy.id === vacancyId);
    return suggestedMotivation(match?.reasons ?? [], interested);
  }

  @Get('kandidaten/:id/voorstellen/:vacancyId')
  @WebAccess('werkmakelaar')
  async proposeFormPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vacancyId', ParseUUIDPipe) vacancyId: string,
  ) {
    await candidateInSight(this.candidates, actorOf(req), id); // another organisation's: 404 first
    const motivation = await this.suggestion(req, id, vacancyId);
    await this.proposeForm(req, res, { id, vacancyId }, motivation, undefined, true);
  }

  @Post('kandidaten/:id/voorstellen/:vacancyId')
  @WebAccess('werkmakelaar')
  async propose(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vacancyId', ParseUUIDPipe) vacancyId: string,
  ) {
    const motivation = field(formBody(req), 'motivation');
    const errors = new FormErrors();
    const input = { candidateId: id, vacancyId, motivation };
    const dto = await validateAsDto(
      CreateProposalDto,
      input,
      proposeWords(motivation),
      errors,
      'motivation',
    );
    if (dto) {
      try {
        const p = await this.proposals.create(actorOf(req), dto);
        if (isProposalView(p))
          await this.pages.tell(
            req,
            `Kandidaat ${p.candidate.pseudonym} is voorgesteld voor ${p.vacancy.title} bij ${p.vacancy.employerName}. De kandidaat krijgt eerst de vraag of de werkgever het profiel mag zien.`,
          );
        return res.redirect(303, '/werkmakelaar/voorstellen');
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        if (error.code === 'PROPOSAL_EXISTS') errors.add('motivation', PROPOSAL_EXISTS_MESSAGE);
        else if (error.code === 'IDENTIFYING_TEXT')
          errors.add(
            'motivation',
            identifyingTextMessage(error.problem.kinds as IdentifyingKind[]),
          );
        else throw error;
      }
    }
    await this.proposeForm(req, res, { id, vacancyId }, motivation, errors);
  }

  @Get('voorstellen')
  @WebAccess('werkmakelaar')
  async pipeline(@Req() req: WebRequest, @Res() res: Response, @Query() raw: PipelineParams) {
    const actor = actorOf(req);
    const filter = pipelineFilter(raw, COLUMN_STATUSES);
    const q = filter.zoek || undefined;
    const pageOf = (statuses: readonly ProposalStatus[], limit: number) =>
      this.proposals
        .list(actor, { q, status: [...statuses], limit, cursor: filter.cursor })
        .then((page) => ({ ...page, items: page.items.filter(isProposalView) }));
    // The overview: each column and the closed ones a few at a time. One of them alone: paged.
    const columnStatuses =
      filter.status === '' ? COLUMN_STATUSES : COLUMN_STATUSES.filter((s) => s === filter.status);
    const size = filter.status === '' ? PIPELINE_COLUMN_SIZE : PIPELINE_PAGE_SIZE;
    const [columns, closed, counts] = await Promise.all([
      Promise.all(
        columnStatuses.map(async (status) => ({ status, page: await pageOf([status], size) })),
      ),
      filter.status === '' || filter.status === 'afgerond' ? pageOf(CLOSED_STATUSES, size) : null,
      q ? null : this.proposals.countByStatus(actor),
    ]);
    const names = await caseloadNamesOf(this.candidates, actor, [
      ...columns.flatMap((c) => c.page.items),
      ...(closed?.items ?? []),
    ]);
    const view = pipelineView({ filter, columnStatuses, columns, closed, counts, names });
    this.pages.send(req, res, 'werkmakelaar/pijplijn', view);
  }

  /** One proposal: where it stands, its history, the next steps (the mails about it link here). */
  @Get('voorstellen/:id')
  @WebAccess('werkmakelaar')
  async proposalPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const proposal = await this.proposal(req, id);
    const events = await this.proposals.events(actorOf(req), id);
    // Placed: the placement that followed, with the employer's confirmation (newest first).
    const placed =
      proposal.status === 'geplaatst'
        ? (await this.placements.list(actorOf(req), { proposalId: id, limit: 1 })).items.find(
            isPlacementView,
          )
        : undefined;
    const meetings = await this.meetings.forProposal(actorOf(req), id);
    this.pages.send(
      req,
      res,
      'werkmakelaar/voorstel',
      proposalPageView(proposal, events, meetings, placed ?? null, today()),
    );
  }

  @Post('voorstellen/:id/status')
  @WebAccess('werkmakelaar')
  async move(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.proposals.assertVisible(actorOf(req), id); // not visible: 404 before anything else
    const input = { status: field(formBody(req), 'status') };
    const dto = await validateAsDto(StatusChangeDto, input, {}, new FormErrors(), 'status');
    // Withdrawing cannot be undone: ask first (the confirming form carries the status on).
    if (dto?.status === 'ingetrokken' && !confirmed(req))
      return this.pages.confirm(req, res, withdrawQuestion(await this.proposal(req, id)));
    if (dto && dto.status !== 'geplaatst') {
      const p = await this.proposals.changeStatus(actorOf(req), id, dto);
      if (isProposalView(p))
        await this.pages.tell(
          req,
          dto.status === 'ingetrokken'
            ? `Het voorstel voor Kandidaat ${p.candidate.pseudonym} bij ${p.vacancy.title} is ingetrokken.`
            : `Het voorstel voor Kandidaat ${p.candidate.pseudonym} bij ${p.vacancy.title} staat nu op ${labelOf('proposalStatusForBroker', p.status)}.`,
        );
    }
    res.redirect(303, '/werkmakelaar/voorstellen');
  }

  private async placeForm(
    req: WebRequest,
    res: Response,
    id: string,
    values: Record<string, string>,
    errors: FormErrors | null,
  ) {
    const view = placeView(await this.proposal(req, id), values, errors);
    this.pages.send(req, res, 'werkmakelaar/plaatsen', view);
  }

  @Get('voorstellen/:id/plaatsen')
  @WebAccess('werkmakelaar')
  async placeFormPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.placeForm(req, res, id, { startDate: today(), hoursPerWeek: '16' }, null);
  }

  @Post('voorstellen/:id/plaatsen')
  @WebAccess('werkmakelaar')
  async place(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const values = readPlaceForm(formBody(req));
    const errors = new FormErrors();
    const input = placeInput(id, values);
    const dto = await validateAsDto(CreatePlacementDto, input, PLACE_WORDS, errors, 'arrangement');
    if (dto) {
      try {
        const placed = await this.placements.create(actorOf(req), dto);
        if (isPlacementView(placed))
          await this.pages.tell(
            req,
            `Kandidaat ${placed.candidate.pseudonym} is geplaatst als ${placed.vacancy.title} bij ${placed.vacancy.employerName}, vanaf ${dutchDate(placed.startDate)}. ${placed.vacancy.employerName} krijgt een e-mail met de vraag om de plaatsing te bevestigen. Tot dan telt de plaatsing niet mee.`,
          );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${placed.id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        placeRefusal(errors, error, values);
      }
    }
    await this.placeForm(req, res, id, values, errors);
  }
}
