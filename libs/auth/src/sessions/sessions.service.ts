import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../role';
import { TokenService } from '../token.service';

/** A web session (cookie) or an API token. */
export type SessionKind = 'web' | 'api';

/** One session of a user: which table, which row. */
export interface SessionRef {
  kind: SessionKind;
  id: string;
}

/** Why sessions ended: the audit line says it. */
export const SESSION_END_REASONS = [
  /** The user signed out one session (not the one in use) on "Apparaten en sessies". */
  'self_one',
  /** The user signed out everywhere except here. */
  'self_others',
  /** The user signed out everywhere, this one too. */
  'self_all',
  /** An administrator (or the organisation's administrator) ended every session of the user. */
  'admin',
  /** A new password: every other session ends. */
  'password',
  /** The account was stopped. */
  'deactivated',
  /** The second factor was reset (libs/auth, the mfa part). */
  'second_factor_reset',
  /** A new login address was confirmed. */
  'email_change',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** What one end did, as the audit line records it. */
export interface SessionEnd {
  userId: string;
  /** Who ended them (null: the system, e.g. a password link used without a session). */
  by: Actor | null;
  reason: SessionEndReason;
  webSessions: number;
  apiTokens: number;
}

/** One open session as the sessions page and GET /api/me/sessions show it. */
export interface SessionView {
  id: string;
  kind: SessionKind;
  /** "Firefox op Windows"; null before its first signed-in request. */
  browser: string | null;
  signedInAt: Date;
  lastSeenAt: Date | null;
  current: boolean;
}

/**
 * The web sessions as libs/web keeps them (it owns web_sessions, one layer up): it plugs them in at
 * start-up (SessionEndsWiring), so ending "every session" here ends the cookies too.
 */
export interface WebSessionStore {
  /** The user's running sessions (signed in, not idle, not past their end). */
  list(
    userId: string,
  ): Promise<{ id: string; browser: string | null; createdAt: Date; lastSeenAt: Date }[]>;
  /** Ends the user's sessions (only `only` when given; never `except`); returns how many. */
  end(
    em: EntityManager,
    userId: string,
    which: { except?: string | null; only?: string | null },
  ): Promise<number>;
}

/** Called in the transaction of every end (libs/audit sits above auth: the web layer plugs it in). */
export type SessionEndListener = (em: EntityManager, ended: SessionEnd) => Promise<void>;

/**
 * The one place where a user's sessions end: web sessions and API tokens together, each end with an
 * audit line (through the listener). Call `endAllFor` after a password change, a deactivation or a
 * reset of the second factor; the sessions page and the administrators use `endOne`/`endAllFor`.
 */
@Injectable()
export class SessionsService {
  private web: WebSessionStore | null = null;
  private readonly listeners: SessionEndListener[] = [];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  /** libs/web plugs its sessions in once, at start-up. */
  useWebSessions(store: WebSessionStore): void {
    this.web = store;
  }

  onEnded(listener: SessionEndListener): void {
    this.listeners.push(listener);
  }

  private webStore(): WebSessionStore {
    // Fail loudly: ending "all sessions" without the cookies would leave a way in open.
    if (!this.web) throw new Error('SessionsService: no web session store (WebModule not loaded)');
    return this.web;
  }

  /** In the caller's transaction when given (the change that causes the end commits with it). */
  private inTransaction<T>(em: EntityManager | undefined, work: (em: EntityManager) => Promise<T>) {
    return em ? work(em) : this.db.transaction(work);
  }

  /**
   * Ends every web session and API token of the user, except `except` (the session the request came
   * with, when it stays), and their open mailed links. One audit line.
   */
  async endAllFor(
    userId: string,
    how: { reason: SessionEndReason; by?: Actor | null; except?: SessionRef | null },
    em?: EntityManager,
  ): Promise<SessionEnd> {
    const web = this.webStore();
    return this.inTransaction(em, async (tx) => {
      const except = how.except ?? null;
      const apiTokens = await this.tokens.revokeAllFor(
        userId,
        tx,
        except?.kind === 'api' ? except.id : null,
      );
      const webSessions = await web.end(tx, userId, {
        except: except?.kind === 'web' ? except.id : null,
      });
      const ended: SessionEnd = {
        userId,
        by: how.by ?? null,
        reason: how.reason,
        webSessions,
        apiTokens,
      };
      for (const listener of this.listeners) await listener(tx, ended);
      return ended;
    });
  }

  /** Ends one session of the user (a web session or a token, by its id); false when none is open. */
  async endOne(userId: string, id: string, by: Actor | null): Promise<boolean> {
    const web = this.webStore();
    return this.db.transaction(async (tx) => {
      const webSessions = await web.end(tx, userId, { only: id });
      const apiTokens = webSessions ? 0 : (await this.tokens.revokeById(userId, id, tx)) ? 1 : 0;
      if (!webSessions && !apiTokens) return false;
      const ended: SessionEnd = { userId, by, reason: 'self_one', webSessions, apiTokens };
      for (const listener of this.listeners) await listener(tx, ended);
      return true;
    });
  }

  /** The user's open sessions and tokens, the one in use first, then by last activity. */
  async list(userId: string, current: SessionRef | null): Promise<SessionView[]> {
    const [web, api] = await Promise.all([
      this.webStore().list(userId),
      this.tokens.openFor(userId),
    ]);
    const views: SessionView[] = [
      ...web.map((s) => ({
        id: s.id,
        kind: 'web' as const,
        browser: s.browser,
        signedInAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        current: current?.kind === 'web' && current.id === s.id,
      })),
      ...api.map((t) => ({
        id: t.id,
        kind: 'api' as const,
        browser: t.browser,
        signedInAt: t.createdAt,
        lastSeenAt: t.lastSeenAt,
        current: current?.kind === 'api' && current.id === t.id,
      })),
    ];
    const last = (v: SessionView) => (v.lastSeenAt ?? v.signedInAt).getTime();
    return views.sort((a, b) => Number(b.current) - Number(a.current) || last(b) - last(a));
  }
}
