import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { employerPlacementView, PlacementsService } from '@werkbrug/placements';
import { employerProposalView, ProposalsService } from '@werkbrug/proposals';
import { VacanciesService } from '@werkbrug/vacancies';
import { actorOf, PageResponder, WebAccess, WebController, type WebRequest } from '@werkbrug/web';
import { listAll } from '@werkbrug/http';
import { toStartView } from './start.view';

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
    const [
      waiting,
      running,
      proposalCounts,
      placementCounts,
      workplaces,
      toConfirm,
      toConfirmCount,
    ] = await Promise.all([
      this.proposals.list(actor, { limit: 10, status: ['wacht_op_werkgever'] }),
      this.placements.list(actor, { limit: 10, status: 'lopend', confirmation: ['bevestigd'] }),
      this.proposals.countByStatus(actor),
      this.placements.countByStatus(actor),
      listAll((q) => this.vacancies.list(actor, { ...q, sort: '-createdAt' })),
      // Placements the employer has not confirmed wait for their answer too.
      this.placements.list(actor, {
        limit: 10,
        status: 'lopend',
        confirmation: ['te_bevestigen', 'wijziging_gevraagd'],
      }),
      this.placements.countToConfirm(actor),
    ]);
    const view = toStartView(
      waiting.items.map(employerProposalView),
      running.items.map(employerPlacementView),
      {
        proposals: proposalCounts,
        placements: placementCounts,
        placementsToConfirm: toConfirmCount,
      },
      workplaces,
      toConfirm.items.map(employerPlacementView),
    );
    this.pages.send(req, res, 'werkgever/start', view);
  }
}
