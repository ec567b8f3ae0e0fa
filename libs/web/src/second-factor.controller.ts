import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { groupedSecret, SecondFactorService, type SecondFactorCheck } from '@werkbrug/auth';
import { FormErrors } from './form-errors';
import { PageResponder } from './page-responder';
import { SessionService, type PendingSecondFactor, type SecondFactorStep } from './session.service';
import { WebController, WebPublic } from './web-access.decorator';
import { safeReturnPath, WebRedirect } from './web-errors';
import { field, formBody, type WebRequest } from './web-request';
import { SECOND_FACTOR_PATHS, WebSignIn } from './web-sign-in';

const minutes = (seconds: number) =>
  `${Math.ceil(seconds / 60)} ${seconds > 60 ? 'minuten' : 'minuut'}`;

/**
 * The second step of signing in for werkmakelaars and administrators (SecondFactorService): the code
 * of their authenticator app, or a recovery code; at the first sign-in the set-up of an app (a QR
 * code drawn here as an image, and the secret as text for who cannot scan) and then the ten recovery
 * codes, once. Until the last step the session is not signed in: no portal page opens with it.
 */
@WebController('inlogcode')
export class SecondFactorController {
  constructor(
    private readonly pages: PageResponder,
    private readonly sessions: SessionService,
    private readonly secondFactor: SecondFactorService,
    private readonly webSignIn: WebSignIn,
  ) {}

  @Get()
  @WebPublic()
  codeForm(@Req() req: WebRequest, @Res() res: Response, @Query('terug') back?: string) {
    this.pendingAt(req, 'code');
    this.sendCode(req, res, 'inlogcode', safeReturnPath(back) ?? '');
  }

  @Post()
  @WebPublic()
  async code(@Req() req: WebRequest, @Res() res: Response) {
    await this.check(req, res, 'code', 'inlogcode');
  }

  @Get('herstelcode')
  @WebPublic()
  recoveryForm(@Req() req: WebRequest, @Res() res: Response, @Query('terug') back?: string) {
    this.pendingAt(req, 'code');
    this.sendCode(req, res, 'inlogcode-herstel', safeReturnPath(back) ?? '');
  }

  @Post('herstelcode')
  @WebPublic()
  async recovery(@Req() req: WebRequest, @Res() res: Response) {
    await this.check(req, res, 'herstelcode', 'inlogcode-herstel');
  }

  @Get('instellen')
  @WebPublic()
  async setupForm(@Req() req: WebRequest, @Res() res: Response, @Query('terug') back?: string) {
    const pending = this.pendingAt(req, 'setup');
    await this.sendSetup(req, res, pending, safeReturnPath(back) ?? '');
  }

  @Post('instellen')
  @WebPublic()
  async setup(@Req() req: WebRequest, @Res() res: Response) {
    const pending = this.pendingAt(req, 'setup');
    const body = formBody(req);
    const back = safeReturnPath(field(body, 'terug')) ?? '';
    const code = field(body, 'code');
    const errors = new FormErrors();
    if (!code) {
      errors.add('code', 'Vul de code van 6 cijfers uit de app in');
      return this.sendSetup(req, res, pending, back, errors);
    }
    const user = { id: pending.userId, email: pending.email };
    const result = await this.secondFactor.confirmEnrolment(user, code, req.ip);
    if (result === null) {
      errors.add('code', 'De code klopt niet. Vul de code in die de app nu laat zien');
      return this.sendSetup(req, res, pending, back, errors, 401);
    }
    if (!Array.isArray(result)) {
      res.setHeader('Retry-After', String(result.retryAfterSeconds));
      errors.add(
        'code',
        `U heeft te vaak een verkeerde code ingevuld. Probeer het over ${minutes(result.retryAfterSeconds)} opnieuw`,
      );
      return this.sendSetup(req, res, pending, back, errors, 429);
    }
    await this.sessions.setSecondFactorStep(req.web?.session?.id ?? '', 'codes-shown');
    // Shown once, in the answer to this form: the codes are stored only as hashes.
    res.setHeader('Cache-Control', 'no-store');
    this.pages.send(req, res, 'inlogcode-herstelcodes', {
      title: 'Bewaar uw herstelcodes',
      codes: result,
      back,
    });
  }

