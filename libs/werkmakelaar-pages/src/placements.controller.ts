import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { today } from '@werkbrug/domain';
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
  addProblem,
  arrangementRuleWords,
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
import {
  END_REFUSALS,
  END_WORDS,
  endInput,
  extendRefusals,
  EXTEND_WORDS,
  readEndForm,
  versionOf,
} from './placements.form';
import { placementListView, placementPageView } from './placements.view';

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
        await this.placements.extend(actorOf(req), id, dto, versionOf(body));
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
    if (dto) {
      try {
        await this.placements.end(actorOf(req), id, dto, versionOf(body));
        return res.redirect(303, `/werkmakelaar/plaatsingen/${id}`);
      } catch (error) {
        if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
        addProblem(errors, error, { field: 'outcome', refusals: END_REFUSALS });
      }
    }
    await this.placementPage(req, res, id, errors, values);
  }
}
