import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isConnectionLoss } from '@werkbrug/database';
import { ProblemException, ProblemFilter, toProblem } from '@werkbrug/http';
import { LANDING } from './navigation';
import { PageResponder } from './page-responder';
import { problemWords, type Address } from './problem-words';
import {
  hadSecret,
  keptFields,
  keptFormView,
  pendingAction,
  refererPath,
  type PendingForm,
} from './pending-form';
import { SessionService } from './session.service';
import { FormExpired, WebRedirect } from './web-errors';
import {
  field,
  formBody,
  readCookie,
  SESSION_COOKIE,
  setSessionCookie,
  type WebRequest,
} from './web-request';

interface ErrorText {
  title: string;
  text: string;
}

const PAGES: Record<number, ErrorText> = {
  400: { title: 'Dit verzoek kunnen we niet verwerken', text: 'Ga terug en probeer het opnieuw.' },
  403: {
    title: 'U heeft geen toegang tot deze pagina',
    text: 'Deze pagina is voor een andere rol. Ga naar uw startpagina.',
  },
  404: {
    title: 'Deze pagina bestaat niet',
    text: 'Controleer het adres. Of ga naar uw startpagina en zoek het daar.',
  },
  409: {
    title: 'Dit kan nu niet',
    text: 'De gegevens zijn intussen veranderd. Ga terug, laad de pagina opnieuw en probeer het nog eens.',
  },
  410: {
    title: 'Deze link werkt niet meer',
    text: 'De link is al gebruikt of is te oud. Een link uit een e-mail werkt maar één keer, en maar een korte tijd. Log in, of vraag een nieuwe link aan.',
  },
  429: { title: 'Te veel pogingen', text: 'Wacht even en probeer het dan opnieuw.' },
  503: {
    title: 'Werkbrug is even niet bereikbaar',
    text: 'Dit ligt niet aan u. Probeer het over een minuut opnieuw.',
  },
  500: {
    title: 'Er ging iets mis',
    text: 'Dit ligt niet aan u. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met uw werkmakelaar.',
  },
};

/** The same pages for a candidate, who is spoken to with "je" (the others are the same for all). */
const PAGES_FOR_JE: Record<number, ErrorText> = {
  403: {
    title: 'Je hebt geen toegang tot deze pagina',
    text: 'Deze pagina is voor iemand anders. Ga naar je startpagina.',
  },
  404: {
    title: 'Deze pagina bestaat niet',
    text: 'Controleer het adres. Of ga naar je startpagina en zoek het daar.',
  },
  500: {
    title: 'Er ging iets mis',
    text: 'Dit ligt niet aan jou. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met je werkmakelaar.',
  },
  503: {
    title: 'Werkbrug is even niet bereikbaar',
    text: 'Dit ligt niet aan jou. Probeer het over een minuut opnieuw.',
  },
};

/** Werkmakelaars and administrators have no werkmakelaar to call: their organisation's administrator. */
const STAFF_500: ErrorText = {
  title: 'Er ging iets mis',
  text: 'Dit ligt niet aan u. Probeer het later opnieuw. Blijft het misgaan? Neem dan contact op met de beheerder van Werkbrug in uw organisatie.',
};

/** A refusal with a code says what happened in the catalogue's words; the rest say it by status. */
const SAID_BY_CODE = new Set([400, 409, 422]);

/** The error page's words for its reader ("je" for a candidate) and what went wrong. */
function errorText(exception: unknown, status: number, address: Address, staff = false): ErrorText {
  if (exception instanceof FormExpired) return FORM_EXPIRED;
  const byStatus =
    (staff && status === 500 ? STAFF_500 : undefined) ??
    (address === 'je' ? PAGES_FOR_JE[status] : undefined) ??
    (PAGES[status] as ErrorText);
  return exception instanceof ProblemException && SAID_BY_CODE.has(status)
    ? { title: byStatus.title, text: problemWords(exception, address) }
    : byStatus;
}

const FORM_EXPIRED: ErrorText = {
  title: 'Het formulier is verlopen',
  text: 'Uit veiligheid werkt een formulier maar een tijd. Ga terug, laad de pagina opnieuw en vul het formulier nog een keer in.',
};

/**
 * Whether an error is answered with an HTML page: every path outside `/api` for a client that
 * takes HTML (a browser, or one that says nothing: `*∕*`). The JSON API, and a client that asks for
 * JSON only, get application/problem+json.
 */
export function wantsErrorPage(req: Pick<Request, 'path' | 'accepts'>): boolean {
  if (req.path === '/api' || req.path.startsWith('/api/')) return false;
  return req.accepts(['text/html', 'application/json', 'application/problem+json']) === 'text/html';
}

