import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import type { Actor, Role } from './role';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

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
    await this.db.query(
      `INSERT INTO auth_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [userId, sha256(accessToken), expiresAt],
    );
    return { accessToken, tokenType: 'Bearer', expiresAt: expiresAt.toISOString() };
  }

  /** One indexed query per request: token → active user → actor. */
  async resolve(accessToken: string): Promise<Actor | null> {
    if (!/^wb_[A-Za-z0-9_-]{43}$/.test(accessToken)) return null;
    const rows: {
      user_id: string;
      role: Role;
      organisation_id: string;
      employer_id: string | null;
      candidate_id: string | null;
    }[] = await this.db.query(
      `SELECT u.id AS user_id, u.role, u.organisation_id, u.employer_id, u.candidate_id
         FROM auth_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > now() AND u.active`,
      [sha256(accessToken)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.user_id,
      role: row.role,
      organisationId: row.organisation_id,
      employerId: row.employer_id,
      candidateId: row.candidate_id,
    };
  }

  async revoke(accessToken: string): Promise<void> {
    await this.db.query(
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
                          WHERE token_hash = $1 AND revoked_at IS NULL`,
      [sha256(accessToken)],
    );
  }

  async revokeAllFor(
    userId: string,
    manager: { query: DataSource['query'] } = this.db,
  ): Promise<void> {
    await manager.query(
      `UPDATE auth_tokens SET revoked_at = now(), updated_at = now(), version = version + 1
                          WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
  }
}
