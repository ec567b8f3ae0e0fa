import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { hashPassword, UsersService } from '@werkbrug/auth';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { MailService } from '@werkbrug/mail';
import { SessionService } from './session.service';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * One-time links to choose a password: for "forgot password" (valid RESET_MINUTES) and for a
 * colleague's invitation (valid INVITE_DAYS). Only the SHA-256 of the link's token is stored; the
 * mail goes through the outbox in the same transaction.
 */
@Injectable()
export class PasswordResetService {
  static readonly RESET_MINUTES = 60;
  static readonly INVITE_DAYS = 7;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
  ) {}

  /** Creates a link token for the user, in the caller's transaction; returns the absolute URL. */
  async issue(em: EntityManager, userId: string, purpose: 'reset' | 'invite'): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const validSeconds =
      purpose === 'reset'
        ? PasswordResetService.RESET_MINUTES * 60
        : PasswordResetService.INVITE_DAYS * 86_400;
    await em.query(
      `INSERT INTO password_reset_tokens (user_id, token_hash, purpose, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [userId, sha256(token), purpose, validSeconds],
    );
    return `${this.config.publicUrl.replace(/\/$/, '')}/wachtwoord-instellen/${token}`;
  }

  /** Queues the mail when the address belongs to an active user; says nothing either way. */
  async requestReset(email: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [user]: { id: string; display_name: string; email: string }[] = await em.query(
        `SELECT id, display_name, email FROM users WHERE email = $1 AND active`,
        [email.trim().toLowerCase()],
      );
      if (!user) return;
      const link = await this.issue(em, user.id, 'reset');
      await this.mail.queue(
        em,
        {
          template: 'password_reset',
          to: [user.email],
          data: {
            recipientName: user.display_name,
            link,
            validMinutes: String(PasswordResetService.RESET_MINUTES),
          },
        },
        { type: 'user', id: user.id },
      );
    });
  }

  /** Whether the link can still be used (shown before the form is filled in). */
  async isUsable(token: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
    const rows = await this.db.query(
      `SELECT 1 FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
          AND (u.active OR t.purpose = 'invite')`,
      [sha256(token)],
    );
    return rows.length > 0;
  }

  /**
   * Sets the password and uses the link up, in one transaction; the user's sessions and API tokens
   * end. An invited colleague's account becomes active here. Returns false for a spent link.
   */
  async complete(token: string, password: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
    const hash = await hashPassword(password);
    const userId = await this.db.transaction(async (em) => {
      // An UPDATE through TypeORM answers [rows, count].
      const [rows]: [{ user_id: string; purpose: 'reset' | 'invite' }[], number] = await em.query(
        `UPDATE password_reset_tokens t SET used_at = now() FROM users u
          WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
            AND u.id = t.user_id AND (u.active OR t.purpose = 'invite')
          RETURNING t.user_id, t.purpose`,
        [sha256(token)],
      );
      const row = rows[0];
      if (!row) return null;
      // Only an invitation activates an account; a reset link never revives a deactivated one.
      await this.users.setPasswordFromLink(em, row.user_id, hash, row.purpose === 'invite');
      // Other links of the same user are spent too.
      await em.query(
        `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
        [row.user_id],
      );
      return row.user_id;
    });
    if (!userId) return false;
    await this.sessions.endAllFor(userId);
    return true;
  }
}
