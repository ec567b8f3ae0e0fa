import { Body, Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiNoContentResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { Problems, ApiProblemResponses } from '@werkbrug/http';
import { Access, Public } from './access.decorator';
import { AuthLinksService, SIGN_IN_LINK_MINUTES } from './auth-links.service';
import {
  EmailChangeConfirmed,
  LinkTokenRequest,
  MfaConfirmRequest,
  MfaConfirmResponse,
  MfaSetupResponse,
  SecondFactorTokenRequest,
  SignInLinkRedeemRequest,
  SignInLinkRequest,
  SignInLinkResponse,
  TokenRequest,
  TokenResponse,
} from './auth.dto';
import { CurrentActor } from './current-actor.decorator';
import { LoginThrottle, loginRefusedProblem } from './login-throttle';
import { ROLES, type Actor } from './role';
import { SignInService, type SignedInUser, type SignInWay } from './sign-in.service';
import {
  alreadyEnrolledProblem,
  SecondFactorService,
  type SecondFactorUser,
} from './second-factor/second-factor.service';
import {
  mfaCodeInvalidProblem,
  mfaNotNeededProblem,
  mfaRequiredProblem,
  mfaSetupRequiredProblem,
} from './second-factor/second-factor-problems';
import { TokenService } from './token.service';
import { UsersService } from './users/users.service';
import { UserResponse } from './users/users.responses';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly users: UsersService,
    private readonly links: AuthLinksService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  @Post('token')
  @ApiOkResponse({ type: TokenResponse })
  @Public()
  @HttpCode(200)
  @ApiProblemResponses(400, 401, 403, 422, 429)
  @ApiOperation({
    summary:
      'Exchange e-mail and password (and, for werkmakelaars and administrators, otp: a code of their authenticator app or a recovery code) for a bearer token',
    description:
      'Without otp such an account answers 401 MFA_REQUIRED, or 403 MFA_SETUP_REQUIRED when it has no authenticator app yet (set one up with /api/auth/mfa/setup and /confirm). A wrong code answers 401 MFA_CODE_INVALID and is throttled like a wrong password.',
  })
  async token(@Body() body: SecondFactorTokenRequest, @Req() req: Request): Promise<TokenResponse> {
    const user = await this.passwordUser(body, req);
    let secondFactor: SignInWay['secondFactor'] = 'none';
    if (this.secondFactor.requiredFor(user)) {
      if ((await this.secondFactor.status(user)) === 'none') throw mfaSetupRequiredProblem();
      secondFactor = await this.checkCode(user, body.otp, req);
    }
    await this.signIn.completeSignIn(
      user,
      { method: 'password', secondFactor, channel: 'api' },
      req.ip,
    );
    return this.tokens.issue(user.id);
  }

  @Post('mfa/setup')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Start setting up the authenticator app of a werkmakelaar or administrator without one: the secret, its otpauth URI and QR code (the same until confirmed)',
  })
  @ApiOkResponse({ type: MfaSetupResponse })
  @ApiProblemResponses(400, 401, 409, 422, 429)
  async mfaSetup(@Body() body: TokenRequest, @Req() req: Request): Promise<MfaSetupResponse> {
    const user = await this.passwordUser(body, req);
    if (!this.secondFactor.requiredFor(user)) throw mfaNotNeededProblem();
    return this.secondFactor.beginEnrolment(user);
  }

  @Post('mfa/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Confirm the set-up with the app's current code: the ten recovery codes (shown only now) and a bearer token",
  })
  @ApiOkResponse({ type: MfaConfirmResponse })
  @ApiProblemResponses(400, 401, 409, 422, 429)
  async mfaConfirm(
    @Body() body: MfaConfirmRequest,
    @Req() req: Request,
  ): Promise<MfaConfirmResponse> {
    const user = await this.passwordUser(body, req);
    if (!this.secondFactor.requiredFor(user)) throw mfaNotNeededProblem();
    if ((await this.secondFactor.status(user)) === 'enrolled') throw alreadyEnrolledProblem();
    const codes = await this.secondFactor.confirmEnrolment(user, body.otp, req.ip);
    if (codes === null) throw mfaCodeInvalidProblem();
    if (!Array.isArray(codes)) throw loginRefusedProblem(codes);
    await this.signIn.completeSignIn(
      user,
      { method: 'password', secondFactor: 'totp', channel: 'api' },
      req.ip,
    );
    return { ...(await this.tokens.issue(user.id)), recoveryCodes: codes };
  }

  /** E-mail and password, throttled: the user, or the 401/429 problem. */
  private async passwordUser(body: TokenRequest, req: Request): Promise<SignedInUser> {
    const result = await this.signIn.signIn(body.email, body.password, req.ip);
    if (result.ok) return result.user;
    if (result.reason === 'throttled') throw loginRefusedProblem(result);
    if (result.reason === 'password-not-allowed')
      throw Problems.forbidden(
        `${result.provider.organisationName} signs in through its own identity provider; a password is not accepted for this account.`,
      );
    throw Problems.unauthenticated('E-mail address or password is wrong.');
  }

  /** The second factor's code (MFA_REQUIRED without one): how it was given, or the problem. */
  private async checkCode(
    user: SecondFactorUser,
    otp: string | undefined,
    req: Request,
  ): Promise<'totp' | 'recovery'> {
    if (!otp) throw mfaRequiredProblem();
    const check = await this.secondFactor.verify(user, otp, { ip: req.ip, channel: 'api' });
    if (check.ok) return check.method;
    if (check.reason === 'throttled') throw loginRefusedProblem(check);
    throw mfaCodeInvalidProblem();
  }

  @Post('sign-in-link')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mail a one-time sign-in link (the way in when the password is throttled); the same answer for any address',
  })
  @ApiAcceptedResponse({ type: SignInLinkResponse })
  @ApiProblemResponses(400, 422, 429)
  async signInLink(
    @Body() body: SignInLinkRequest,
    @Req() req: Request,
  ): Promise<SignInLinkResponse> {
    this.throttle.checkAddress(req.ip ?? 'unknown');
    await this.links.requestSignIn(body.email.trim().toLowerCase());
    return {
      detail: `If the address belongs to an active account, a sign-in link is on its way (valid ${SIGN_IN_LINK_MINUTES} minutes).`,
    };
  }

  @Post('sign-in-link/redeem')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange the token of a mailed sign-in link for a bearer token (once)',
  })
  @ApiOkResponse({ type: TokenResponse })
  @ApiProblemResponses(400, 401, 403, 422, 429)
  async redeem(@Body() body: SignInLinkRedeemRequest, @Req() req: Request): Promise<TokenResponse> {
    // The link stands in for the password only: the second factor is still asked, before the
    // link is used up (a wrong code leaves it usable).
    const holder = await this.links.signInLinkHolder(body.token);
    if (holder && this.secondFactor.requiredFor(holder)) {
      if ((await this.secondFactor.status(holder)) === 'none') throw mfaSetupRequiredProblem();
      await this.checkCode(holder, body.otp, req);
    }
    return this.links.redeemSignIn(body.token);
  }

  @Post('email-change/confirm')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirm a new login e-mail address with the token mailed to it; open sessions end',
  })
  @ApiOkResponse({ type: EmailChangeConfirmed })
  @ApiProblemResponses(400, 409, 422)
  async confirmEmail(@Body() body: LinkTokenRequest): Promise<EmailChangeConfirmed> {
    const { email } = await this.links.confirmEmailChange(body.token);
    return { email };
  }

  @Delete('token')
  @Access(...ROLES)
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the token used for this request (log out)' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async revoke(@Req() req: Request): Promise<void> {
    const header = req.headers.authorization ?? '';
    await this.tokens.revoke(header.slice(7).trim());
  }

  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  @Access(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentActor() actor: Actor) {
    const user = await this.users.findVisible(actor, actor.userId);
    if (!user) throw Problems.unauthenticated();
    return user;
  }
}
