import { Get, Inject, Logger, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '@werkbrug/audit';
import {
  IdentityProvidersService,
  OidcClient,
  OidcRefused,
  type OidcRefusal,
  type OidcSignedIn,
} from '@werkbrug/auth';
import { APP_CONFIG, type AppConfig } from '@werkbrug/config';
import { LANDING } from './navigation';
import { OIDC_REFUSAL_WORDS } from './oidc-words';
import { PageResponder } from './page-responder';
import { SessionService, type OidcPendingState } from './session.service';
import { WebController, WebPublic } from './web-access.decorator';
import type { WebRequest } from './web-request';
import { WebSignIn } from './web-sign-in';

/** Where the provider sends the browser back (register this redirect URI at the provider). */
export const OIDC_CALLBACK_PATH = '/inloggen/oidc/terug';
export const OIDC_START_PATH = '/inloggen/oidc/start';

/**
 * Sign-in through the organisation's own identity provider (OpenID Connect, authorization code
 * flow with PKCE): the sign-in page's e-mail step chose the organisation and kept it in the
 * anonymous session; `start` sends the browser to the provider with a fresh state, nonce and
 * verifier (kept server-side), and the callback lets the person in only when openid-client
 * accepted the ID token and IdentityProvidersService accepted the account. Every refusal is a
 * Dutch page and an audit line.
 */
@WebController('inloggen/oidc')
export class OidcSignInController {
  private readonly log = new Logger('OidcSignIn');

  constructor(
    private readonly pages: PageResponder,
    private readonly sessions: SessionService,
    private readonly providers: IdentityProvidersService,
    private readonly oidc: OidcClient,
    private readonly audit: AuditService,
    private readonly webSignIn: WebSignIn,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get redirectUri() {
    return new URL(OIDC_CALLBACK_PATH, this.config.publicUrl).href;
  }

  /** A refusal: the audit line (reason, organisation, address if known) and the Dutch page. */
  private async refuse(
    req: WebRequest,
    res: Response,
    reason: OidcRefusal,
    details: { organisationId?: string | null; email?: string | null; detail?: string },
  ) {
    await this.audit.record(this.audit.dataSource.manager, null, {
      action: 'sign_in.oidc_refused',
      details: {
        reason,
        organisationId: details.organisationId ?? null,
        email: details.email ?? null,
      },
    });
    this.log.warn(
      { reason, organisationId: details.organisationId, detail: details.detail },
      'OIDC sign-in refused',
    );
    const words = OIDC_REFUSAL_WORDS[reason];
    if (words.status === 503) res.setHeader('Retry-After', '60');
    this.pages.send(
      req,
      res,
      'inloggen-geweigerd',
      { title: words.title, paragraphs: words.paragraphs },
      words.status,
    );
  }

  @Get('start')
  @WebPublic()
  async start(@Req() req: WebRequest, @Res() res: Response) {
    const session = req.web?.session;
    if (session?.user) return res.redirect(303, LANDING[session.user.role]);
    const pending = session?.id ? await this.sessions.takeOidcPending(session.id) : null;
    // No e-mail step in this session (or it was used): start at the sign-in page.
    if (!session?.id || !pending) return res.redirect(303, '/inloggen');
    const settings = await this.providers.clientSettings(pending.organisationId);
    if (!settings)
      return this.refuse(req, res, 'provider_unreachable', {
        organisationId: pending.organisationId,
      });
    try {
      const { url, pending: checks } = await this.oidc.start(
        settings,
        this.redirectUri,
        pending.email,
      );
      await this.sessions.keepOidcPending(session.id, { ...pending, ...checks });
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(302, url);
    } catch (error) {
      if (!(error instanceof OidcRefused)) throw error;
      return this.refuse(req, res, error.reason, {
        organisationId: pending.organisationId,
        email: pending.email,
        detail: error.detail,
      });
    }
  }

  @Get('terug')
  @WebPublic()
  async callback(@Req() req: WebRequest, @Res() res: Response) {
    const session = req.web?.session;
    // One use: the pending sign-in is taken out of the session whatever happens next.
    const pending: OidcPendingState | null =
      session?.id && !session.user ? await this.sessions.takeOidcPending(session.id) : null;
    const query = new URL(req.originalUrl, this.config.publicUrl).searchParams;
    if (
      !pending?.state ||
      !pending.nonce ||
      !pending.codeVerifier ||
      query.get('state') !== pending.state
    )
      return this.refuse(req, res, 'wrong_state', { organisationId: pending?.organisationId });
    const organisationId = pending.organisationId;
    let signedIn: OidcSignedIn;
    try {
      const settings = await this.providers.clientSettings(organisationId);
      if (!settings) throw new OidcRefused('provider_unreachable', 'provider removed');
      const callbackUrl = new URL(this.redirectUri);
      callbackUrl.search = query.toString();
      const claims = await this.oidc.finish(settings, callbackUrl, {
        state: pending.state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
      signedIn = await this.providers.signIn(organisationId, claims);
    } catch (error) {
      if (!(error instanceof OidcRefused)) throw error;
      return this.refuse(req, res, error.reason, {
        organisationId,
        // The address the token named when the account was refused; else the one typed.
        email: error.detail && error.detail.includes('@') ? error.detail : pending.email,
        detail: error.detail,
      });
    }
    await this.audit.record(
      this.audit.dataSource.manager,
      {
        userId: signedIn.userId,
        role: signedIn.role,
        organisationId,
        employerId: null,
        candidateId: null,
      },
      {
        action: 'sign_in.oidc',
        details: { organisationId, mfaByProvider: signedIn.mfa, accountCreated: signedIn.created },
      },
    );
    // A provider that checked a second factor itself (amr/acr) is enough; otherwise staff go on to
    // Werkbrug's own code step (the set-up of an app the first time).
    await this.webSignIn.firstFactorPassed(
      req,
      res,
      { id: signedIn.userId, role: signedIn.role, email: signedIn.email },
      { method: 'oidc', back: pending.back, providerReportedMfa: signedIn.mfa },
    );
  }
}
