import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import type { Actor, Role } from './role';
import { queryRows } from '@werkbrug/database';

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
  ) {}

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
  async resolve(accessToken: string): Promise<Actor | null> {
    if (!/^wb_[A-Za-z0-9_-]{43}$/.test(accessToken)) return null;
    const hash = sha256(accessToken);
    const key = hash.toString('hex');
    const now = Date.now();
    const cached = actorCache.get(key);
    if (cached && cached.until > now) return cached.actor;
    const rows = await queryRows<{
      user_id: string;
      role: Role;
      organisation_id: string;
      employer_id: string | null;
      candidate_id: string | null;
      expires_at: Date;
    }>(
      this.db,
      `SELECT u.id AS user_id, u.role, u.organisation_id, u.employer_id, u.candidate_id, t.expires_at
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active`,
      [hash],
    );
    const row = rows[0];
    if (!row) {
      actorCache.delete(key);
      return null;
    }
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

  async revoke(accessToken: string): Promise<void> {
    actorCache.delete(sha256(accessToken).toString('hex'));
    await queryRows(
      this.db,
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
                          WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256(accessToken)],
    );
  }

  async revokeAllFor(
    userId: string,
    manager: { query: DataSource['query'] } = this.db,
  ): Promise<void> {
    for (const [key, entry] of actorCache)
      if (entry.actor.userId === userId) actorCache.delete(key);
    await queryRows(
      manager,
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
                          WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    // Mailed links (sign-in, address change, password) end with the sessions; they may hold an
    // address, and each is a way into the account.
    await queryRows(manager, `DELETE FROM auth_links WHERE user_id = $1`, [userId]);
  }
}
