import type { Response } from 'express';
import type { SessionService } from './session.service';
import { setSessionCookie, type WebRequest } from './web-request';

/**
 * The session of someone who just signed in (password, mailed link or their organisation's
 * provider): a new session with a new id and CSRF token (rotation), the anonymous one ended, and a
 * form kept from an earlier session carried over when it is this person's. Returns whether it was.
 */
export async function startSignedInSession(
  sessions: SessionService,
  req: WebRequest,
  res: Response,
  userId: string,
): Promise<boolean> {
  const old = req.web?.session;
  const created = await sessions.create(userId);
  const formKept = old?.id ? await sessions.carryPendingForm(old.id, created.id, userId) : false;
  if (old?.id) await sessions.end(old.id);
  setSessionCookie(req, res, created.cookieValue);
  res.setHeader('Cache-Control', 'no-store');
  return formKept;
}
