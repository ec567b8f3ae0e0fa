import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Problems } from '@werkbrug/http';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import type { RequestWithActor } from './current-actor.decorator';
import { TokenService } from './token.service';

/**
 * The single place where routes are authenticated and role-gated.
 * A route without an @Access/@Public declaration is refused, so new routes are closed by default.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger(AuthGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} declares no access`,
      );
      throw Problems.forbidden('This route has no access declaration.');
    }
    if (rule.public) return true;
    const req = context.switchToHttp().getRequest<RequestWithActor>();
    const header = req.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    const actor = token ? await this.tokens.resolve(token, req.headers['user-agent']) : null;
    if (!actor) throw Problems.unauthenticated();
    req.actor = actor;
    if (!rule.roles.includes(actor.role)) throw Problems.forbidden();
    return true;
  }
}
