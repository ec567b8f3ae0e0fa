import { SetMetadata } from '@nestjs/common';
import type { Role } from './role';

export const ACCESS_KEY = 'werkbrug:access';

export type AccessRule = { public: true } | { public: false; roles: readonly Role[] };

/** Declares which roles may call a route. Routes without a declaration are refused (fail closed). */
export const Access = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { public: false, roles } satisfies AccessRule);

/** Declares a route open to everyone (login, health, docs). */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);
