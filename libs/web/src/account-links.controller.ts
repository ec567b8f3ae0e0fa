import { GoneException, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthLinksService, SessionsService } from '@werkbrug/auth';
import { ProblemException } from '@werkbrug/http';
import { PageResponder } from './page-responder';
import { SessionService } from './session.service';
import { WebController, WebPublic } from './web-access.decorator';
import { SESSION_COOKIE, type WebRequest } from './web-request';
import { WebSignIn } from './web-sign-in';

/**
 * The pages behind the one-time links AuthLinksService mails (besides the password links, which
 * AccountController serves): sign in without a password (`/inloggen/{token}`) and confirm a new
 * login address (`/e-mail-bevestigen/{token}`). Opening a link uses nothing up: the page asks
 * whether the link still works and shows a button; only the button (a POST with the CSRF token)
 * uses it, so a mail scanner that opens every link spends none. A used, expired or unknown link is
 * the 410 page.
 */
@WebController()
export class AccountLinksController {
  constructor(
    private readonly links: AuthLinksService,
    private readonly sessions: SessionService,
    private readonly pages: PageResponder,
    private readonly ends: SessionsService,
    private readonly webSignIn: WebSignIn,
  ) {}

  @Get('inloggen/:token')
  @WebPublic()
  async signInLinkPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    await this.open(req, res, token, 'sign_in');
    this.pages.send(req, res, 'inloggen-link', {
      title: 'Inloggen met de link uit uw e-mail',
      token,
    });
  }

  @Post('inloggen/:token')
  @WebPublic()
  async signInWithLink(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    const holder = await this.links.signInLinkHolder(token);
    const userId = holder ? await this.links.signInUserOf(token) : null;
    if (!holder || userId !== holder.id) throw new GoneException();
    // As the password sign-in: a new session; staff go on to their second factor first.
    await this.webSignIn.firstFactorPassed(req, res, holder, { method: 'link' });
  }

  @Get('e-mail-bevestigen/:token')
  @WebPublic()
  async confirmEmailPage(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    await this.open(req, res, token, 'email_change');
    this.pages.send(req, res, 'e-mail-bevestigen', {
      title: 'Bevestig uw nieuwe e-mailadres',
      token,
      state: 'ask',
    });
  }

  @Post('e-mail-bevestigen/:token')
  @WebPublic()
  async confirmEmail(@Req() req: WebRequest, @Res() res: Response, @Param('token') token: string) {
    let confirmed: { email: string; userId: string };
    try {
      confirmed = await this.links.confirmEmailChange(token);
    } catch (error) {
      if (!(error instanceof ProblemException)) throw error;
      if (error.code === 'LINK_INVALID') throw new GoneException();
      if (error.code !== 'EMAIL_TAKEN') throw error;
      return this.pages.send(
        req,
        res,
        'e-mail-bevestigen',
        { title: 'Dit e-mailadres is al in gebruik', token, state: 'taken' },
        409,
      );
    }
    // Every session of the account ends, this one too when it is theirs: sign in with the new address.
    await this.ends.endAllFor(confirmed.userId, { reason: 'email_change' });
    if (req.web?.session?.user?.id === confirmed.userId) {
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      req.web = { session: null };
    }
    this.pages.send(req, res, 'e-mail-bevestigen', {
      title: 'Uw e-mailadres is veranderd',
      email: confirmed.email,
      state: 'done',
    });
  }

  /**
   * A link's page: 410 when the link no longer works; otherwise a session for the button's CSRF
   * token (an anonymous one when the visitor has none). The page's Referrer-Policy (same-origin)
   * keeps the token from other sites.
   */
  private async open(
    req: WebRequest,
    res: Response,
    token: string,
    purpose: 'sign_in' | 'email_change',
  ) {
    if (!(await this.links.isUsable(token, [purpose]))) throw new GoneException();
    if (req.web?.session) return;
    const { cookieValue, csrfToken } = await this.sessions.create(null);
    setSessionCookie(req, res, cookieValue);
    req.web = {
      session: { id: '', csrfToken, actor: null, user: null, termsAccepted: false, notice: null },
    };
  }
}

/** The session cookie, as the sign-in page sets it (no Max-Age: it ends with the browser). */
function setSessionCookie(req: WebRequest, res: Response, value: string) {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
  });
}
