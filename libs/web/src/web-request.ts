import type { Request, Response } from 'express';
import type { Actor } from '@werkbrug/auth';
import type { WebSession } from './session.service';

export const SESSION_COOKIE = 'wb_sessie';

/** A request to a web page, as the guard leaves it. */
export type WebRequest = Request & { web?: { session: WebSession | null } };

/** The signed-in actor of a page that declared @WebAccess; the guard guarantees it. */
export function actorOf(req: WebRequest): Actor {
  const actor = req.web?.session?.actor;
  if (!actor) throw new Error('actorOf used on a page without @WebAccess');
  return actor;
}

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Form fields as posted (urlencoded): a single value or, for checkboxes, a list. */
export type FormBody = Record<string, string | string[] | undefined>;

export function formBody(req: Request): FormBody {
  const body: unknown = req.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  return body as FormBody;
}

/** The first value of a field, trimmed; '' when absent. */
export const field = (body: FormBody, name: string): string => {
  const value = body[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** Every value of a multi-valued field (checkboxes). */
export const fieldList = (body: FormBody, name: string): string[] => {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
};

/** The form came from the confirmation page (`bevestigen`): the person was asked and said yes. */
export const confirmed = (req: Request): boolean => field(formBody(req), 'bevestigd') === 'ja';

/** A script's request (the "Blijf ingelogd" button): it wants a status in JSON, not a page. */
export const wantsJson = (req: Request): boolean => {
  const accept = req.get('accept') ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
};

/**
 * The session cookie. No Max-Age: it ends with the browser; the server enforces idle and absolute
 * expiry.
 */
export function setSessionCookie(req: Request, res: Response, value: string): void {
  res.cookie(SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.secure,
    path: '/',
  });
}