  /** After the recovery codes were shown: now the session is signed in. */
  @Post('klaar')
  @WebPublic()
  async done(@Req() req: WebRequest, @Res() res: Response) {
    const pending = this.pendingAt(req, 'codes-shown');
    const back = safeReturnPath(field(formBody(req), 'terug')) ?? '';
    await this.webSignIn.complete(
      req,
      res,
      { id: pending.userId, role: pending.role, email: pending.email },
      { method: pending.firstFactor, secondFactor: 'totp' },
      back,
      'Uw authenticator-app is ingesteld. Voortaan vult u bij het inloggen ook de code uit de app in.',
    );
  }

  /** The pending sign-in at this step; else back to the sign-in page. */
  private pendingAt(req: WebRequest, step: SecondFactorStep): PendingSecondFactor {
    const session = req.web?.session;
    if (session?.user) throw new WebRedirect('/inloggen');
    const pending = session?.pendingSecondFactor;
    if (!pending) throw new WebRedirect('/inloggen');
    if (pending.step !== step) {
      if (pending.step === 'setup') throw new WebRedirect(SECOND_FACTOR_PATHS.setup);
      if (pending.step === 'code') throw new WebRedirect(SECOND_FACTOR_PATHS.code);
      throw new WebRedirect('/inloggen');
    }
    return pending;
  }

  private sendCode(
    req: WebRequest,
    res: Response,
    page: 'inlogcode' | 'inlogcode-herstel',
    back: string,
    errors?: FormErrors,
    status = 200,
  ) {
    res.setHeader('Cache-Control', 'no-store');
    this.pages.send(
      req,
      res,
      page,
      {
        title:
          page === 'inlogcode'
            ? 'Vul de code uit uw authenticator-app in'
            : 'Vul een herstelcode in',
        back,
        backQuery: back ? `?terug=${encodeURIComponent(back)}` : '',
        errors,
      },
      status,
    );
  }

  private async sendSetup(
    req: WebRequest,
    res: Response,
    pending: PendingSecondFactor,
    back: string,
    errors?: FormErrors,
    status = 200,
  ) {
    const enrolment = await this.secondFactor.beginEnrolment({
      id: pending.userId,
      email: pending.email,
    });
    res.setHeader('Cache-Control', 'no-store');
    this.pages.send(
      req,
      res,
      'inlogcode-instellen',
      {
        title: 'Stel uw authenticator-app in',
        qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(enrolment.qrSvg).toString('base64')}`,
        secretGroups: groupedSecret(enrolment.secret),
        email: pending.email,
        back,
        errors,
      },
      status,
    );
  }

  /** The code (or recovery code) of a pending sign-in: signed in, or the form back with why not. */
  private async check(
    req: WebRequest,
    res: Response,
    name: 'code' | 'herstelcode',
    page: 'inlogcode' | 'inlogcode-herstel',
  ) {
    const pending = this.pendingAt(req, 'code');
    const body = formBody(req);
    const back = safeReturnPath(field(body, 'terug')) ?? '';
    const code = field(body, name);
    const errors = new FormErrors();
    if (!code) {
      errors.add(
        name,
        name === 'code' ? 'Vul de code van 6 cijfers uit de app in' : 'Vul een herstelcode in',
      );
      return this.sendCode(req, res, page, back, errors);
    }
    const user = { id: pending.userId, email: pending.email };
    const check: SecondFactorCheck = await this.secondFactor.verify(user, code, {
      ip: req.ip,
      channel: 'web',
    });
    if (!check.ok && check.reason === 'throttled') {
      res.setHeader('Retry-After', String(check.retryAfterSeconds));
      errors.add(
        name,
        `U heeft te vaak een verkeerde code ingevuld. Probeer het over ${minutes(check.retryAfterSeconds)} opnieuw`,
      );
      return this.sendCode(req, res, page, back, errors, 429);
    }
    if (!check.ok) {
      errors.add(
        name,
        name === 'code'
          ? 'De code klopt niet. Vul de code in die de app nu laat zien'
          : 'Deze herstelcode klopt niet of is al gebruikt',
      );
      return this.sendCode(req, res, page, back, errors, 401);
    }
    const left = check.recoveryCodesLeft;
    await this.webSignIn.complete(
      req,
      res,
      { id: pending.userId, role: pending.role, email: pending.email },
      { method: pending.firstFactor, secondFactor: check.method },
      back,
      check.method === 'recovery'
        ? `U heeft een herstelcode gebruikt. U heeft er nog ${left ?? 0} over.${(left ?? 0) <= 3 ? ' Vraag uw beheerder om uw authenticator-app opnieuw in te stellen, dan krijgt u nieuwe codes.' : ''}`
        : undefined,
    );
  }
}
