import { queryRows } from '@werkbrug/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService, type Actor } from '@werkbrug/auth';
import { MailService } from '@werkbrug/mail';
import { PasswordResetService } from '@werkbrug/web';

export interface Colleague {
  id: string;
  displayName: string;
  email: string;
  active: boolean;
}

interface ColleagueRow {
  id: string;
  display_name: string;
  email: string;
  active: boolean;
}

interface InviteNamesRow {
  employer_name: string;
  inviter: string;
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
    private readonly users: UsersService,
  ) {}

  async list(actor: Actor): Promise<Colleague[]> {
    const rows = await queryRows<ColleagueRow>(
      this.db,
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
    return this.db.transaction(async (em) => {
      const user = await this.users.createInvitedColleague(em, actor, name, address);
      if (user === 'duplicate') return 'duplicate';
      const [names] = await queryRows<InviteNamesRow>(
        em,
        `SELECT e.name AS employer_name, u.display_name AS inviter
           FROM employers e, users u WHERE e.id = $1 AND u.id = $2`,
        [actor.employerId, actor.userId],
      );
      if (!names) throw new Error('The inviting employer user was not found');
      const link = await this.links.issue(em, user.id, 'invite');
      await this.mail.queue(
        em,
        {
          template: 'colleague_invite',
          to: [address],
          data: {
            inviterName: names.inviter,
            employerName: names.employer_name,
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
