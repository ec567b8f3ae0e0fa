import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { FormErrors } from './form-errors';
import { navigationFor } from './navigation';
import { SessionService } from './session.service';
import { ViewRenderer } from './view-renderer';
import type { WebRequest } from './web-request';

/**
 * Strict policy for every web page: scripts and styles only from our own origin, no inline script
 * or style, forms only to ourselves, never framed.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export interface PageModel extends Record<string, unknown> {
  /** The page's own title; the document title adds "Fout: " on errors and " – Werkbrug". */
  title: string;
  errors?: FormErrors | null;
  /** The reader's form of address when the page says it itself (else: "je" for a candidate). */
  address?: 'u' | 'je';
}

/** A question before an action that cannot be undone (GOV.UK: ask, then do). */
export interface ConfirmQuestion {
  /** The question as the page's heading: "Wilt u dit voorstel intrekken?". */
  title: string;
  /** What will happen, one sentence per consequence. */
  consequences: string[];
  /** Where the confirming form posts (the action itself). */
  action: string;
  /** Extra fields the action needs (hidden), e.g. a version. */
  hidden?: { name: string; value: string }[];
  /** The button: "Ja, trek het voorstel in". */
  confirmText: string;
  /** Back without doing anything. */
  cancelHref: string;
  cancelText?: string;
  /** The button looks like a warning when the action removes or stops something. */
  warning?: boolean;
}

/**
 * The pages every audience shares (home, sign-in, password, terms, mailed links): they say "u" to
 * everyone, so the layout around them does too, also for a signed-in candidate (one form of address
 * per page). A page may say its reader's form itself (`address`, as the error page does).
 */
const SHARED_PAGES = new Set([
  'home',
  'inloggen',
  'inloggen-link',
  'inloggen-organisatie',
  'inloggen-geweigerd',
  'voorwaarden',
  'wachtwoord-vergeten',
  'wachtwoord-vergeten-verstuurd',
  'wachtwoord-instellen',
  'wachtwoord-link-verlopen',
  'e-mail-bevestigen',
  'inlogcode',
  'inlogcode-herstel',
  'inlogcode-instellen',
  'inlogcode-herstelcodes',
]);

@Injectable()
export class PageResponder {
  constructor(
    private readonly views: ViewRenderer,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Says what an action did, on the next page shown in this session (a notification banner with
   * role="status"). Call it before the redirect that ends a successful POST.
   */
  async tell(req: WebRequest, notice: string): Promise<void> {
    const session = req.web?.session;
    if (session) await this.sessions.tell(session.id, notice);
  }

  /** The page that asks before something that cannot be undone; its form posts to `action`. */
  confirm(req: WebRequest, res: Response, question: ConfirmQuestion): void {
    this.send(req, res, 'bevestigen', { ...question, title: question.title });
  }

  /** Renders a page into the layout with the session, the menu and the CSRF token. */
  html(req: WebRequest, page: string, model: PageModel): string {
    const session = req.web?.session ?? null;
    const errors = model.errors?.toView() ?? null;
    const role = session?.user?.role;
    return this.views.render(page, {
      ...model,
      errors,
      documentTitle: `${errors ? 'Fout: ' : ''}${model.title} – Werkbrug`,
      csrfToken: session?.csrfToken ?? '',
      user: session?.user ?? null,
      navigation: navigationFor(role, req.path, session?.user?.organisationAdmin === true),
      notice: session?.notice ?? null,
      currentPath: req.path,
      // Signed in: the layout warns before the session ends (werkbrug.js) and says how long it lasts.
      sessionTimer: session?.user
        ? {
            leftMs: session.leftMs ?? SessionService.IDLE_MS,
            warnMs: SessionService.WARN_MS,
            minutes: SessionService.IDLE_MS / 60_000,
            je:
              model.address !== undefined
                ? model.address === 'je'
                : role === 'kandidaat' && !SHARED_PAGES.has(page),
          }
        : null,
    });
  }

  send(req: WebRequest, res: Response, page: string, model: PageModel, status = 200): void {
    const html = this.html(req, page, model);
    setPageHeaders(res);
    res.status(model.errors?.any && status === 200 ? 400 : status).send(html);
  }
}

export function setPageHeaders(res: Response) {
  res.setHeader('Content-Security-Policy', WEB_CSP);
  // Pages show personal and business data: never kept by shared caches or the back button.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.type('html');
}
