import { Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ROLES, SessionsService, type Role, type SessionView } from '@werkbrug/auth';
import { PageResponder } from './page-responder';
import { SessionService } from './session.service';
import { BeforeTerms, WebAccess, WebController } from './web-access.decorator';
import { actorOf, confirmed, setSessionCookie, type WebRequest } from './web-request';

/** The page for every role: one route, linked from each portal's account page or menu. */
export const SESSIONS_PAGE = '/account/sessies';

/** The page's words in the reader's form of address: "u" for staff and employers, "je" for candidates. */
const WORDS = {
  u: {
    intro:
      'Hier ziet u waar u bent ingelogd bij Werkbrug. Kent u een apparaat niet? Log het uit en wijzig uw wachtwoord.',
    none: 'U bent alleen op dit apparaat ingelogd.',
    endedOne: (what: string) => `U bent uitgelogd op ${what}.`,
    endedOthers: 'U bent op alle andere apparaten uitgelogd.',
    nothing: 'U was al uitgelogd op dat apparaat.',
    endedAll: 'U bent overal uitgelogd. Tot de volgende keer.',
    confirmTitle: 'Wilt u overal uitloggen?',
    consequences: [
      'U wordt uitgelogd op alle apparaten, ook op dit apparaat.',
      'Koppelingen met andere programma’s stoppen ook.',
      'Daarna logt u opnieuw in met uw e-mailadres en wachtwoord.',
    ],
  },
  je: {
    intro:
      'Hier zie je waar je bent ingelogd bij Werkbrug. Ken je een apparaat niet? Log het uit en wijzig je wachtwoord.',
    none: 'Je bent alleen op dit apparaat ingelogd.',
    endedOne: (what: string) => `Je bent uitgelogd op ${what}.`,
    endedOthers: 'Je bent op alle andere apparaten uitgelogd.',
    nothing: 'Je was al uitgelogd op dat apparaat.',
    endedAll: 'Je bent overal uitgelogd. Tot de volgende keer.',
    confirmTitle: 'Wil je overal uitloggen?',
    consequences: [
      'Je wordt uitgelogd op alle apparaten, ook op dit apparaat.',
      'Koppelingen met andere programma’s stoppen ook.',
      'Daarna log je opnieuw in met je e-mailadres en wachtwoord.',
    ],
  },
};

const addressOf = (role: Role) => (role === 'kandidaat' ? 'je' : 'u');

/** One row of the table. */
const rowOf = (s: SessionView) => ({
  id: s.id,
  what: s.browser ?? 'Onbekende browser',
  api: s.kind === 'api',
  signedInAt: s.signedInAt.toISOString(),
  lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
  current: s.current,
});

/**
 * "Apparaten en sessies": where the user is signed in (browsers and API tokens), with "Uitloggen" per
 * device, "Overal uitloggen behalve hier" and "Overal uitloggen" (asked first). Every end goes through
 * auth's SessionsService (one audit line each).
 */
@WebController('account/sessies')
export class SessionsPageController {
  constructor(
    private readonly pages: PageResponder,
    private readonly ends: SessionsService,
    private readonly sessions: SessionService,
  ) {}

  private currentId(req: WebRequest) {
    return req.web?.session?.id ?? '';
  }

  @Get()
  @WebAccess(...ROLES)
  @BeforeTerms()
  async page(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const address = addressOf(actor.role);
    const list = await this.ends.list(actor.userId, { kind: 'web', id: this.currentId(req) });
    const rows = list.map(rowOf);
    this.pages.send(req, res, 'sessies', {
      title: 'Apparaten en sessies',
      address,
      words: WORDS[address],
      formal: address === 'u',
      rows,
      others: rows.some((r) => !r.current),
    });
  }

  @Post('anderen')
  @WebAccess(...ROLES)
  @BeforeTerms()
  async endOthers(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    await this.ends.endAllFor(actor.userId, {
      reason: 'self_others',
      by: actor,
      except: { kind: 'web', id: this.currentId(req) },
    });
    await this.pages.tell(req, WORDS[addressOf(actor.role)].endedOthers);
    res.redirect(303, SESSIONS_PAGE);
  }

  /** Signs out everywhere, this browser too: asked first (it cannot be undone). */
  @Post('overal')
  @WebAccess(...ROLES)
  @BeforeTerms()
  async endAll(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const words = WORDS[addressOf(actor.role)];
    if (!confirmed(req))
      return this.pages.confirm(req, res, {
        title: words.confirmTitle,
        consequences: words.consequences,
        action: `${SESSIONS_PAGE}/overal`,
        confirmText: 'Ja, log overal uit',
        cancelHref: SESSIONS_PAGE,
        warning: true,
      });
    await this.ends.endAllFor(actor.userId, { reason: 'self_all', by: actor });
    // A fresh anonymous session only to say so on the next page (as "Uitloggen" does).
    const anonymous = await this.sessions.create(null);
    await this.sessions.tell(anonymous.id, words.endedAll);
    setSessionCookie(req, res, anonymous.cookieValue);
    res.redirect(303, '/inloggen');
  }

  /** Signs out one other device; no question first (the person can sign in there again). */
  @Post(':id/uitloggen')
  @WebAccess(...ROLES)
  @BeforeTerms()
  async endOne(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
  ) {
    const actor = actorOf(req);
    const words = WORDS[addressOf(actor.role)];
    // This browser signs out with the header's "Uitloggen"; here only other devices.
    const list = id === this.currentId(req) ? [] : await this.ends.list(actor.userId, null);
    const target = list.find((s) => s.id === id);
    const ended = target ? await this.ends.endOne(actor.userId, id, actor) : false;
    await this.pages.tell(
      req,
      ended && target ? words.endedOne(target.browser ?? 'een onbekende browser') : words.nothing,
    );
    res.redirect(303, SESSIONS_PAGE);
  }
}
