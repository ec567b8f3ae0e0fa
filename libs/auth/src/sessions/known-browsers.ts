import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { isEmailAddress, MailService } from '@werkbrug/mail';
import type { Role } from '../role';

/** A browser not used for this long counts as new again. */
export const KNOWN_BROWSER_DAYS = 90;

/** The page every mail about sessions links to (one route for every role, libs/web). */
export const SESSIONS_PAGE_PATH = '/account/sessies';

const MOMENT = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/**
 * The browsers each account signed in from (table user_browsers, words only, no IP address). A
 * sign-in from a browser and system not seen in KNOWN_BROWSER_DAYS queues a mail to the account
 * (sign_in_new_browser), except for the account's very first sign-in.
 */
@Injectable()
export class KnownBrowsers {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A session or token of the user was first used from `browser` (words). Returns whether it mailed. */
  async signedInFrom(userId: string, browser: string): Promise<boolean> {
    return this.db.transaction(async (em) => {
      // One sign-in at a time per account decides "new", so two at once do not both count as first.
      const [user] = await queryRows<{ email: string; display_name: string; role: Role }>(
        em,
        `SELECT email, display_name, role FROM users WHERE id = $1 AND active FOR NO KEY UPDATE`,
        [userId],
      );
      if (!user) return false;
      const [seen] = await queryRows<{ any: boolean; recent: boolean }>(
        em,
        `SELECT count(*) > 0 AS any,
                coalesce(bool_or(browser = $2 AND last_seen_at > now() - make_interval(days => $3)), false) AS recent
           FROM user_browsers WHERE user_id = $1`,
        [userId, browser, KNOWN_BROWSER_DAYS],
      );
      await queryRows(
        em,
        `INSERT INTO user_browsers (user_id, browser) VALUES ($1, $2)
         ON CONFLICT (user_id, browser) DO UPDATE SET last_seen_at = now()`,
        [userId, browser],
      );
      if (!seen?.any || seen.recent || !isEmailAddress(user.email)) return false;
      await this.mail.queue(
        em,
        {
          template: 'sign_in_new_browser',
          to: [user.email],
          data: {
            audience: user.role === 'kandidaat' ? 'je' : 'u',
            recipientName: user.display_name,
            browser,
            moment: MOMENT.format(new Date()),
            link: `${this.config.publicUrl.replace(/\/$/, '')}${SESSIONS_PAGE_PATH}`,
          },
        },
        { type: 'user', id: userId },
      );
      return true;
    });
  }
}
