import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailModule } from '@werkbrug/mail';
import { AuthLinksService } from './auth-links.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthToken } from './auth-token.entity';
import { LoginThrottle } from './login-throttle';
import { SignInService } from './sign-in.service';
import { KnownBrowsers } from './sessions/known-browsers';
import { SessionsService } from './sessions/sessions.service';
import { SessionsController } from './sessions/sessions.controller';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthToken]), MailModule],
  controllers: [AuthController, UsersController, SessionsController],
  providers: [
    TokenService,
    LoginThrottle,
    SignInService,
    UsersService,
    AuthLinksService,
    KnownBrowsers,
    SessionsService,
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
  ],
})
export class AuthModule {}
