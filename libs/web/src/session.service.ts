import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { browserWords, KnownBrowsers, type Actor, type Role, type SignInWay } from '@werkbrug/auth';
import { queryRows } from '@werkbrug/database';
import { readPendingForm, type PendingForm } from './pending-form';

const sha256 = (value: string) => createHash('sha256').update(value).digest();
const newSecret = () => randomBytes(32).toString('base64url');

/** The terms of use an employer accepts on first sign-in; a new version asks again. */
export const TERMS_VERSION = '2026-11';

export interface WebUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  /** A werkmakelaar who manages their organisation's users (its menu has "Organisatie"). */
  organisationAdmin: boolean;
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
  /** How long this session lasts without another request (idle limit or absolute end, whichever first). */
  leftMs?: number;
  /**
   * Between the password and the second factor: whose code this (not signed-in) session waits for,
   * and at which step. Null otherwise.
   */
  pendingSecondFactor?: PendingSecondFactor | null;
}

/** The steps of a pending sign-in: the code, the set-up of an app, the recovery codes shown. */
export type SecondFactorStep = 'code' | 'setup' | 'codes-shown';

export interface PendingSecondFactor {
  userId: string;
  email: string;
  role: Role;
  step: SecondFactorStep;
  /** How the first factor was passed: the finished sign-in's audit line says so. */
  firstFactor: FirstFactor;
}

/** How a sign-in's first factor was passed (SignInWay's method). */
export type FirstFactor = SignInWay['method'];

/** A sign-in through an identity provider between the e-mail step and the provider's answer. */
export interface OidcPendingState {
  organisationId: string;
  email: string;
  back: string;
  /** Set once the browser was sent to the provider. */
  state?: string;
  nonce?: string;
  codeVerifier?: string;
}

