import { Get, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PlacementsService } from '@werkbrug/placements';
import {
  actorOf,
  INSTRUMENT_WORDS,
  PageResponder,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import type { EmployerPlacement } from './employer-views';
import { listAll } from '@werkbrug/http';

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
  async list(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const all = await listAll<EmployerPlacement>((q) => this.placements.list(actor, q));
    const rows = all.map((p) => ({
      ...p,
      instrumentWords: p.instruments.map((i) => INSTRUMENT_WORDS[i] ?? i).join(', '),
      outcomeText: p.outcome ? (OUTCOMES[p.outcome.outcome] ?? p.outcome.outcome) : '',
    }));
    this.pages.send(req, res, 'werkgever/plaatsingen', {
      title: 'Plaatsingen',
      running: rows.filter((p) => p.status !== 'beeindigd'),
      ended: rows.filter((p) => p.status === 'beeindigd'),
    });
  }
}
