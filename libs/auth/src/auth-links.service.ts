import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { ProblemException } from '@werkbrug/http';
import { OutboxService } from '@werkbrug/outbox';
import { TokenService } from './token.service';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

export const SIGN_IN_LINK_MINUTES = 15;
export const EMAIL_CHANGE_MINUTES = 60;
/** Unused sign-in links one account may have at once; more requests send nothing (no mail bombing). */
const OPEN_SIGN_IN_LINKS = 3;

type LinkPurpose = 'sign_in' | 'email_change';

const linkInvalid = () =>
  new ProblemException(
    400,
    'LINK_INVALID',
    'The link is not valid',
    'The link was already used, has expired or is unknown. Ask for a new one.',
  );

/**
 * One-time links by mail: sign in without a password (the way in for an owner whose account is
 * throttled) and confirm a new login address before it becomes the login. Only hashes are stored.
 *
 * Mail is queued through the outbox as a mail.send message (the mail lib renders and sends it);
 * auth does not import the mail module, which itself depends on auth.
 */
@Injectable()
export class AuthLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
    private readonly tokens: TokenService,
  ) {}

  private url(path: string, token: string) {
    return `${this.config.publicUrl.replace(/\/$/, '')}/${path}/${token}`;
  }

  private async create(
    em: EntityManager,
    userId: string,
    purpose: LinkPurpose,
    minutes: number,
    newEmail: string | null = null,
  ): Promise<string> {
    const token = `al_${randomBytes(32).toString('base64url')}`;
    await queryRows(
      em,
      `INSERT INTO auth_links (user_id, purpose, token_hash, new_email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5))`,
      [userId, purpose, sha256(token), newEmail, minutes],
    );
    return token;
  }

  private async mail(
    em: EntityManager,
    template: 'sign_in_link' | 'email_change',
    to: string,
    data: Record<string, unknown>,
  ) {
    await this.outbox.enqueue(em, {
      topic: 'mail.send',
      payload: { template, to: [to], data },
    });
  }

  /** Sends a sign-in link when the address belongs to an active account; says nothing either way. */
  async requestSignIn(email: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [user] = await queryRows<{ id: string; display_name: string; open: number }>(
        em,
        `SELECT u.id, u.display_name,
                (SELECT count(*)::int FROM auth_links l WHERE l.user_id = u.id AND l.purpose = 'sign_in'
                    AND l.used_at IS NULL AND l.expires_at > now()) AS open
           FROM users u WHERE u.email = $1 AND u.active FOR UPDATE OF u`,
        [email],
      );
      if (!user || user.open >= OPEN_SIGN_IN_LINKS) return;
      const token = await this.create(em, user.id, 'sign_in', SIGN_IN_LINK_MINUTES);
      await this.mail(em, 'sign_in_link', email, {
        recipientName: user.display_name,
        minutes: String(SIGN_IN_LINK_MINUTES),
        link: this.url('inloggen', token),
      });
    });
  }

  /** Uses a link once; the user it belongs to (still active), or LINK_INVALID. */
  private async use(em: EntityManager, token: string, purpose: LinkPurpose) {
    if (!/^al_[A-Za-z0-9_-]{43}$/.test(token)) throw linkInvalid();
    const [link] = await queryRows<{ user_id: string; new_email: string | null }>(
      em,
      `UPDATE auth_links l SET used_at = now()
        WHERE l.token_hash = $1 AND l.purpose = $2 AND l.used_at IS NULL AND l.expires_at > now()
          AND EXISTS (SELECT 1 FROM users u WHERE u.id = l.user_id AND u.active)
        RETURNING l.user_id, l.new_email`,
      [sha256(token), purpose],
    );
    if (!link) throw linkInvalid();
    return link;
  }

  async redeemSignIn(token: string) {
    const link = await this.db.transaction((em) => this.use(em, token, 'sign_in'));
    return this.tokens.issue(link.user_id);
  }

  /**
   * A new login address waits for confirmation from that mailbox. A taken address is answered the
   * same way (the caller learns nothing) and gets no link.
   */
  async requestEmailChange(
    em: EntityManager,
    user: { id: string; displayName: string },
    newEmail: string,
  ): Promise<void> {
    const [taken] = await queryRows<unknown>(em, `SELECT 1 FROM users WHERE email = $1`, [
      newEmail,
    ]);
    if (taken) return;
    const token = await this.create(em, user.id, 'email_change', EMAIL_CHANGE_MINUTES, newEmail);
    await this.mail(em, 'email_change', newEmail, {
      recipientName: user.displayName,
      minutes: String(EMAIL_CHANGE_MINUTES),
      link: this.url('e-mail-bevestigen', token),
    });
  }

  /** The mailbox confirmed: the address becomes the login; open sessions end. */
  async confirmEmailChange(token: string): Promise<{ email: string }> {
    return this.db.transaction(async (em) => {
      const link = await this.use(em, token, 'email_change');
      const email = link.new_email as string;
      const [taken] = await queryRows<unknown>(
        em,
        `SELECT 1 FROM users WHERE email = $1 AND id <> $2`,
        [email, link.user_id],
      );
      if (taken)
        throw new ProblemException(
          409,
          'EMAIL_TAKEN',
          'The address is in use',
          'Another account signed up with this address in the meantime.',
        );
      await queryRows(
        em,
        `UPDATE users SET email = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
        [link.user_id, email],
      );
      await queryRows(
        em,
        `UPDATE auth_links SET used_at = now() WHERE user_id = $1 AND purpose = 'email_change' AND used_at IS NULL`,
        [link.user_id],
      );
      await this.tokens.revokeAllFor(link.user_id, em);
      return { email };
    });
  }
}
