import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { today } from '@werkbrug/domain';
import { listAll, ProblemException } from '@werkbrug/http';
import { CreatePlacementDto, PlacementsService } from '@werkbrug/placements';
import {
  CLOSED_STATUSES,
  CreateProposalDto,
  isProposalView,
  PROPOSAL_STATUSES,
  ProposalsService,
  StatusChangeDto,
  type ProposalView,
} from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
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
import { pipelineView, placeView, proposeView } from './proposals.view';

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
  ) {
    const c = await candidateInSight(this.candidates, actorOf(req), ids.id);
    const v = await this.vacancies.get(actorOf(req), ids.vacancyId);
    const view = proposeView({ id: ids.id, pseudonym: c.pseudonym }, v, motivation, errors);
    this.pages.send(req, res, 'werkmakelaar/voorstellen', view);
  }

  @Get('kandidaten/:id/voorstellen/:vacancyId')
  @WebAccess('werkmakelaar')
  async proposeFormPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('vacancyId', ParseUUIDPipe) vacancyId: string,
  ) {
    await this.proposeForm(req, res, { id, vacancyId }, '');
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
        await this.proposals.create(actorOf(req), dto);
        return res.redirect(303, '/werkmakelaar/voorstellen');
      } catch (error) {
        if (!(error instanceof ProblemException && error.code === 'PROPOSAL_EXISTS')) throw error;
        errors.add('motivation', PROPOSAL_EXISTS_MESSAGE);
      }
    }
    await this.proposeForm(req, res, { id, vacancyId }, motivation, errors);
  }

  @Get('voorstellen')
  @WebAccess('werkmakelaar')
  async pipeline(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    // Running proposals are the work: all of them. Closed ones only the latest (they grow for ever).
    const [running, closedPage] = await Promise.all([
      listAll((q) => this.proposals.list(actor, { ...q, status: [...COLUMN_STATUSES] })),
      this.proposals.list(actor, { limit: 20, status: [...CLOSED_STATUSES] }),
    ]);
    const view = pipelineView(
      COLUMN_STATUSES,
      running.filter(isProposalView),
      closedPage.items.filter(isProposalView),
    );
    this.pages.send(req, res, 'werkmakelaar/pijplijn', view);
  }

  @Post('voorstellen/:id/status')
  @WebAccess('werkmakelaar')
  async move(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.proposals.assertVisible(actorOf(req), id); // not visible: 404 before anything else
    const input = { status: field(formBody(req), 'status') };
    const dto = await validateAsDto(StatusChangeDto, input, {}, new FormErrors(), 'status');
    if (dto && dto.status !== 'geplaatst') await this.proposals.changeStatus(actorOf(req), id, dto);
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
        await this.placements.create(actorOf(req), dto);
        return res.redirect(303, '/werkmakelaar/plaatsingen');
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        placeRefusal(errors, error, values);
      }
    }
    await this.placeForm(req, res, id, values, errors);
  }
}
