import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { SecondFactorService, SignInService, type Role, type SignInWay } from '@werkbrug/auth';
import { LANDING } from './navigation';
import { SessionService } from './session.service';
import { setSessionCookie, type WebRequest } from './web-request';

/** Who passed the first factor (a password, a mailed link, the organisation's provider). */
export interface FirstFactorUser {
  id: string;
  role: Role;
  email: string;
}

/** The second-factor pages: the code, the recovery code, the set-up. */
export const SECOND_FACTOR_PATHS = {
  code: '/inlogcode',
  recovery: '/inlogcode/herstelcode',
  setup: '/inlogcode/instellen',
  done: '/inlogcode/klaar',
} as const;

const withBack = (path: string, back: string) =>
  back ? `${path}?terug=${encodeURIComponent(back)}` : path;

/**
 * The one way a web session becomes signed in, whatever the first factor was. Staff (werkmakelaars,
 * administrators) first get a pending session that opens no portal page, and go to the code page
 * (or the set-up of an app); the others are signed in at once. The OpenID Connect sign-in calls
 * firstFactorPassed with `providerReportedMfa` when the provider asked a second factor itself.
 */
@Injectable()
export class WebSignIn {
  constructor(
    private readonly sessions: SessionService,
    private readonly signIn: SignInService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** Redirects (303) to the second factor's page, or signs in and redirects to `back` or the start page. */
  async firstFactorPassed(
    req: WebRequest,
    res: Response,
    user: FirstFactorUser,
    options: { method: SignInWay['method']; back?: string; providerReportedMfa?: boolean },
  ): Promise<void> {
    const back = options.back ?? '';
    if (!this.secondFactor.requiredFor(user, options)) {
      const secondFactor = options.providerReportedMfa ? 'provider' : 'none';
      return this.complete(req, res, user, { method: options.method, secondFactor }, back);
    }
    const enrolled = (await this.secondFactor.status(user)) === 'enrolled';
    const old = req.web?.session;
    const pending = await this.sessions.createPending(
      user.id,
      enrolled ? 'code' : 'setup',
      options.method,
    );
    // A form kept when the last session ended comes along, if it is this person's.
    if (old?.id) {
      await this.sessions.carryPendingForm(old.id, pending.id, user.id);
      await this.sessions.end(old.id);
    }
    setSessionCookie(req, res, pending.cookieValue);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(
      303,
      withBack(enrolled ? SECOND_FACTOR_PATHS.code : SECOND_FACTOR_PATHS.setup, back),
    );
  }

  /**
   * Every factor passed: a new signed-in session (rotation), "Laatst ingelogd" and the audit line;
   * a kept form comes along.
   */
  async complete(
    req: WebRequest,
    res: Response,
    user: FirstFactorUser,
    way: Omit<SignInWay, 'channel'>,
    back: string,
    notice?: string,
  ): Promise<void> {
    await this.signIn.completeSignIn(user, { ...way, channel: 'web' }, req.ip);
    const old = req.web?.session;
    const created = await this.sessions.create(user.id);
    const formKept = old?.id
      ? await this.sessions.carryPendingForm(old.id, created.id, user.id)
      : false;
    if (old?.id) await this.sessions.end(old.id);
    if (notice) await this.sessions.tell(created.id, notice);
    setSessionCookie(req, res, created.cookieValue);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, formKept ? '/sessie/formulier' : back || LANDING[user.role]);
  }
}
