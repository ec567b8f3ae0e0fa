import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PlacementsService } from '@werkbrug/placements';
import { ProposalsService } from '@werkbrug/proposals';
import { VacanciesService, type VacancyView } from '@werkbrug/vacancies';
import { actorOf, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { listAll } from './list-all';
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
    const [waiting, running, workplaces] = await Promise.all([
      listAll<EmployerProposal>((q) =>
        this.proposals.list(actor, { ...q, status: 'wacht_op_werkgever' }),
      ),
      listAll<EmployerPlacement>((q) => this.placements.list(actor, { ...q, status: 'lopend' })),
      listAll<VacancyView>((q) => this.vacancies.list(actor, { ...q, sort: '-createdAt' })),
    ]);
    const byStatus = (s: string) => workplaces.filter((v) => v.status === s);
    this.pages.send(req, res, 'werkgever/start', {
      title: 'Start',
      waiting: waiting.slice(0, 10),
      waitingCount: waiting.length,
      running: running.slice(0, 10),
      runningCount: running.length,
      open: byStatus('open'),
      paused: byStatus('paused'),
      filled: byStatus('filled'),
      hasWorkplaces: workplaces.length > 0,
    });
  }
}
