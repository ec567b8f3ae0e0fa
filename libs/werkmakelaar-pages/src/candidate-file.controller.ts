import { Get, Logger, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Actor } from '@werkbrug/auth';
import type { Response } from 'express';
import { CaseloadService } from '@werkbrug/caseload';
import { CandidatesService, isCandidateFileView } from '@werkbrug/candidates';
import { today } from '@werkbrug/domain';
import { listAll, ProblemException } from '@werkbrug/http';
import { InterestsService, type InterestSignalRow } from '@werkbrug/interests';
import { SuggestionsService } from '@werkbrug/matching';
import { CreateCheckinDto, isPlacementView, PlacementsService } from '@werkbrug/placements';
import { isProposalView, ProposalsService } from '@werkbrug/proposals';
import { CreateLadderMeasurementDto, LadderService } from '@werkbrug/trajectories';
import { VacanciesService } from '@werkbrug/vacancies';
import { WerksoortenService } from '@werkbrug/werksoorten';
import {
  actorOf,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { PURPOSES } from './broker-words';
import {
  CHECKIN_WORDS,
  checkinInput,
  FUTURE_CONTACT,
  FUTURE_MEASUREMENT,
  LADDER_WORDS,
  ladderInput,
  readCheckinForm,
  readLadderForm,
} from './candidate-file.form';
import {
  candidateFileView,
  contactNotice,
  dossierChoiceView,
  dossierView,
  ladderNotice,
  type CandidateFileExtra,
} from './candidate-file.view';
import { candidateInSight, candidateName } from './candidate-in-sight';

/**
 * The candidate file: work profile, attention, matches, signals, proposals, placements, contact
 * moments and the participatieladder; the protected part only with a purpose (audited).
 */
@WebController('werkmakelaar')
export class CandidateFileController {
  private readonly logger = new Logger(CandidateFileController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly caseload: CaseloadService,
    private readonly candidates: CandidatesService,
    private readonly suggestions: SuggestionsService,
    private readonly interests: InterestsService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
    private readonly ladder: LadderService,
    private readonly vacancies: VacanciesService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  @Get('kandidaten/:id')
  @WebAccess('werkmakelaar')
  async candidateFile(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('fout') problem?: string,
  ) {
    await this.filePage(req, res, id, { problem });
  }

  /** The candidate file; with `ladderErrors` the measurement form comes back with its answers (400). */
  private async filePage(req: WebRequest, res: Response, id: string, extra: CandidateFileExtra) {
    const actor = actorOf(req);
    const candidate = await candidateInSight(this.candidates, actor, id);
    const [name, matches, signals, proposals, placements, checkins, row, ladder, kinds] =
      await Promise.all([
        candidateName(this.candidates, id),
        this.suggestions.forCandidate(actor, id, { limit: 10 }).catch((error: unknown) => {
          this.logger.warn(`matches failed: ${error instanceof Error ? error.message : error}`);
          return null;
        }),
        this.interests.forOrganisation(actor, { candidateId: id, status: 'open', limit: 50 }),
        listAll((q) => this.proposals.list(actor, { ...q, candidateId: id })),
        listAll((q) => this.placements.list(actor, { ...q, candidateId: id })),
        this.placements.checkins(actor, id),
        this.caseload.rowFor(actor, id),
        this.ladder.history(actor, id),
        this.werksoorten.activeByName(),
      ]);
    const facts = {
      candidate,
      name,
      matches,
      signals: signals.items,
      inReach: await this.inReach(actor, signals.items),
      proposals: proposals.filter(isProposalView),
      placements: placements.filter(isPlacementView),
      checkins,
      row,
      ladder,
      userId: actor.userId,
      today: today(),
      werksoortNames: new Map(kinds.map((k) => [k.code, k.name])),
    };
    this.pages.send(req, res, 'werkmakelaar/kandidaat', candidateFileView(facts, extra));
  }

  /**
   * Which of the signals' workplaces the werkmakelaar may propose: the vacancies service's rule
   * (employerInReachSql), as the proposal form and POST /api/proposals check it. A candidate is only
   * shown workplaces in reach; one can leave it later (an employer handed to another organisation).
   */
  private async inReach(actor: Actor, signals: InterestSignalRow[]): Promise<Set<string>> {
    const ids = [...new Set(signals.map((s) => s.vacancy.id))];
    const seen = await Promise.all(
      ids.map((id) =>
        this.vacancies.get(actor, id).then(
          () => id,
          (error: unknown) => {
            if (error instanceof ProblemException && error.getStatus() === 404) return null;
            throw error;
          },
        ),
      ),
    );
    return new Set(seen.filter((id): id is string => id !== null));
  }

  /** A new measurement on the participatieladder (LadderService.measure, as POST /api/candidates/:id/ladder). */
  @Post('kandidaten/:id/ladder')
  @WebAccess('werkmakelaar')
  async measure(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    // Another organisation's candidate: 404 first.
    const { pseudonym } = await candidateInSight(this.candidates, actorOf(req), id);
    const values = readLadderForm(formBody(req));
    const errors = new FormErrors();
    const dto = await validateAsDto(
      CreateLadderMeasurementDto,
      ladderInput(values),
      LADDER_WORDS,
      errors,
      'rung',
    );
    if (!errors.has('measuredOn') && values.measuredOn > today())
      errors.add('measuredOn', FUTURE_MEASUREMENT);
    if (dto && !errors.any) {
      try {
        await this.ladder.measure(actorOf(req), id, dto);
        await this.pages.tell(req, ladderNotice(pseudonym, dto.rung));
        return res.redirect(303, `/werkmakelaar/kandidaten/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        // The service's own date check (a day boundary between clocks): shown at the date.
        errors.add('measuredOn', FUTURE_MEASUREMENT);
      }
    }
    await this.filePage(req, res, id, { ladderErrors: errors, ladderValues: values });
  }

  /** The protected part, only with a purpose; every read is in the audit trail (the X-Purpose rule). */
  @Get('kandidaten/:id/dossier')
  @WebAccess('werkmakelaar')
  async protectedPart(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('doel') purpose?: string,
  ) {
    const c = await candidateInSight(this.candidates, actorOf(req), id);
    if (!purpose || !PURPOSES.includes(purpose)) {
      const errors =
        purpose !== undefined
          ? new FormErrors().add('doel', 'Kies waarom u het dossier opent')
          : null;
      return this.pages.send(
        req,
        res,
        'werkmakelaar/dossier',
        dossierChoiceView(id, c.pseudonym, errors),
      );
    }
    const full = await this.candidates.get(actorOf(req), id, purpose);
    const personal = isCandidateFileView(full) ? full.personal : null;
    this.pages.send(
      req,
      res,
      'werkmakelaar/dossier',
      dossierView(id, c.pseudonym, purpose, personal),
    );
  }

  @Post('kandidaten/:id/contact')
  @WebAccess('werkmakelaar')
  async checkin(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    // Another organisation's candidate: 404 first.
    const { pseudonym } = await candidateInSight(this.candidates, actorOf(req), id);
    const errors = new FormErrors();
    const body = formBody(req);
    const input = checkinInput(id, body);
    const dto = await validateAsDto(CreateCheckinDto, input, CHECKIN_WORDS, errors, 'contactOn');
    if (dto && dto.contactOn > today()) errors.add('contactOn', FUTURE_CONTACT);
    if (!dto || errors.any)
      return this.filePage(req, res, id, {
        contactErrors: errors,
        contactValues: readCheckinForm(body),
      });
    await this.placements.checkin(actorOf(req), dto);
    await this.pages.tell(req, contactNotice(pseudonym, dto.kind, dto.contactOn));
    res.redirect(303, `/werkmakelaar/kandidaten/${id}`);
  }

  @Post('interesse/:id/gezien')
  @WebAccess('werkmakelaar')
  async signalSeen(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const row = await this.interests.markSeen(actorOf(req), id);
    await this.pages.tell(
      req,
      `De interesse van ${row.pseudonym} voor ${row.vacancy.title} staat op gezien.`,
    );
    res.redirect(303, `/werkmakelaar/kandidaten/${row.candidateId}`);
  }
}
