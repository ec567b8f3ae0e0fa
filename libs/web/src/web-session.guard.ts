import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { SessionService, type WebSession } from './session.service';
import { SKIP_TERMS_KEY, WEB_ACCESS_KEY, type WebAccessRule } from './web-access.rule';
import { FormExpired, WebRedirect } from './web-errors';
import {
  field,
  formBody,
  readCookie,
  SESSION_COOKIE,
  wantsJson,
  type WebRequest,
} from './web-request';

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * What happens to a form that arrives without a valid session or token (see FormExpired): only a
 * page form of ours (it carries a token) to a signed-in page is kept; and with a running session only
 * when that session may post there at all.
 */
function keeping(
  rule: WebAccessRule,
  session: WebSession | null,
  token: string,
  req: WebRequest,
): FormExpired['keep'] {
  if (rule.public || !token || wantsJson(req)) return undefined;
  const role = session?.actor?.role;
  if (!role) return 'after-sign-in';
  return rule.roles.includes(role) ? 'now' : undefined;
}

/**
 * The one place where web pages are authenticated: loads the session from PostgreSQL, checks the
 * CSRF token of every POST, sends anonymous visitors to the login page, refuses the wrong role
 * (403) and sends an employer who has not accepted the terms of use to them first.
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  private readonly logger = new Logger(WebSessionGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const rule = this.reflector.getAllAndOverride<WebAccessRule | undefined>(
      WEB_ACCESS_KEY,
      targets,
    );
    if (!rule) {
      this.logger.error(
        `Web route ${context.getClass().name}.${context.getHandler().name} declares no access`,
      );
      throw new ForbiddenException();
    }
    const req = context.switchToHttp().getRequest<WebRequest>();
    const session = await this.sessions.load(
      readCookie(req, SESSION_COOKIE),
      req.method === 'GET',
      req.headers['user-agent'],
    );
    req.web = { session };
    if (req.method === 'POST') {
      const token = field(formBody(req), '_csrf');
      if (!session || !token || !sameSecret(token, session.csrfToken))
        throw new FormExpired(keeping(rule, session, token, req));
    }
    if (rule.public) return true;
    const actor = session?.actor;
    // A page opened by GET (a link from a mail) is where the visitor comes back to afterwards.
    const back = req.method === 'GET' ? `?terug=${encodeURIComponent(req.originalUrl)}` : '';
    if (!actor) throw new WebRedirect(`/inloggen${back}`);
    if (!rule.roles.includes(actor.role)) throw new ForbiddenException();
    const skipTerms = this.reflector.getAllAndOverride<boolean>(SKIP_TERMS_KEY, targets);
    if (actor.role === 'werkgever' && !session.termsAccepted && !skipTerms)
      throw new WebRedirect(`/voorwaarden${back}`);
    return true;
  }
}
