import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  employerPlacementView,
  PlacementsService,
  RequestPlacementChangeDto,
} from '@werkbrug/placements';
import {
  actorOf,
  field,
  formBody,
  FormErrors,
  keysetPager,
  PageResponder,
  pageCursor,
  validateAsDto,
  WebAccess,
  WebController,
  webId,
  type WebRequest,
} from '@werkbrug/web';
import { dutchDate } from '@werkbrug/domain';
import { listAll, ProblemException } from '@werkbrug/http';
import { type ChangeRequestValues, toPlaatsingenView, toPlaatsingView } from './placements.view';

const ENDED_PAGE = 20;

/** Why confirming or asking a change did not go through, in the employer's words. */
const REFUSALS: Record<string, string> = {
  NO_FREE_PLACE:
    'Alle plekken op deze werkplek zijn al gevuld. Zet er een plek bij op de werkplek, of laat het de werkmakelaar weten.',
  STALE_VERSION:
    'De werkmakelaar heeft de plaatsing net veranderd. Kijk hieronder of het nu klopt.',
  PLACEMENT_ALREADY_CONFIRMED: 'De plaatsing is al bevestigd. Misschien deed een collega dat al.',
  PLACEMENT_ENDED: 'De werkmakelaar heeft de plaatsing beëindigd. Bevestigen kan niet meer.',
};
const REFUSAL_FALLBACK =
  'Dit lukte niet. Probeer het opnieuw of neem contact op met de werkmakelaar.';

/**
 * Placements at the employer's workplaces (PlacementsService's employer view): those that wait for
 * the employer's confirmation first, then running and ended ones; one placement with "Klopt dit?".
 */
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
    // Running placements are few and all shown; ended ones grow for ever, so they page. Only what
    // the employer confirmed counts as running or ended; the rest waits for them on top.
    const cursor = pageCursor(after);
    const [toConfirm, running, endedPage] = await Promise.all([
      listAll((q) =>
        this.placements.list(actor, {
          ...q,
          status: 'lopend',
          confirmation: ['te_bevestigen', 'wijziging_gevraagd'],
        }),
      ),
      listAll((q) =>
        this.placements.list(actor, { ...q, status: 'lopend', confirmation: ['bevestigd'] }),
      ),
      this.placements.list(actor, {
        limit: ENDED_PAGE,
        cursor,
        status: 'beeindigd',
        confirmation: ['bevestigd'],
      }),
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
      toConfirm.map(employerPlacementView),
    );
    this.pages.send(req, res, 'werkgever/plaatsingen', view);
  }

  private async page(
    req: WebRequest,
    res: Response,
    id: string,
    values?: ChangeRequestValues,
    errors: FormErrors | null = null,
    status = 200,
  ) {
    const p = employerPlacementView(await this.placements.get(actorOf(req), id));
    this.pages.send(req, res, 'werkgever/plaatsing', toPlaatsingView(p, values, errors), status);
  }

  /** One placement (the mail "Bevestig de plaatsing" leads here). 404 outside the employer's sight. */
  @Get(':id')
  @WebAccess('werkgever')
  async show(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    await this.page(req, res, id);
  }

  /** "Klopt dit? Bevestig de plaatsing": the version the employer saw, nothing else. */
  @Post(':id/bevestigen')
  @WebAccess('werkgever')
  async confirm(@Req() req: WebRequest, @Res() res: Response, @Param('id', webId()) id: string) {
    const version = Number(field(formBody(req), 'version')) || undefined;
    try {
      const p = employerPlacementView(await this.placements.confirm(actorOf(req), id, {}, version));
      await this.pages.tell(
        req,
        `U heeft de plaatsing van ${p.candidate.pseudonym} bevestigd. De werkmakelaar krijgt bericht. ${p.candidate.pseudonym} begint op ${dutchDate(p.startDate)}.`,
      );
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
      const errors = new FormErrors().add('bevestigen', REFUSALS[error.code] ?? REFUSAL_FALLBACK);
      return this.page(req, res, id, undefined, errors, error.getStatus());
    }
    res.redirect(303, `/werkgever/plaatsingen/${id}`);
  }

  /** "Klopt er iets niet?": what should change goes to the werkmakelaar. */
  @Post(':id/wijziging')
  @WebAccess('werkgever')
  async requestChange(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', webId()) id: string,
  ) {
    const body = formBody(req);
    const values = { note: field(body, 'note') };
    const version = Number(field(body, 'version')) || undefined;
    const errors = new FormErrors();
    const words = {
      note: {
        field: 'note',
        message: values.note.trim()
          ? 'Schrijf niet meer dan 2000 tekens'
          : 'Schrijf wat er anders moet',
      },
    };
    const dto = await validateAsDto(RequestPlacementChangeDto, values, words, errors, 'note');
    if (!dto) return this.page(req, res, id, values, errors, 400);
    try {
      await this.placements.requestChange(actorOf(req), id, dto, version);
    } catch (error) {
      if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
      errors.add('note', REFUSALS[error.code] ?? REFUSAL_FALLBACK);
      return this.page(req, res, id, values, errors, error.getStatus());
    }
    await this.pages.tell(
      req,
      'Uw vraag is naar de werkmakelaar gestuurd. De werkmakelaar past de plaatsing aan. Daarna vragen we u opnieuw om te bevestigen.',
    );
    res.redirect(303, `/werkgever/plaatsingen/${id}`);
  }
}
