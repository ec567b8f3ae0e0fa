import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@werkbrug/auth';
import { queryRows } from '@werkbrug/database';

const sha256 = (value: string) => createHash('sha256').update(value).digest();
const newSecret = () => randomBytes(32).toString('base64url');

/** The terms of use an employer accepts on first sign-in; a new version asks again. */
export const TERMS_VERSION = '2026-11';

export interface WebUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface WebSession {
  id: string;
  csrfToken: string;
  /** Null before sign-in (the session then only protects the login form). */
  actor: Actor | null;
  user: WebUser | null;
  termsAccepted: boolean;
  /** What the last action did, shown once as a banner on the next page (then cleared). */
  notice: string | null;
}

/** One session with its user, as the guard reads it on every request. */
interface SessionRow {
  id: string;
  csrf_token: string;
  user_id: string | null;
  last_seen_at: Date;
  active_user: string | null;
  email: string | null;
  display_name: string | null;
  role: Role | null;
  organisation_id: string | null;
  employer_id: string | null;
  candidate_id: string | null;
  terms: boolean;
  notice: string | null;
}

/**
 * Server-side sessions in PostgreSQL. The cookie holds a random id; only its SHA-256 is stored.
 * A session ends after IDLE_MS without a request, and at the latest ABSOLUTE_MS after sign-in.
 */
@Injectable()
export class SessionService {
  static readonly IDLE_MS = 30 * 60_000;
  static readonly ABSOLUTE_MS = 8 * 3600_000;
  /** An anonymous session (login form) lives shorter. */
  static readonly ANONYMOUS_MS = 2 * 3600_000;
  /** last_seen_at is written at most this often, so reading pages is not a write per request. */
  static readonly TOUCH_MS = 60_000;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The session of a cookie. `takeNotice`: a page is about to be shown, so a waiting notice is handed
   * over and cleared (a POST or a download leaves it for the page after).
   */
  async load(cookieValue: string | undefined, takeNotice = false): Promise<WebSession | null> {
    if (!cookieValue || !/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
    const rows = await queryRows<SessionRow>(
      this.db,

      `SELECT s.id, s.csrf_token, s.user_id, s.last_seen_at, s.notice, u.id AS active_user, u.email,
              u.display_name, u.role, u.organisation_id, u.employer_id, u.candidate_id,
              EXISTS (SELECT 1 FROM terms_acceptances a
                       WHERE a.user_id = s.user_id AND a.terms_version = $2) AS terms
         FROM web_sessions s LEFT JOIN users u ON u.id = s.user_id AND u.active
        WHERE s.token_hash = $1 AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $3)`,
      [sha256(cookieValue), TERMS_VERSION, SessionService.IDLE_MS / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    // A deactivated user's session is over.
    if (row.user_id && !row.active_user) return null;
    const notice = takeNotice ? row.notice : null;
    if (notice !== null)
      await queryRows(
        this.db,
        `UPDATE web_sessions SET notice = NULL, last_seen_at = now() WHERE id = $1`,
        [row.id],
      );
    else if (Date.now() - new Date(row.last_seen_at).getTime() > SessionService.TOUCH_MS)
      await queryRows(this.db, `UPDATE web_sessions SET last_seen_at = now() WHERE id = $1`, [
        row.id,
      ]);
    const signedIn = row.active_user !== null && row.role !== null;
    return {
      id: row.id,
      csrfToken: row.csrf_token,
      actor: signedIn
        ? {
            userId: row.active_user as string,
            role: row.role as Role,
            organisationId: row.organisation_id as string,
            employerId: row.employer_id,
            candidateId: row.candidate_id,
          }
        : null,
      user: signedIn
        ? {
            id: row.active_user as string,
            email: row.email as string,
            displayName: row.display_name as string,
            role: row.role as Role,
          }
        : null,
      termsAccepted: row.terms,
      notice,
    };
  }

  /** A new session; returns the cookie value. Signing in always makes a new one (rotation). */
  async create(userId: string | null): Promise<{ cookieValue: string; csrfToken: string }> {
    const cookieValue = newSecret();
    const csrfToken = newSecret();
    const lifetime = userId ? SessionService.ABSOLUTE_MS : SessionService.ANONYMOUS_MS;
    await queryRows(
      this.db,
      `INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [sha256(cookieValue), userId, csrfToken, lifetime / 1000],
    );
    // Expired sessions are swept now and then, on the back of a sign-in.
    if (userId && Math.random() < 0.05)
      await queryRows(
        this.db,
        `DELETE FROM web_sessions WHERE expires_at < now() OR last_seen_at < now() - make_interval(secs => $1)`,
        [SessionService.IDLE_MS / 1000],
      );
    return { cookieValue, csrfToken };
  }

  /** Keeps one sentence for the next page: what the action just did (replaces an unread one). */
  async tell(sessionId: string, notice: string): Promise<void> {
    await queryRows(this.db, `UPDATE web_sessions SET notice = $2 WHERE id = $1`, [
      sessionId,
      notice,
    ]);
  }

  async end(sessionId: string): Promise<void> {
    await queryRows(this.db, `DELETE FROM web_sessions WHERE id = $1`, [sessionId]);
  }

  /** After a password change or reset: every session of the user ends, except the one given. */
  async endAllFor(userId: string, except?: string): Promise<void> {
    await queryRows(
      this.db,
      `DELETE FROM web_sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2)`,
      [userId, except ?? null],
    );
  }

  async acceptTerms(userId: string): Promise<void> {
    await queryRows(
      this.db,
      `INSERT INTO terms_acceptances (user_id, terms_version) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [userId, TERMS_VERSION],
    );
  }
}
