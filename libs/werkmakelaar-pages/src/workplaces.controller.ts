import { Get, Logger, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { VacancySearchService } from '@werkbrug/matching';
import { actorOf, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { workplaceFilters, workplacesView, type WorkplaceParams } from './workplaces.view';

/** Workplace search for the werkmakelaar, with facets per werksoort and arrangement. */
@WebController('werkmakelaar/werkplekken')
export class WorkplaceSearchController {
  private readonly logger = new Logger(WorkplaceSearchController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly search: VacancySearchService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  @Get()
  @WebAccess('werkmakelaar')
  async workplaces(@Req() req: WebRequest, @Res() res: Response, @Query() raw: WorkplaceParams) {
    const kinds = await this.werksoorten.activeByName();
    const filters = workplaceFilters(raw, kinds);
    const result = await this.search
      .search(actorOf(req), {
        q: filters.q || undefined,
        werksoort: filters.werksoort,
        arrangement: filters.arrangement,
        limit: 25,
      })
      .catch((error: unknown) => {
        this.logger.warn(
          `workplace search failed: ${error instanceof Error ? error.message : error}`,
        );
        return null;
      });
    const view = workplacesView(filters, kinds, result);
    this.pages.send(req, res, 'werkmakelaar/werkplekken', view);
  }
}
