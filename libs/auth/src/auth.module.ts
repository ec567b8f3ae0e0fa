import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@werkbrug/mail';
import { AuthLinksService } from './auth-links.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthToken } from './auth-token.entity';
import { IdentityProvidersController } from './identity-providers/identity-providers.controller';
import { IdentityProvidersService } from './identity-providers/identity-providers.service';
import { OidcClient } from './identity-providers/oidc-client';
import { LoginThrottle } from './login-throttle';
import { SignInService } from './sign-in.service';
import { KnownBrowsers } from './sessions/known-browsers';
import { SessionsService } from './sessions/sessions.service';
import { SessionsController } from './sessions/sessions.controller';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthToken]), MailModule],
  controllers: [AuthController, UsersController, SessionsController, IdentityProvidersController],
  providers: [
    TokenService,
    LoginThrottle,
    SignInService,
    UsersService,
    AuthLinksService,
    KnownBrowsers,
    SessionsService,
    OidcClient,
    IdentityProvidersService,
    SecondFactorService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    TokenService,
    UsersService,
    LoginThrottle,
    SignInService,
    AuthLinksService,
    KnownBrowsers,
    SessionsService,
    IdentityProvidersService,
    OidcClient,
    SecondFactorService,
  ],
})
export class AuthModule {}
