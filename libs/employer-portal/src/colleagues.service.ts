import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword, type Actor } from '@werkbrug/auth';
import { MailService } from '@werkbrug/mail';
import { PasswordResetService } from '@werkbrug/web';

export interface Colleague {
  id: string;
  displayName: string;
  email: string;
  active: boolean;
}

/**
 * The users of an employer: an employer user sees the colleagues of their own employer and may
 * invite one. The invited account stays inactive until the colleague chooses a password through
 * the one-time link in the mail (valid PasswordResetService.INVITE_DAYS days).
 */
@Injectable()
export class ColleaguesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    private readonly links: PasswordResetService,
  ) {}

  async list(actor: Actor): Promise<Colleague[]> {
    const rows: { id: string; display_name: string; email: string; active: boolean }[] =
      await this.db.query(
        `SELECT id, display_name, email, active FROM users
          WHERE employer_id = $1 AND role = 'werkgever' ORDER BY display_name, email`,
        [actor.employerId],
      );
    return rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      email: r.email,
      active: r.active,
    }));
  }

  /** Returns 'duplicate' when the address already has an account (any role, any organisation). */
  async invite(actor: Actor, name: string, email: string): Promise<'invited' | 'duplicate'> {
    const address = email.trim().toLowerCase();
    // A password nobody knows: the account is inactive until the link is used.
    const placeholder = await hashPassword(randomBytes(32).toString('base64url'));
    return this.db.transaction(async (em) => {
      const clash = await em.query(`SELECT 1 FROM users WHERE email = $1`, [address]);
      if (clash.length) return 'duplicate';
      const [{ employer_name: employerName, inviter }] = await em.query(
        `SELECT e.name AS employer_name, u.display_name AS inviter
           FROM employers e, users u WHERE e.id = $1 AND u.id = $2`,
        [actor.employerId, actor.userId],
      );
      const [user] = await em.query(
        `INSERT INTO users (email, password_hash, role, organisation_id, employer_id, display_name, active)
         VALUES ($1, $2, 'werkgever', $3, $4, $5, false) RETURNING id`,
        [address, placeholder, actor.organisationId, actor.employerId, name.trim()],
      );
      const link = await this.links.issue(em, user.id, 'invite');
      await this.mail.queue(
        em,
        {
          template: 'colleague_invite',
          to: [address],
          data: {
            inviterName: inviter,
            employerName,
            link,
            validDays: String(PasswordResetService.INVITE_DAYS),
          },
        },
        { type: 'user', id: user.id },
      );
      return 'invited';
    });
  }
}
