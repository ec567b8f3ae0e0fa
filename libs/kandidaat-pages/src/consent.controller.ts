import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { isPlacementView, PlacementsService } from '@werkbrug/placements';
import { asProposalView, ConsentDto, MeetingsService, ProposalsService } from '@werkbrug/proposals';
import {
  actorOf,
  confirmed,
  formBody,
  FormErrors,
  PageResponder,
  validateAsDto,
  WebAccess,
  WebController,
  type WebRequest,
} from '@werkbrug/web';
import { listAll } from '@werkbrug/http';
import { CONSENT_WORDS, consentInput } from './consent.form';
import { consentRequestPageView, consentsPageView } from './consent.view';
import { candidateMeetingSummary } from './meeting.view';

/** Toestemming: the candidate says yes or no to a proposal, and can stop sharing. */
@WebController('kandidaat')
export class ConsentController {
  constructor(
    private readonly pages: PageResponder,
    private readonly proposals: ProposalsService,
    private readonly meetings: MeetingsService,
    private readonly placements: PlacementsService,
  ) {}

  @Get('toestemming')
  @WebAccess('kandidaat')
  async consents(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const all = await listAll((q) => this.proposals.list(actor, q));
    this.pages.send(req, res, 'kandidaat/toestemming', consentsPageView(all.map(asProposalView)));
  }

  @Get('toestemming/:id')
  @WebAccess('kandidaat')
  async consentRequest(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.renderRequest(req, res, id, null);
  }

  private async renderRequest(
    req: WebRequest,
    res: Response,
    id: string,
    errors: FormErrors | null,
  ) {
    const p = asProposalView(await this.proposals.get(actorOf(req), id));
    // Placed: the placement that followed, whether it has started and the employer confirmed it.
    const placed =
      p.status === 'geplaatst'
        ? (await this.placements.list(actorOf(req), { proposalId: id, limit: 1 })).items.find(
            isPlacementView,
          )
        : undefined;
    const view = consentRequestPageView(p, new Date(), placed ?? null);
    // The kennismaking or meeloopdag, with the way to the page where the candidate picks a moment.
    const meetings = await this.meetings.forProposal(actorOf(req), id);
    const meeting = candidateMeetingSummary(id, p.vacancy.employerName, meetings);
    this.pages.send(req, res, 'kandidaat/toestemming-vraag', { ...view, meeting, errors });
  }

  @Post('toestemming/:id/ja')
  @WebAccess('kandidaat')
  async agree(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const errors = new FormErrors();
    const input = consentInput(formBody(req));
    const dto = await validateAsDto(ConsentDto, input, CONSENT_WORDS, errors, 'share', 'je');
    if (!dto) return this.renderRequest(req, res, id, errors);
    const p = asProposalView(await this.proposals.consent(actorOf(req), id, dto));
    await this.pages.tell(
      req,
      `Je profiel is gedeeld met ${p.vacancy.employerName ?? 'de werkgever'}. De werkgever laat weten of hij je wil leren kennen. Je krijgt daarover een mail.`,
    );
    res.redirect(303, '/kandidaat/toestemming');
  }

  @Post('toestemming/:id/nee')
  @WebAccess('kandidaat')
  async decline(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    await this.proposals.changeStatus(actorOf(req), id, {
      status: 'afgewezen',
      note: 'De kandidaat wil dit niet.',
    });
    await this.pages.tell(req, 'Je hebt nee gezegd. De werkgever ziet je profiel niet.');
    res.redirect(303, '/kandidaat/toestemming');
  }

  @Post('toestemming/:id/stoppen')
  @WebAccess('kandidaat')
  async stopSharing(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const p = asProposalView(await this.proposals.get(actorOf(req), id));
    const employer = p.vacancy.employerName ?? 'de werkgever';
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: `Wil je stoppen met delen met ${employer}?`,
        consequences: [
          `${employer} ziet je profiel dan niet meer.`,
          'Het voorstel voor deze werkplek stopt. Dit kun je niet terugdraaien.',
          'Wil je later toch weer? Vraag het je werkmakelaar.',
        ],
        action: `/kandidaat/toestemming/${id}/stoppen`,
        confirmText: 'Ja, stop met delen',
        cancelHref: '/kandidaat/toestemming',
        cancelText: 'Nee, blijf delen',
        warning: true,
      });
    await this.proposals.withdrawConsent(actorOf(req), id);
    await this.pages.tell(req, `Je deelt je profiel niet meer met ${employer}.`);
    res.redirect(303, '/kandidaat/toestemming');
  }
}