/** One session with its user, as the guard reads it on every request. */
interface SessionRow {
  id: string;
  csrf_token: string;
  user_id: string | null;
  last_seen_at: Date;
  expires_at: Date;
  active_user: string | null;
  email: string | null;
  display_name: string | null;
  role: Role | null;
  organisation_id: string | null;
  employer_id: string | null;
  candidate_id: string | null;
  organisation_admin: boolean | null;
  terms: boolean;
  notice: string | null;
  browser: string | null;
  pending_user: string | null;
  pending_email: string | null;
  pending_role: Role | null;
  second_factor_step: SecondFactorStep | null;
  first_factor: FirstFactor | null;
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
  /** Between the password and the second factor (time to find the phone, or set up an app). */
  static readonly PENDING_MS = 30 * 60_000;
  /** last_seen_at is written at most this often, so reading pages is not a write per request. */
  static readonly TOUCH_MS = 60_000;
  /** Pages warn this long before the session ends, with a button to stay signed in. */
  static readonly WARN_MS = 2 * 60_000;
  /**
   * An ended session's row stays this long, so a form posted with its cookie can still tell whose it
   * was (the kept form is only given back to the same person).
   */
  static readonly SWEEP_GRACE_MS = 24 * 3600_000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly browsers: KnownBrowsers,
  ) {}

  /**
   * The session of a cookie. `takeNotice`: a page is about to be shown, so a waiting notice is handed
   * over and cleared (a POST or a download leaves it for the page after).
   */
  async load(
    cookieValue: string | undefined,
    takeNotice = false,
    userAgent?: string,
  ): Promise<WebSession | null> {
    if (!cookieValue || !/^[A-Za-z0-9_-]{43}$/.test(cookieValue)) return null;
    const rows = await queryRows<SessionRow>(
      this.db,

      `SELECT s.id, s.csrf_token, s.user_id, s.last_seen_at, s.expires_at, s.notice, s.browser,
              u.id AS active_user, u.email,
              u.display_name, u.role, u.organisation_id, u.employer_id, u.candidate_id, u.organisation_admin,
              EXISTS (SELECT 1 FROM terms_acceptances a
                       WHERE a.user_id = s.user_id AND a.terms_version = $2) AS terms,
              p.id AS pending_user, p.email AS pending_email, p.role AS pending_role,
              s.second_factor_step, s.first_factor
         FROM web_sessions s LEFT JOIN users u ON u.id = s.user_id AND u.active
         LEFT JOIN users p ON p.id = s.second_factor_user_id AND p.active
        WHERE s.token_hash = $1 AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(secs => $3)`,
      [sha256(cookieValue), TERMS_VERSION, SessionService.IDLE_MS / 1000],
    );
    const row = rows[0];
    if (!row) return null;
    // A deactivated user's session is over.
    if (row.user_id && !row.active_user) return null;
    const notice = takeNotice ? row.notice : null;
    let lastSeen = new Date(row.last_seen_at).getTime();
    if (notice !== null || Date.now() - lastSeen > SessionService.TOUCH_MS) {
      await queryRows(
        this.db,
        notice !== null
          ? `UPDATE web_sessions SET notice = NULL, last_seen_at = now() WHERE id = $1`
          : `UPDATE web_sessions SET last_seen_at = now() WHERE id = $1`,
        [row.id],
      );
      lastSeen = Date.now();
    }
    const signedIn = row.active_user !== null && row.role !== null;
    if (signedIn && row.browser === null)
      await this.nameBrowser(row.id, row.user_id as string, userAgent);
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
            organisationAdmin: row.organisation_admin === true,
          }
        : null,
      termsAccepted: row.terms,
      notice,
      leftMs: SessionService.leftMs(lastSeen, new Date(row.expires_at).getTime()),
      pendingSecondFactor:
        !signedIn && row.pending_user && row.pending_role && row.second_factor_step
          ? {
              userId: row.pending_user,
              email: row.pending_email as string,
              role: row.pending_role,
              step: row.second_factor_step,
              firstFactor: row.first_factor ?? 'password',
            }
          : null,
    };
  }

  /**
   * The first signed-in request of a session names its browser ("Firefox op Windows"): the sign-in's
   * own redirect, whatever way the person signed in (password, mailed link). A browser new to the
   * account may mail the account (KnownBrowsers).
   */
  private async nameBrowser(sessionId: string, userId: string, userAgent: string | undefined) {
    const words = browserWords(userAgent);
    const named = await queryRows<{ id: string }>(
      this.db,
      `UPDATE web_sessions SET browser = $2 WHERE id = $1 AND browser IS NULL RETURNING id`,
      [sessionId, words],
    );
    if (named.length) await this.browsers.signedInFrom(userId, words);
  }

  /** The user's running signed-in sessions, for "Apparaten en sessies". */
  async runningFor(
    userId: string,
  ): Promise<{ id: string; browser: string | null; createdAt: Date; lastSeenAt: Date }[]> {
    const rows = await queryRows<{
      id: string;
      browser: string | null;
      created_at: Date;
      last_seen_at: Date;
    }>(
      this.db,
      `SELECT id, browser, created_at, last_seen_at FROM web_sessions
        WHERE user_id = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(secs => $2)
        ORDER BY last_seen_at DESC LIMIT 200`,
      [userId, SessionService.IDLE_MS / 1000],
    );
    return rows.map((r) => ({
      id: r.id,
      browser: r.browser,
      createdAt: new Date(r.created_at),
      lastSeenAt: new Date(r.last_seen_at),
    }));
  }

  /**
   * Ends sessions of the user in the caller's transaction: only `only` when given, never `except`.
   * Returns how many were still running (ended rows past their time count as nothing).
   */
  async endFor(
    em: EntityManager,
    userId: string,
    which: { except?: string | null; only?: string | null },
  ): Promise<number> {
    const rows = await queryRows<{ running: boolean }>(
      em,
      `DELETE FROM web_sessions
        WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2) AND ($3::uuid IS NULL OR id = $3)
       RETURNING expires_at > now() AND last_seen_at > now() - make_interval(secs => $4) AS running`,
      [userId, which.except ?? null, which.only ?? null, SessionService.IDLE_MS / 1000],
    );
    return rows.filter((r) => r.running).length;
  }

  /** Time left: the idle limit from the last request, but never past the absolute end. */
  private static leftMs(lastSeen: number, expiresAt: number, now = Date.now()): number {
    return Math.max(0, Math.min(lastSeen + SessionService.IDLE_MS, expiresAt) - now);
  }

  /** A new session; returns the cookie value. Signing in always makes a new one (rotation). */
  async create(
    userId: string | null,
  ): Promise<{ id: string; cookieValue: string; csrfToken: string }> {
    const cookieValue = newSecret();
    const csrfToken = newSecret();
    const lifetime = userId ? SessionService.ABSOLUTE_MS : SessionService.ANONYMOUS_MS;
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4)) RETURNING id`,
      [sha256(cookieValue), userId, csrfToken, lifetime / 1000],
    );
    // Ended sessions are swept now and then, on the back of a sign-in (after a grace period).
    if (userId && Math.random() < 0.05)
      await queryRows(
        this.db,
        `DELETE FROM web_sessions
          WHERE expires_at < now() - make_interval(secs => $2)
             OR last_seen_at < now() - make_interval(secs => $1 + $2)`,
        [SessionService.IDLE_MS / 1000, SessionService.SWEEP_GRACE_MS / 1000],
      );
    return { id: (row as { id: string }).id, cookieValue, csrfToken };
  }

  /**
   * A signed-in session that has ended (idle or absolute), found by its cookie or by the CSRF token
   * of a form it served: removes its row and says whose it was. Null for an unknown, anonymous or
   * still running session.
   */
  async endedUserOf(cookieValue: string | undefined, csrfToken: string): Promise<string | null> {
    const cookie = cookieValue && /^[A-Za-z0-9_-]{43}$/.test(cookieValue) ? cookieValue : null;
    if (!cookie && !csrfToken) return null;
    const [row] = await queryRows<{ user_id: string }>(
      this.db,
      `DELETE FROM web_sessions
        WHERE (token_hash = $1 OR csrf_token = $2) AND user_id IS NOT NULL
          AND (expires_at <= now() OR last_seen_at <= now() - make_interval(secs => $3))
        RETURNING user_id`,
      [cookie ? sha256(cookie) : null, csrfToken || null, SessionService.IDLE_MS / 1000],
    );
    return row?.user_id ?? null;
  }

  /**
   * After the password, before the second factor: a new session (rotation) that is not signed in
   * and only says whose code it waits for. It lasts PENDING_MS.
   */
  async createPending(
    userId: string,
    step: SecondFactorStep,
    firstFactor: FirstFactor,
  ): Promise<{ id: string; cookieValue: string; csrfToken: string }> {
    const cookieValue = newSecret();
    const csrfToken = newSecret();
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `INSERT INTO web_sessions (token_hash, user_id, csrf_token, expires_at, second_factor_user_id,
                                 second_factor_step, first_factor)
       VALUES ($1, NULL, $2, now() + make_interval(secs => $3), $4, $5, $6) RETURNING id`,
      [sha256(cookieValue), csrfToken, SessionService.PENDING_MS / 1000, userId, step, firstFactor],
    );
    return { id: (row as { id: string }).id, cookieValue, csrfToken };
  }

  /** The pending sign-in moves on (the set-up confirmed: the recovery codes were shown). */
  async setSecondFactorStep(sessionId: string, step: SecondFactorStep): Promise<void> {
    await queryRows(
      this.db,
      `UPDATE web_sessions SET second_factor_step = $2
        WHERE id = $1 AND user_id IS NULL AND second_factor_user_id IS NOT NULL`,
      [sessionId, step],
    );
  }

  /** Keeps a form in an anonymous session until `pending.userId` signs in (see carryPendingForm). */
  async keepPendingForm(
    sessionId: string,
    pending: PendingForm & { userId: string },
  ): Promise<void> {
    const { action, ...stored } = pending;
    await queryRows(
      this.db,
      `UPDATE web_sessions SET pending_form = $2::jsonb, pending_action = $3
        WHERE id = $1 AND user_id IS NULL`,
      [sessionId, JSON.stringify(stored), action],
    );
  }

  /** "Blijf ingelogd": the idle clock starts again; returns the time the session now has left. */
  async touch(sessionId: string): Promise<number> {
    const [row] = await queryRows<{ last_seen_at: Date; expires_at: Date }>(
      this.db,
      `UPDATE web_sessions SET last_seen_at = now() WHERE id = $1 RETURNING last_seen_at, expires_at`,
      [sessionId],
    );
    if (!row) return 0;
    return SessionService.leftMs(Date.now(), new Date(row.expires_at).getTime());
  }

  /** Whether a kept form waits in this (anonymous) session for its owner to sign in. */
  async hasPendingForm(sessionId: string): Promise<boolean> {
    const [row] = await queryRows<{ pending: boolean }>(
      this.db,
      `SELECT pending_action IS NOT NULL AS pending FROM web_sessions WHERE id = $1`,
      [sessionId],
    );
    return row?.pending ?? false;
  }

  /**
   * At sign-in: a form kept in the anonymous session moves to the new one, but only when the person
   * signing in is the one who typed it. Returns whether it moved.
   */
  async carryPendingForm(fromId: string, toId: string, userId: string): Promise<boolean> {
    const moved = await queryRows<{ id: string }>(
      this.db,
      `UPDATE web_sessions n SET pending_form = o.pending_form, pending_action = o.pending_action
         FROM web_sessions o
        WHERE n.id = $2 AND o.id = $1 AND o.pending_action IS NOT NULL
          AND o.pending_form ->> 'userId' = $3::text
        RETURNING n.id`,
      [fromId, toId, userId],
    );
    return moved.length > 0;
  }

  /** The kept form, handed over once (the page that offers "Verstuur opnieuw" shows it). */
  async takePendingForm(sessionId: string): Promise<PendingForm | null> {
    const [row] = await queryRows<{ pending_form: unknown; pending_action: string | null }>(
      this.db,
      `UPDATE web_sessions n SET pending_form = NULL, pending_action = NULL
         FROM web_sessions o
        WHERE n.id = $1 AND o.id = n.id AND o.pending_action IS NOT NULL
        RETURNING o.pending_form, o.pending_action`,
      [sessionId],
    );
    const form = row ? readPendingForm(row.pending_action, row.pending_form) : null;
    if (!form) return null;
    const { userId: _owner, ...kept } = form;
    return kept;
  }

  /** Keeps one sentence for the next page: what the action just did (replaces an unread one). */
  async tell(sessionId: string, notice: string): Promise<void> {
    await queryRows(this.db, `UPDATE web_sessions SET notice = $2 WHERE id = $1`, [
      sessionId,
      notice,
    ]);
  }

  /**
   * A sign-in through an organisation's identity provider on its way: where it goes (after the
   * e-mail step) and, once started, its state, nonce and PKCE verifier. Only in an anonymous
   * session, never in the browser.
   */
  async keepOidcPending(sessionId: string, pending: OidcPendingState): Promise<void> {
    await queryRows(
      this.db,
      `UPDATE web_sessions SET oidc_pending = $2::jsonb WHERE id = $1 AND user_id IS NULL`,
      [sessionId, JSON.stringify(pending)],
    );
  }

  /** The pending sign-in, handed over once (a second callback with the same state finds none). */
  async takeOidcPending(sessionId: string): Promise<OidcPendingState | null> {
    const [row] = await queryRows<{ oidc_pending: OidcPendingState | null }>(
      this.db,
      `UPDATE web_sessions n SET oidc_pending = NULL FROM web_sessions o
        WHERE n.id = $1 AND o.id = n.id AND o.oidc_pending IS NOT NULL
        RETURNING o.oidc_pending`,
      [sessionId],
    );
    return row?.oidc_pending ?? null;
  }

  async end(sessionId: string): Promise<void> {
    await queryRows(this.db, `DELETE FROM web_sessions WHERE id = $1`, [sessionId]);
  }

  /**
   * After a password change or reset (or a reset of the second factor): every session of the user
   * ends, except the one given; a sign-in waiting for their second factor too.
   */
  async endAllFor(userId: string, except?: string): Promise<void> {
    await queryRows(
      this.db,
      `DELETE FROM web_sessions
        WHERE (user_id = $1 OR second_factor_user_id = $1) AND ($2::uuid IS NULL OR id <> $2)`,
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
