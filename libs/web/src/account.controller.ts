import { Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  IdentityProvidersService,
  LoginThrottle,
  type ProviderRoute,
  SignInService,
} from '@werkbrug/auth';
import { FormErrors } from './form-errors';
import { LANDING } from './navigation';
import { PageResponder } from './page-responder';
import { PasswordResetService } from './password-reset.service';
import { passwordProblemNl } from './password-words';
import { SessionService } from './session.service';
import { BeforeTerms, WebAccess, WebController, WebPublic } from './web-access.decorator';
import { safeReturnPath, WebRedirect } from './web-errors';
import { OIDC_START_PATH } from './oidc-sign-in.controller';
import { actorOf, field, formBody, setSessionCookie, type WebRequest } from './web-request';
import { WebSignIn } from './web-sign-in';

const ACCEPT_OPTIONS = [
  { value: 'ja', text: 'Ik heb dit gelezen en ik ga akkoord met de gebruiksvoorwaarden' },
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Home, sign-in and sign-out, forgotten password, and the terms of use: the pages every portal
 * shares. Sign-in is the API's (SignInService): the same login rate limits and password check.
 */
@WebController()
export class AccountController {
  constructor(
    private readonly signIn: SignInService,
    private readonly pages: PageResponder,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly resets: PasswordResetService,
    private readonly providers: IdentityProvidersService,
    private readonly webSignIn: WebSignIn,
  ) {}

  /** The home page; `/` is rewritten to this route (see installWeb). */
  @Get('welkom')
  @WebPublic()
  home(@Req() req: WebRequest, @Res() res: Response) {
    const user = req.web?.session?.user ?? null;
    this.pages.send(req, res, 'home', {
      title: 'Werk dat past, met de steun die nodig is',
      landing: user ? LANDING[user.role] : null,
    });
  }

  /** The login form needs a session for its CSRF token: an anonymous one is made here. */
  private async ensureSession(req: WebRequest, res: Response) {
    if (req.web?.session) return;
    const { cookieValue, csrfToken } = await this.sessions.create(null);
    setSessionCookie(req, res, cookieValue);
    req.web = {
      session: { id: '', csrfToken, actor: null, user: null, termsAccepted: false, notice: null },
    };
  }

  @Get('inloggen')
  @WebPublic()
  async loginForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('terug') back?: string,
    @Query('wachtwoord') passwordSet?: string,
  ) {
    const user = req.web?.session?.user;
    if (user) throw new WebRedirect(safeReturnPath(back) ?? LANDING[user.role]);
    await this.ensureSession(req, res);
    const sessionId = req.web?.session?.id;
    this.pages.send(req, res, 'inloggen', {
      title: 'Inloggen',
      values: { email: '' },
      back: safeReturnPath(back) ?? '',
      passwordSet: passwordSet === '1',
      // A form sent after the session ended waits for this sign-in (WCAG 2.2.1).
      formKept: sessionId ? await this.sessions.hasPendingForm(sessionId) : false,
    });
  }

  @Post('inloggen')
  @WebPublic()
  async login(@Req() req: WebRequest, @Res() res: Response) {
    const body = formBody(req);
    const email = field(body, 'email').toLowerCase();
    const password = typeof body.password === 'string' ? body.password : '';
    const back = safeReturnPath(field(body, 'terug')) ?? '';
    const errors = new FormErrors();
    if (!email) errors.add('email', 'Vul uw e-mailadres in');
    else if (!EMAIL.test(email) || email.length > 254)
      errors.add('email', 'Vul een e-mailadres in zoals naam@bedrijf.nl');
    const again = (status = 400) =>
      this.pages.send(
        req,
        res,
        'inloggen',
        { title: 'Inloggen', values: { email }, back, errors },
        status,
      );
    if (errors.any) {
      if (!password) errors.add('password', 'Vul uw wachtwoord in');
      return again();
    }
    // E-mail first: staff of an organisation with its own identity provider go there, unless the
    // organisation still allows passwords and one was typed; everyone else signs in with the password.
    const route = await this.providers.routeFor(email);
    if (route && (!password || !route.passwordAllowed))
      return this.toProvider(req, res, route, email, back);
    if (!password) {
      errors.add('password', 'Vul uw wachtwoord in');
      return again();
    }
    const result = await this.signIn.signIn(email, password, req.ip);
    if (!result.ok && result.reason === 'throttled') {
      const seconds = result.retryAfterSeconds;
      res.setHeader('Retry-After', String(seconds));
      errors.add(
        'email',
        `U heeft te vaak geprobeerd in te loggen. Probeer het over ${Math.ceil(seconds / 60)} ${seconds > 60 ? 'minuten' : 'minuut'} opnieuw`,
      );
      return again(429);
    }
    if (!result.ok && result.reason === 'password-not-allowed')
      return this.toProvider(req, res, result.provider, email, back);
    if (!result.ok) {
      errors.add('email', 'Het e-mailadres of het wachtwoord klopt niet');
      return again(401);
    }
    // Staff go on to the second factor first; the others are signed in now (a new session).
    await this.webSignIn.firstFactorPassed(req, res, result.user, { method: 'password', back });
  }

  /**
   * On to the organisation's provider: the choice is kept in the anonymous session and the page
   * continues to OIDC_START_PATH by itself (a refresh, which needs no JavaScript) or by its button.
   * Not a redirect: the sign-in form's `form-action 'self'` would stop a redirect to the provider.
   */
  private async toProvider(
    req: WebRequest,
    res: Response,
    route: ProviderRoute,
    email: string,
    back: string,
  ) {
    const sessionId = req.web?.session?.id;
    if (!sessionId) throw new WebRedirect('/inloggen');
    await this.sessions.keepOidcPending(sessionId, {
      organisationId: route.organisationId,
      email,
      back,
    });
    this.pages.send(req, res, 'inloggen-organisatie', {
      title: `Inloggen via ${route.organisationName}`,
      organisationName: route.organisationName,
      startHref: OIDC_START_PATH,
      refreshTo: OIDC_START_PATH,
    });
  }

  @Post('uitloggen')
  @WebPublic()
  async logout(@Req() req: WebRequest, @Res() res: Response) {
    const session = req.web?.session;
    if (session?.id) await this.sessions.end(session.id);
    // A fresh anonymous session only to say so on the next page.
    const anonymous = await this.sessions.create(null);
    await this.sessions.tell(anonymous.id, 'U bent uitgelogd. Tot de volgende keer.');
    setSessionCookie(req, res, anonymous.cookieValue);
    res.redirect(303, '/');
  }

  @Get('wachtwoord-vergeten')
  @WebPublic()
  async forgotForm(@Req() req: WebRequest, @Res() res: Response) {
    await this.ensureSession(req, res);
    this.pages.send(req, res, 'wachtwoord-vergeten', { title: 'Wachtwoord vergeten', values: {} });
  }

  @Post('wachtwoord-vergeten')
  @WebPublic()
  async forgot(@Req() req: WebRequest, @Res() res: Response) {
    const email = field(formBody(req), 'email').toLowerCase();
    const errors = new FormErrors();
    if (!email) errors.add('email', 'Vul uw e-mailadres in');
    else if (!EMAIL.test(email) || email.length > 254)
      errors.add('email', 'Vul een e-mailadres in zoals naam@bedrijf.nl');
    if (errors.any)
      return this.pages.send(req, res, 'wachtwoord-vergeten', {
        title: 'Wachtwoord vergeten',
        values: { email },
        errors,
      });
    // The same limits as sign-in, so the form cannot be used to flood a mailbox.
    this.throttle.checkBefore(email, req.ip ?? 'unknown');
    this.throttle.recordFailure(email, req.ip ?? 'unknown');
    await this.resets.requestReset(email);
    // The same answer whether or not the address is known, so it reveals no accounts.
    this.pages.send(req, res, 'wachtwoord-vergeten-verstuurd', {
      title: 'Kijk in uw e-mail',
      email,
    });
  }

  @Get('wachtwoord-instellen/:token')
  @WebPublic()
  async setPasswordForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Param('token') token: string,
  ) {
    await this.ensureSession(req, res);
    // The token is in the path: never pass it on to another site.
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!(await this.resets.isUsable(token)))
      return this.pages.send(
        req,
        res,
        'wachtwoord-link-verlopen',
        { title: 'Deze link werkt niet meer' },
        410,
      );
    this.pages.send(req, res, 'wachtwoord-instellen', {
      title: 'Kies een nieuw wachtwoord',
      token,
    });
  }

  @Post('wachtwoord-instellen/:token')
  @WebPublic()
  async setPassword(@Req() req: WebRequest, @Res() res: Response, @Param('token') token: string) {
    const body = formBody(req);
    const password = typeof body.password === 'string' ? body.password : '';
    const repeat = typeof body.repeat === 'string' ? body.repeat : '';
    const errors = new FormErrors();
    const problem = password ? passwordProblemNl(password) : 'Kies een wachtwoord';
    if (problem) errors.add('password', problem);
    else if (repeat !== password) errors.add('repeat', 'Vul twee keer hetzelfde wachtwoord in');
    if (errors.any)
      return this.pages.send(req, res, 'wachtwoord-instellen', {
        title: 'Kies een nieuw wachtwoord',
        token,
        errors,
      });
    if (!(await this.resets.complete(token, password)))
      return this.pages.send(
        req,
        res,
        'wachtwoord-link-verlopen',
        { title: 'Deze link werkt niet meer' },
        410,
      );
    res.redirect(303, '/inloggen?wachtwoord=1');
  }

  @Get('voorwaarden')
  @WebPublic()
  terms(@Req() req: WebRequest, @Res() res: Response, @Query('terug') back?: string) {
    const session = req.web?.session;
    this.pages.send(req, res, 'voorwaarden', {
      title: 'Gebruiksvoorwaarden en privacy',
      mustAccept: session?.user?.role === 'werkgever' && !session.termsAccepted,
      acceptOptions: ACCEPT_OPTIONS,
      back: safeReturnPath(back) ?? '',
    });
  }

  @Post('voorwaarden')
  @WebAccess('werkgever')
  @BeforeTerms()
  async acceptTerms(@Req() req: WebRequest, @Res() res: Response) {
    const actor = actorOf(req);
    const body = formBody(req);
    const back = safeReturnPath(field(body, 'terug')) ?? '';
    const errors = new FormErrors();
    if (field(body, 'akkoord') !== 'ja')
      errors.add('akkoord', 'Zet een vinkje als u akkoord gaat met de voorwaarden');
    if (errors.any)
      return this.pages.send(req, res, 'voorwaarden', {
        title: 'Gebruiksvoorwaarden en privacy',
        mustAccept: true,
        acceptOptions: ACCEPT_OPTIONS,
        back,
        errors,
      });
    await this.sessions.acceptTerms(actor.userId);
    await this.pages.tell(req, 'U heeft de gebruiksvoorwaarden geaccepteerd. Welkom bij Werkbrug.');
    res.redirect(303, back || LANDING.werkgever);
  }
}
