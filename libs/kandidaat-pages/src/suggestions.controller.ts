import {
  Get,
  Logger,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { CreateInterestDto, InterestsService } from '@werkbrug/interests';
import { MatchingService, SuggestionsService } from '@werkbrug/matching';
import { ProposalsService } from '@werkbrug/proposals';
import {
  actorOf,
  confirmed,
  formBody,
  FormErrors,
  PageResponder,
  pageNumber,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { WerksoortenService } from '@werkbrug/werksoorten';
import { selfOf } from './candidate-self';
import { INTEREST_WORDS, interestInput } from './interest.form';
import {
  interestListPageView,
  SUGGESTION_LIMIT,
  suggestionsPageView,
  workplacePageView,
} from './suggestions.view';

/** Mijn werkplekken, one workplace, and the interest the candidate showed. */
@WebController('kandidaat')
export class SuggestionsController {
  private readonly logger = new Logger(SuggestionsController.name);

  constructor(
    private readonly pages: PageResponder,
    private readonly suggestions: SuggestionsService,
    private readonly matching: MatchingService,
    private readonly werksoorten: WerksoortenService,
    private readonly interests: InterestsService,
    private readonly proposals: ProposalsService,
  ) {}

  @Get()
  @WebAccess('kandidaat')
  async start(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('werksoort') werksoort?: string,
    @Query('pagina') pagina?: string,
  ) {
    const { actor, candidateId } = selfOf(req);
    const kinds = await this.werksoorten.activeByName();
    const chosen = kinds.some((k) => k.code === werksoort) ? werksoort : undefined;
    const [found, waiting] = await Promise.all([
      // When search is down the page still opens and says so; the rest of the site keeps working.
      this.suggestions
        // The workplace page asks the same (SUGGESTION_LIMIT): one cached answer serves both.
        .forCandidate(actor, candidateId, { limit: SUGGESTION_LIMIT, werksoort: chosen })
        .catch((error: unknown) => {
          this.logger.warn(
            `suggestions failed: ${error instanceof Error ? error.message : String(error)}`,
          );
          return null;
        }),
      this.proposals.countByStatus(actor),
    ]);
    const view = suggestionsPageView({
      kinds,
      werksoort: chosen,
      found,
      waitingCount: waiting.wacht_op_kandidaat ?? 0,
      page: pageNumber(pagina),
    });
    this.pages.send(req, res, 'kandidaat/werkplekken', view);
  }

  /** Mijn werkplekken is the start page; match mails sent before it said so link here. */
  @Get('werkplekken')
  @WebAccess('kandidaat')
  myWorkplaces(@Res() res: Response) {
    res.redirect(303, '/kandidaat');
  }

  @Get('werkplekken/:id')
  @WebAccess('kandidaat')
  async workplace(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.renderWorkplace(req, res, id, null);
  }

  private async renderWorkplace(
    req: WebRequest,
    res: Response,
    id: string,
    errors: FormErrors | null,
  ) {
    const { actor, candidateId } = selfOf(req);
    // The fit of this one workplace from the two records: no search (and no wait on one).
    const [{ vacancy, fit }, signals] = await Promise.all([
      this.matching.fitFor(actor, candidateId, id),
      this.interests.mine(actor),
    ]);
    const view = workplacePageView(vacancy, fit, signals);
    this.pages.send(req, res, 'kandidaat/werkplek', { ...view, errors });
  }

  @Post('werkplekken/:id/interesse')
  @WebAccess('kandidaat')
  async interested(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const errors = new FormErrors();
    const input = interestInput(id, formBody(req));
    const dto = await validateAsDto(CreateInterestDto, input, INTEREST_WORDS, errors, 'note', 'je');
    if (!dto) return this.renderWorkplace(req, res, id, errors);
    const { signal } = await this.interests.express(actorOf(req), dto);
    await this.pages.tell(
      req,
      `Je interesse voor ${signal.vacancy.title} is doorgegeven. Je werkmakelaar kijkt ernaar en laat van zich horen.`,
    );
    res.redirect(303, `/kandidaat/werkplekken/${id}`);
  }

  @Get('interesse')
  @WebAccess('kandidaat')
  async interestList(@Req() req: WebRequest, @Res() res: Response) {
    const signals = await this.interests.mine(actorOf(req));
    this.pages.send(req, res, 'kandidaat/interesse', interestListPageView(signals));
  }

  @Post('interesse/:id/intrekken')
  @WebAccess('kandidaat')
  async withdrawInterest(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const signal = (await this.interests.mine(actorOf(req))).find((s) => s.id === id);
    if (!signal) throw new NotFoundException();
    const title = signal.vacancy.title;
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wil je je interesse voor ${title} terugtrekken?`,
        consequences: [
          'Je werkmakelaar ziet dat je geen interesse meer hebt.',
          'Wil je later toch? Zeg dan opnieuw bij de werkplek dat je interesse hebt.',
        ],
        action: `/kandidaat/interesse/${id}/intrekken`,
        confirmText: 'Ja, trek mijn interesse terug',
        cancelHref: '/kandidaat/interesse',
        cancelText: 'Nee, ik heb nog interesse',
        warning: true,
      });
    await this.interests.withdraw(actorOf(req), id);
    await this.pages.tell(req, `Je hebt je interesse voor ${title} teruggetrokken.`);
    res.redirect(303, '/kandidaat/interesse');
  }
}
