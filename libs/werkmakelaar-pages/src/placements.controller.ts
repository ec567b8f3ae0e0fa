import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dutchDate, labelOf, today } from '@werkbrug/domain';
import { listAll, ProblemException } from '@werkbrug/http';
import {
  EndPlacementDto,
  ExtendPlacementDto,
  isPlacementView,
  PlacementsService,
  type PlacementView,
} from '@werkbrug/placements';
import {
  actorOf,
  confirmed,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { END_WORDS, endInput, EXTEND_WORDS, readEndForm, versionOf } from './placements.form';
import { endQuestion, placementListView, placementPageView } from './placements.view';

/** The werkmakelaar's placements: the list, one placement, extending and ending it. */
@WebController('werkmakelaar/plaatsingen')
export class PlacementPagesController {
  constructor(
    private readonly pages: PageResponder,
    private readonly placements: PlacementsService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async placementList(@Req() req: WebRequest, @Res() res: Response, @Query('na') after?: string) {
    const actor = actorOf(req);
    // Running placements are the work: all of them. Ended ones grow for ever, so they page.
    const cursor = pageCursor(after);
    const [running, endedPage] = await Promise.all([
      listAll((q) => this.placements.list(actor, { ...q, status: 'lopend' })),
      this.placements.list(actor, { limit: 30, cursor, status: 'beeindigd' }),
    ]);
    const pager = keysetPager({
      path: '/werkmakelaar/plaatsingen',
      anchor: 'beeindigd',
      label: 'Beëindigde plaatsingen',
      nextText: 'Oudere plaatsingen',
      cursor,
      nextCursor: endedPage.nextCursor,
    });
    const view = placementListView(
      running.filter(isPlacementView),
      endedPage.items.filter(isPlacementView),
      pager,
      today(),
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
        errors.add('plannedEndDate', String(error.problem.detail ?? error.problem.title));
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
        errors.add('outcome', String(error.problem.detail ?? error.problem.title));
      }
    }
    await this.placementPage(req, res, id, errors, values);
  }
}
