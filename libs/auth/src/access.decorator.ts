import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation, type ApiOperationOptions } from '@nestjs/swagger';
import { ApiProblemResponses } from '@werkbrug/http';
import type { Role } from './role';

export const ACCESS_KEY = 'werkbrug:access';

export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/**
 * Declares which roles may call a route. Routes without a declaration are refused (fail closed).
 * The OpenAPI document says what the guard answers: 401 without a valid token, 403 for another role.
 */
export const Access = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_KEY, { public: false, roles } satisfies AccessRule),
    ApiProblemResponses(401, 403),
  );

/**
 * `security: []` on the operation: the document requires the bearer token globally. The explicit
 * `summary: undefined` keeps ApiOperation's default (an empty summary) from overwriting one set by
 * an @ApiOperation applied before this decorator.
 */
const noSecurity: ApiOperationOptions = { security: [], summary: undefined };

/** Operations only: on a class (a page controller, left out of the document) it does nothing. */
function withoutSecurity(target: object, key?: string | symbol, descriptor?: PropertyDescriptor) {
  if (key !== undefined && descriptor) ApiOperation(noSecurity)(target, key, descriptor);
}

/** Declares a route open to everyone (login, health, docs). */
export const Public = () =>
  applyDecorators(SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule), withoutSecurity);
