import { applyDecorators, Controller, SetMetadata, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public, type Role } from '@werkbrug/auth';
import { SKIP_TERMS_KEY, WEB_ACCESS_KEY, type WebAccessRule } from './web-access.rule';
import { WebExceptionFilter } from './web-exception.filter';
import { WebSessionGuard } from './web-session.guard';

/**
 * Web pages are signed in by session cookie, not bearer token: the bearer guard lets them through
 * (Public) and WebSessionGuard applies this rule. A web route without it is refused (fail closed).
 */
export const WebAccess = (...roles: Role[]) =>
  applyDecorators(
    Public(),
    SetMetadata(WEB_ACCESS_KEY, { public: false, roles } satisfies WebAccessRule),
  );

/** A page anyone may open (home, sign-in, password reset). POST forms still need the CSRF token. */
export const WebPublic = () =>
  applyDecorators(Public(), SetMetadata(WEB_ACCESS_KEY, { public: true } satisfies WebAccessRule));

/** Pages an employer may open before accepting the terms of use (the terms page, sign-out). */
export const BeforeTerms = () => SetMetadata(SKIP_TERMS_KEY, true);

/** A controller of web pages: session guard, HTML error pages, left out of the OpenAPI document. */
export const WebController = (prefix = '') =>
  applyDecorators(
    Controller(prefix),
    UseGuards(WebSessionGuard),
    UseFilters(WebExceptionFilter),
    ApiExcludeController(),
  );