/**
 * The site's one exception filter (global, and on every @WebController): errors become HTML pages
 * in the site's layout, in Dutch, never JSON or a stack trace, on every path a person may open;
 * the JSON API keeps its problem documents (ProblemFilter).
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);
  private readonly problems = new ProblemFilter();

  constructor(
    private readonly pages: PageResponder,
    private readonly sessions: SessionService,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<WebRequest>();
    if (res.headersSent) return;
    if (exception instanceof FormExpired && exception.keep) {
      const kept = await this.keepForm(exception.keep, req, res).catch((error: unknown) => {
        this.logger.error(error instanceof Error ? error.stack : String(error));
        return false;
      });
      if (kept) return;
    }
    if (exception instanceof WebRedirect) {
      res.setHeader('Cache-Control', 'no-store');
      res.redirect(303, exception.location);
      return;
    }
    if (!wantsErrorPage(req)) return this.problems.catch(exception, host);
    // PostgreSQL out of reach is an outage, not a bug: "try again in a minute" (503), like search away.
    const outage = !(exception instanceof HttpException) && isConnectionLoss(exception);
    let status = exception instanceof HttpException ? exception.getStatus() : outage ? 503 : 500;
    if (!PAGES[status]) status = status >= 500 ? 500 : 400;
    if (status === 500)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (outage)
      this.logger.warn(
        `database unavailable: ${exception instanceof Error ? exception.message.slice(0, 200) : ''}`,
      );
    const retry = outage
      ? toProblem(exception).retryAfterSeconds
      : exception instanceof ProblemException && (status === 429 || status === 503)
        ? (exception.getResponse() as { retryAfterSeconds?: number }).retryAfterSeconds
        : undefined;
    if (typeof retry === 'number') res.setHeader('Retry-After', String(retry));
    void this.render(req, res, exception, status);
  }

  /**
   * An address no page answers never passed the session guard: the session is read here, so the
   * page still shows the signed-in menu. When even that fails (the database is down), the page
   * is shown without it.
   */
  private async render(req: WebRequest, res: Response, exception: unknown, status: number) {
    let text = errorText(exception, status, 'u');
    try {
      if (!req.web) {
        const session = await this.sessions
          .load(readCookie(req, SESSION_COOKIE), false)
          .catch(() => null);
        req.web = { session };
      }
      const role = req.web?.session?.user?.role;
      const address: Address = role === 'kandidaat' ? 'je' : 'u';
      text = errorText(exception, status, address, role === 'werkmakelaar' || role === 'admin');
      this.pages.send(
        req,
        res,
        'fout',
        { title: text.title, text: text.text, status, address },
        status,
      );
    } catch (error) {
      this.logger.error(error instanceof Error ? error.stack : String(error));
      if (!res.headersSent)
        res.status(status).type('text/plain; charset=utf-8').send(`${text.title}. ${text.text}`);
    }
  }

  /**
   * What was typed into a form that came too late is not thrown away (WCAG 2.2.1). With a running
   * session (only the token was old) it comes back at once with a fresh token. After the session
   * ended it waits in a new anonymous session until the same person signs in. Returns false when
   * nothing could be kept (then the plain "expired" page).
   */
  private async keepForm(
    keep: 'after-sign-in' | 'now',
    req: WebRequest,
    res: Response,
  ): Promise<boolean> {
    const action = pendingAction(req.originalUrl);
    if (!action) return false;
    const body = formBody(req);
    const form: PendingForm = {
      action,
      fields: keptFields(body),
      from: refererPath(req.get('referer'), req.get('host')),
      passwordLeftOut: hadSecret(body),
    };
    const session = req.web?.session;
    if (keep === 'now') {
      const role = session?.user?.role;
      if (!role) return false;
      const view = keptFormView(form, 'verlopen', role, LANDING[role]);
      this.pages.send(req, res, 'formulier-bewaard', view, 403);
      return true;
    }
    const token = field(body, '_csrf');
    const userId = await this.sessions.endedUserOf(readCookie(req, SESSION_COOKIE), token);
    if (!userId) return false;
    // The browser's anonymous session (the login form's), or a new one.
    let anonymousId = session && !session.user ? session.id : null;
    if (!anonymousId) {
      const created = await this.sessions.create(null);
      setSessionCookie(req, res, created.cookieValue);
      anonymousId = created.id;
    }
    await this.sessions.keepPendingForm(anonymousId, { ...form, userId });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, '/inloggen');
    return true;
  }
}
