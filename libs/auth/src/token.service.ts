import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import type { Actor, Role } from './role';
import { queryRows } from '@werkbrug/database';
import { browserWords } from './sessions/browser-words';
import { KnownBrowsers } from './sessions/known-browsers';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** Shared by every TokenService instance in the process, so any revocation clears it. */
const actorCache = new Map<string, { actor: Actor; until: number }>();
const CACHE_LIMIT = 20_000;

/** Empties the token cache (for tests that change tokens behind the service's back, and operators). */
export function forgetCachedTokens() {
  actorCache.clear();
}

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresAt: string;
}

@Injectable()
export class TokenService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    // Absent where tokens are only revoked (the worker's erasure, PrivacyCoreModule): no sign-ins there.
    @Optional() private readonly browsers?: KnownBrowsers,
  ) {}

  /** last_seen_at is written at most this often per token (the sessions page shows it). */
  static readonly TOUCH_MS = 60_000;

  /** The id of a token's row (the sessions list names the token it was asked with). */
  async idOf(accessToken: string): Promise<string | null> {
    if (!/^wb_[A-Za-z0-9_-]{43}$/.test(accessToken)) return null;
    const [row] = await queryRows<{ id: string }>(
      this.db,
      `SELECT id FROM auth_tokens WHERE token_hash = $1`,
      [sha256(accessToken)],
    );
    return row?.id ?? null;
  }

  async issue(userId: string): Promise<IssuedToken> {
    const accessToken = `wb_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + this.config.tokenTtlHours * 3600_000);
    await queryRows(
      this.db,
      `INSERT INTO auth_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [userId, sha256(accessToken), expiresAt],
    );
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }

  /**
   * Token → active user → actor: one indexed query, then remembered for a few seconds (TOKEN_CACHE_MS,
   * default 5000; 0 turns it off). Revocation in this process clears the entry at once; other replicas
   * notice within that window.
   */
  async resolve(accessToken: string, userAgent?: string): Promise<Actor | null> {
    if (!/^wb_[A-Za-z0-9_-]{43}$/.test(accessToken)) return null;
    const hash = sha256(accessToken);
    const key = hash.toString('hex');
    const now = Date.now();
    const cached = actorCache.get(key);
    if (cached && cached.until > now) return cached.actor;
    const rows = await queryRows<{
      id: string;
      browser: string | null;
      last_seen_at: Date | null;
      user_id: string;
      role: Role;
      organisation_id: string;
      employer_id: string | null;
      candidate_id: string | null;
      expires_at: Date;
    }>(
      this.db,
      `SELECT t.id, t.browser, t.last_seen_at, u.id AS user_id, u.role, u.organisation_id, u.employer_id, u.candidate_id, t.expires_at
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active`,
      [hash],
    );
    const row = rows[0];
    if (!row) {
      actorCache.delete(key);
      return null;
    }
    await this.touch(row, userAgent);
    const actor: Actor = {
      userId: row.user_id,
      role: row.role,
      organisationId: row.organisation_id,
      employerId: row.employer_id,
      candidateId: row.candidate_id,
    };
    const cacheMs = this.config.tokenCacheMs;
    if (cacheMs > 0) {
      if (actorCache.size >= CACHE_LIMIT) actorCache.clear();
      actorCache.set(key, {
        actor,
        until: Math.min(now + cacheMs, new Date(row.expires_at).getTime()),
      });
    }
    return actor;
  }

  /**
   * Last used (at most once a minute, so reading is not a write per request) and, at the token's first
   * use, the browser it was used from; a browser new to the account may mail the account.
   */
  private async touch(
    row: { id: string; user_id: string; browser: string | null; last_seen_at: Date | null },
    userAgent: string | undefined,
  ) {
    const first = row.browser === null;
    const stale =
      row.last_seen_at === null ||
      Date.now() - new Date(row.last_seen_at).getTime() > TokenService.TOUCH_MS;
    if (!first && !stale) return;
    const words = browserWords(userAgent);
    // Neither version nor updated_at: being used is not an edit.
    const [named] = await queryRows<{ named: boolean }>(
      this.db,
      `UPDATE auth_tokens t SET last_seen_at = now(), browser = coalesce(t.browser, $2)
         FROM auth_tokens o WHERE t.id = $1 AND o.id = t.id
       RETURNING o.browser IS NULL AS named`,
      [row.id, words],
    );
    if (first && named?.named) await this.browsers?.signedInFrom(row.user_id, words);
  }

  async revoke(accessToken: string): Promise<void> {
    actorCache.delete(sha256(accessToken).toString('hex'));
    await queryRows(
      this.db,
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
                          WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256(accessToken)],
    );
  }

  /**
   * Ends every token of the user (except one, when given) and the user's mailed links; returns how
   * many tokens were still open.
   */
  async revokeAllFor(
    userId: string,
    manager: { query: DataSource['query'] } = this.db,
    exceptTokenId: string | null = null,
  ): Promise<number> {
    for (const [key, entry] of actorCache)
      if (entry.actor.userId === userId) actorCache.delete(key);
    const revoked = await queryRows<{ open: boolean }>(
      manager,
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
        WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2)
       RETURNING expires_at > now() AS open`,
      [userId, exceptTokenId],
    );
    // Mailed links (sign-in, address change, password) end with the sessions; they may hold an
    // address, and each is a way into the account.
    await queryRows(manager, `DELETE FROM auth_links WHERE user_id = $1`, [userId]);
    return revoked.filter((r) => r.open).length;
  }

  /** Ends one token of the user by its id; false when it is not theirs or already ended. */
  async revokeById(
    userId: string,
    tokenId: string,
    manager: { query: DataSource['query'] } = this.db,
  ): Promise<boolean> {
    for (const [key, entry] of actorCache)
      if (entry.actor.userId === userId) actorCache.delete(key);
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()
       RETURNING id`,
      [tokenId, userId],
    );
    return rows.length > 0;
  }

  /** The user's open tokens, for the sessions page. */
  async openFor(
    userId: string,
  ): Promise<{ id: string; browser: string | null; createdAt: Date; lastSeenAt: Date | null }[]> {
    const rows = await queryRows<{
      id: string;
      browser: string | null;
      created_at: Date;
      last_seen_at: Date | null;
    }>(
      this.db,
      `SELECT id, browser, created_at, last_seen_at FROM auth_tokens
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY created_at DESC LIMIT 200`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      browser: r.browser,
      createdAt: new Date(r.created_at),
      lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at) : null,
    }));
  }
}
