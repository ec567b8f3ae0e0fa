import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PlacementsService } from '@werkbrug/placements';
import {
  actorOf,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { INSTRUMENT_WORDS } from './workplace-form';
import type { EmployerPlacement } from './employer-views';
import { listAll } from '@werkbrug/http';

const ENDED_PAGE = 20;

const OUTCOMES: Record<string, string> = {
  contract: 'Contract',
  detachering_loopt_door: 'Detachering loopt door',
  studie: 'Gaat een opleiding doen',
  vrijwilligerswerk_participatie: 'Vrijwilligerswerk',
  voortijdig_niet_haalbaar: 'Eerder gestopt',
  voortijdig_zelf_beeindigd: 'Eerder gestopt',
  voortijdig_overig: 'Eerder gestopt',
};

/** Running and ended placements at the employer's workplaces (PlacementsService's employer view). */
@WebController('werkgever/plaatsingen')
export class PlacementsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly placements: PlacementsService,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async list(@Req() req: WebRequest, @Res() res: Response, @Query('na') after?: string) {
    const actor = actorOf(req);
    // Running placements are few and all shown; ended ones grow for ever, so they page.
    const cursor = pageCursor(after);
    const [running, endedPage] = await Promise.all([
      listAll<EmployerPlacement>((q) => this.placements.list(actor, { ...q, status: 'lopend' })),
      this.placements.list(actor, { limit: ENDED_PAGE, cursor, status: 'beeindigd' }),
    ]);
    const row = (p: EmployerPlacement) => ({
      ...p,
      instrumentWords: p.instruments.map((i) => INSTRUMENT_WORDS[i] ?? i).join(', '),
      outcomeText: p.outcome ? (OUTCOMES[p.outcome.outcome] ?? p.outcome.outcome) : '',
    });
    this.pages.send(req, res, 'werkgever/plaatsingen', {
      title: 'Plaatsingen',
      running: running.map(row),
      ended: (endedPage.items as EmployerPlacement[]).map(row),
      endedPager: keysetPager({
        path: '/werkgever/plaatsingen',
        anchor: 'beeindigd',
        label: 'Beëindigde plaatsingen',
        nextText: 'Oudere plaatsingen',
        cursor,
        nextCursor: endedPage.nextCursor,
      }),
    });
  }
}
