import { Module } from '@nestjs/common';
import { AuthModule } from '@werkbrug/auth';
import { AccountLinksController } from './account-links.controller';
import { AccountController } from './account.controller';
import { OidcSignInController } from './oidc-sign-in.controller';
import { PageResponder } from './page-responder';
import { PasswordResetService } from './password-reset.service';
import { SecondFactorController } from './second-factor.controller';
import { SessionController } from './session.controller';
import { WebSignIn } from './web-sign-in';
import { SessionService } from './session.service';
import { SessionEndsWiring } from './session-ends';
import { SessionsPageController } from './sessions-page.controller';
import { ViewRenderer } from './view-renderer';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionGuard } from './web-session.guard';

/**
 * The web foundation: views, sessions, CSRF, error pages and the shared account pages. A portal
 * module imports WebModule and declares controllers with @WebController and @WebAccess.
 */
@Module({
  imports: [AuthModule],
  controllers: [
    AccountController,
    AccountLinksController,
    SessionController,
    SessionsPageController,
    SecondFactorController,
    OidcSignInController,
  ],
  providers: [
    { provide: ViewRenderer, useFactory: () => new ViewRenderer() },
    PageResponder,
    SessionService,
    SessionEndsWiring,
    WebSignIn,
    PasswordResetService,
    WebSessionGuard,
    WebExceptionFilter,
  ],
  exports: [
    ViewRenderer,
    PageResponder,
    SessionService,
    WebSignIn,
    PasswordResetService,
    WebSessionGuard,
    WebExceptionFilter,
  ],
})
export class WebModule {}
