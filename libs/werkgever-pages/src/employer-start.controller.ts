import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PlacementsService } from '@werkbrug/placements';
import { ProposalsService } from '@werkbrug/proposals';
import { VacanciesService, type VacancyView } from '@werkbrug/vacancies';
import { actorOf, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { listAll } from '@werkbrug/http';
import type { EmployerPlacement, EmployerProposal } from './employer-views';

/** The employer's start page: what waits for an answer, what runs, and the workplaces. */
@WebController('werkgever')
export class EmployerStartController {
  constructor(
    private readonly pages: PageResponder,
    private readonly vacancies: VacanciesService,
    private readonly proposals: ProposalsService,
    private readonly placements: PlacementsService,
  ) {}

  @Get()
  @WebAccess('werkgever')
  async start(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    // The first ten of each, with counts: the start page stays fast for a large employer.
    const [waiting, running, proposalCounts, placementCounts, workplaces] = await Promise.all([
      this.proposals.list(actor, { limit: 10, status: ['wacht_op_werkgever'] }),
      this.placements.list(actor, { limit: 10, status: 'lopend' }),
      this.proposals.countByStatus(actor),
      this.placements.countByStatus(actor),
      listAll<VacancyView>((q) => this.vacancies.list(actor, { ...q, sort: '-createdAt' })),
    ]);
    const byStatus = (s: string) => workplaces.filter((v) => v.status === s);
    this.pages.send(req, res, 'werkgever/start', {
      title: 'Start',
      waiting: waiting.items as EmployerProposal[],
      waitingCount: proposalCounts.wacht_op_werkgever ?? 0,
      running: running.items as EmployerPlacement[],
      runningCount: placementCounts.lopend ?? 0,
      open: byStatus('open').slice(0, 10),
      paused: byStatus('paused').slice(0, 10),
      filled: byStatus('filled').slice(0, 10),
      openCount: byStatus('open').length,
      pausedCount: byStatus('paused').length,
      filledCount: byStatus('filled').length,
      hasWorkplaces: workplaces.length > 0,
    });
  }
}
