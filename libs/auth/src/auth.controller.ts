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
  SignInLinkRequest,
  SignInLinkResponse,
  TokenRequest,
  TokenResponse,
} from './auth.dto';
import { CurrentActor } from './current-actor.decorator';
import { LoginThrottle, loginRefusedProblem } from './login-throttle';
import { ROLES, type Actor } from './role';
import { SignInService } from './sign-in.service';
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
  ) {}

  @Post('token')
  @ApiOkResponse({ type: TokenResponse })
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange e-mail and password for a bearer token' })
  @ApiProblemResponses(400, 401, 403, 422, 429)
  async token(@Body() body: TokenRequest, @Req() req: Request): Promise<TokenResponse> {
    const result = await this.signIn.signIn(body.email, body.password, req.ip);
    if (result.ok) return this.tokens.issue(result.user.id);
    if (result.reason === 'throttled') throw loginRefusedProblem(result);
    if (result.reason === 'password-not-allowed')
      throw Problems.forbidden(
        `${result.provider.organisationName} signs in through its own identity provider; a password is not accepted for this account.`,
      );
    throw Problems.unauthenticated('E-mail address or password is wrong.');
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
  @ApiProblemResponses(400, 422)
  redeem(@Body() body: LinkTokenRequest): Promise<TokenResponse> {
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
