import { Get, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { employerPlacementView, PlacementsService } from '@werkbrug/placements';
import {
  actorOf,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { listAll } from '@werkbrug/http';
import { toPlaatsingenView } from './placements.view';

const ENDED_PAGE = 20;

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
      listAll((q) => this.placements.list(actor, { ...q, status: 'lopend' })),
      this.placements.list(actor, { limit: ENDED_PAGE, cursor, status: 'beeindigd' }),
    ]);
    const endedPager = keysetPager({
      path: '/werkgever/plaatsingen',
      anchor: 'beeindigd',
      label: 'Beëindigde plaatsingen',
      nextText: 'Oudere plaatsingen',
      cursor,
      nextCursor: endedPage.nextCursor,
    });
    const view = toPlaatsingenView(
      running.map(employerPlacementView),
      endedPage.items.map(employerPlacementView),
      endedPager,
    );
    this.pages.send(req, res, 'werkgever/plaatsingen', view);
  }
}
