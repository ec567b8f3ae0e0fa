import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { dutchDate, labelOf, today } from '@werkbrug/domain';
import { listAll, ProblemException } from '@werkbrug/http';
import {
  AdjustPlacementDto,
  EndPlacementDto,
  ExtendPlacementDto,
  isPlacementView,
  PlacementsService,
  RecordPhoneAgreementDto,
  type PlacementView,
} from '@werkbrug/placements';
import {
  actorOf,
  addProblem,
  arrangementRuleWords,
  confirmed,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  pageNumber,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { caseloadNamesOf } from './caseload-names';
import {
  ADJUST_WORDS,
  adjustInput,
  END_REFUSALS,
  END_WORDS,
  endInput,
  extendRefusals,
  EXTEND_WORDS,
  phoneWords,
  PLACEMENT_REFUSAL_FALLBACK,
  PLACEMENT_REFUSALS,
  readAdjustForm,
  readEndForm,
  readPhoneForm,
  versionOf,
} from './placements.form';
import { endQuestion, placementListView, placementPageView } from './placements.view';

/** A refusal of the service as the words at a form's field; a 404 or a crash goes on up. */
function refusalOf(error: unknown): string {
  if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
  return PLACEMENT_REFUSALS[error.code] ?? PLACEMENT_REFUSAL_FALLBACK;
}

/**
 * The werkmakelaar's placements: the list, one placement, its confirmation by the employer (adjust
 * and ask again, or record a phone agreement), extending and ending it (asked first).
 */
@WebController('werkmakelaar/plaatsingen')
export class PlacementPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly placements: PlacementsService,
    private readonly candidates: CandidatesService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async placementList(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('na') after?: string,
    @Query('zoek') zoek?: string,
    @Query('pagina') pagina?: string,
  ) {
    const actor = actorOf(req);
    const q = (typeof zoek === 'string' ? zoek : '').trim().slice(0, 100);
    // Running placements are the work: all of them (those ending soon all on top, the others paged).
    // Ended ones grow for ever, so they page from the database.
    const cursor = pageCursor(after);
    const [running, endedPage] = await Promise.all([
      listAll((query) =>
        this.placements.list(actor, { ...query, q: q || undefined, status: 'lopend' }),
      ),
      this.placements.list(actor, { limit: 30, cursor, q: q || undefined, status: 'beeindigd' }),
    ]);
    const pager = keysetPager({
      path: '/werkmakelaar/plaatsingen',
      anchor: 'beeindigd',
      label: 'Beëindigde plaatsingen',
      nextText: 'Oudere plaatsingen',
      cursor,
      nextCursor: endedPage.nextCursor,
      params: { zoek: q },
    });
    const shown = [...running, ...endedPage.items].filter(isPlacementView);
    const view = placementListView(
      running.filter(isPlacementView),
      endedPage.items.filter(isPlacementView),
      pager,
      today(),
      {
        names: await caseloadNamesOf(this.candidates, actor, shown),
        zoek: q,
        runningPage: pageNumber(pagina),
      },
    );
    this.pages.send(req, res, 'werkmakelaar/plaatsingen', view);
  }

  /** The placement as the werkmakelaar sees it (404 when out of sight). */
  private async placement(req: WebRequest, id: string): Promise<PlacementView> {
    const p = await this.placements.get(actorOf(req), id);
    if (!isPlacementView(p)) throw new ProblemException(404, 'NOT_FOUND', 'Not found');
    return p;
  }

  private async placementPage(
    req: WebRequest,
    res: Response,
    id: string,
    errors: FormErrors | null,
    values: Record<string, string> = {},
  ) {
    const view = placementPageView(await this.placement(req, id), today(), values, errors);
    this.pages.send(req, res, 'werkmakelaar/plaatsing', view);
  }

  @Get(':id')
  @WebAccess('werkmakelaar')
  async one(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    await this.placementPage(req, res, id, null);
  }

  @Post(':id/verlengen')
  @WebAccess('werkmakelaar')
  async extend(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const plannedEndDate = field(body, 'plannedEndDate');
    const errors = new FormErrors();
    const dto = await validateAsDto(
      ExtendPlacementDto,
      { plannedEndDate },
      EXTEND_WORDS,
      errors,
      'plannedEndDate',
    );
    if (dto) {
      try {
        const p = await this.placements.extend(actorOf(req), id, dto, versionOf(body));
        if (isPlacementView(p))
          await this.pages.tell(
            req,
            `De plaatsing van Kandidaat ${p.candidate.pseudonym} loopt nu tot ${dutchDate(dto.plannedEndDate)}.`,
          );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        const p = await this.placement(req, id);
        if (error.code === 'ARRANGEMENT_RULE')
          errors.add(
            'plannedEndDate',
            arrangementRuleWords(error, { startDate: p.startDate, phase: 'extend' }),
          );
        else addProblem(errors, error, { field: 'plannedEndDate', refusals: extendRefusals(p) });
      }
    }
    await this.placementPage(req, res, id, errors, { plannedEndDate });
  }

  @Post(':id/beeindigen')
  @WebAccess('werkmakelaar')
  async end(@Req() req: WebRequest, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const body = formBody(req);
    const values = readEndForm(body);
    const errors = new FormErrors();
    const dto = await validateAsDto(
      EndPlacementDto,
      endInput(values),
      END_WORDS,
      errors,
      'outcome',
    );
    // Ending cannot be undone: the answers are checked first, then asked about once more.
    if (dto && !confirmed(req))
      return this.pages.confirm(
        req,
        res,
        endQuestion(await this.placement(req, id), values, versionOf(body)),
      );
    if (dto) {
      try {
        const p = await this.placements.end(actorOf(req), id, dto, versionOf(body));
        if (isPlacementView(p))
          await this.pages.tell(
            req,
            `De plaatsing van Kandidaat ${p.candidate.pseudonym} is beëindigd. Afloop: ${labelOf('placementOutcome', dto.outcome)}.`,
          );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        addProblem(errors, error, { field: 'outcome', refusals: END_REFUSALS });
      }
    }
    await this.placementPage(req, res, id, errors, values);
  }

  /** Unconfirmed: change start, planned end and hours, and ask the employer again. */
  @Post(':id/wijzigen')
  @WebAccess('werkmakelaar')
  async adjust(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const values = readAdjustForm(body);
    const errors = new FormErrors();
    const dto = await validateAsDto(
      AdjustPlacementDto,
      adjustInput(values),
      ADJUST_WORDS,
      errors,
      'startDate',
    );
    if (dto) {
      try {
        await this.placements.adjust(actorOf(req), id, dto, versionOf(body));
        await this.pages.tell(
          req,
          'De plaatsing is aangepast. De werkgever krijgt een e-mail met de vraag om opnieuw te bevestigen.',
        );
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        errors.add('startDate', refusalOf(error));
      }
    }
    await this.placementPage(req, res, id, errors, values);
  }

  /**
   * The employer agreed by phone: the day (not in the future) and a note. From the placement page or
   * the proposal page (`terug=voorstel` returns there); a refusal shows on the placement page.
   */
  @Post(':id/telefonisch-akkoord')
  @WebAccess('werkmakelaar')
  async phoneAgreement(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const body = formBody(req);
    const values = readPhoneForm(body);
    const errors = new FormErrors();
    const dto = await validateAsDto(
      RecordPhoneAgreementDto,
      values,
      phoneWords(values),
      errors,
      'agreedOn',
    );
    if (dto && dto.agreedOn > today())
      errors.add('agreedOn', 'Vul de dag van het gesprek in: vandaag of eerder');
    if (dto && !errors.any) {
      try {
        const p = await this.placements.recordPhoneAgreement(
          actorOf(req),
          id,
          dto,
          versionOf(body),
        );
        await this.pages.tell(
          req,
          `U heeft vastgelegd dat ${p.vacancy.employerName} op ${dutchDate(dto.agreedOn)} telefonisch akkoord gaf. De plaatsing is bevestigd en telt nu mee.`,
        );
        const proposalId = isPlacementView(p) ? p.proposalId : null;
        const back =
          field(body, 'terug') === 'voorstel' && proposalId
            ? `/werkmakelaar/voorstellen/${proposalId}`
            : `/werkmakelaar/plaatsingen/${id}`;
        return res.redirect(303, back);
      } catch (error) {
        errors.add('agreedOn', refusalOf(error));
      }
    }
    await this.placementPage(req, res, id, errors, values);
  }
}
