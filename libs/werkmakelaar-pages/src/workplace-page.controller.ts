import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CandidatesService } from '@werkbrug/candidates';
import { isProposalView, ProposalsService } from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import {
  actorOf,
  keysetPager,
  PageResponder,
  pageCursor,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { caseloadNamesOf } from './caseload-names';
import { workplacePageView } from './workplace-page.view';

/**
 * One workplace for the werkmakelaar: what the employer offers, how many places are free, and the
 * organisation's proposals for it. Linked from every match, search result and proposal. Registered
 * after the 'nieuw' pages, so '/werkmakelaar/werkplekken/nieuw' is never read as an id.
 */
@WebController('werkmakelaar/werkplekken')
export class WorkplacePageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly vacancies: VacanciesService,
    private readonly proposals: ProposalsService,
    private readonly candidates: CandidatesService,
    private readonly werksoorten: WerksoortenService,
  ) {}

  @Get(':id')
  @WebAccess('werkmakelaar')
  async workplace(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('na') after?: string,
  ) {
    const actor = actorOf(req);
    // The vacancies module decides who sees the workplace: out of sight is a 404 page.
    const v = await this.vacancies.get(actor, id);
    const cursor = pageCursor(after);
    const [kinds, page] = await Promise.all([
      this.werksoorten.activeByName(),
      this.proposals.list(actor, { vacancyId: id, limit: 20, cursor }),
    ]);
    const proposals = page.items.filter(isProposalView);
    const pager = keysetPager({
      path: `/werkmakelaar/werkplekken/${id}`,
      anchor: 'voorstellen',
      label: 'Voorstellen voor deze werkplek',
      nextText: 'Oudere voorstellen',
      cursor,
      nextCursor: page.nextCursor,
    });
    const names = await caseloadNamesOf(this.candidates, actor, proposals);
    const werksoortNames = Object.fromEntries(kinds.map((k) => [k.code, k.name]));
    this.pages.send(
      req,
      res,
      'werkmakelaar/werkplek',
      workplacePageView(v, werksoortNames, proposals, pager, names),
    );
  }
}
