import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { ProblemException } from '@werkbrug/http';
import { isEmailAddress, type MailAudience, MailService, type MailTemplate } from '@werkbrug/mail';
import { passwordRefusedSql } from './identity-providers/identity-providers.service';
import { hashPassword } from './password-hasher';
import { recordSignIn } from './sign-in.service';
import type { Role } from './role';
import { TokenService } from './token.service';

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** How an account mail addresses its reader (house rule): a candidate with "je", every other role with "u". */
export const mailAudienceOf = (role: Role): MailAudience => (role === 'kandidaat' ? 'je' : 'u');

export const SIGN_IN_LINK_MINUTES = 15;
export const EMAIL_CHANGE_MINUTES = 60;
/** A "forgot password" link. */
export const PASSWORD_RESET_MINUTES = 60;
/** A colleague's invitation: the link that sets the first password and activates the account. */
export const INVITE_DAYS = 7;
/** Unused sign-in links one account may have at once; more requests send nothing (no mail bombing). */
const OPEN_SIGN_IN_LINKS = 3;

/**
 * What a link is for. Only an invitation may be used by an inactive account (it activates it);
 * every other link needs an active one.
 */
export type LinkPurpose = 'sign_in' | 'email_change' | 'password_reset' | 'invite';
export type PasswordLinkPurpose = Extract<LinkPurpose, 'password_reset' | 'invite'>;
const PASSWORD_PURPOSES: PasswordLinkPurpose[] = ['password_reset', 'invite'];

/** `al_` and 43 base64url characters; the bare 43 are password links mailed before they moved here. */
const TOKEN = /^(al_)?[A-Za-z0-9_-]{43}$/;

/**
 * When link `l` of user `u` can still be used: not used, not expired, the account active (an
 * invitation activates it), and a sign-in link only for an account that may sign in without its
 * organisation's provider (passwordRefusedSql: the link stands in for the password).
 */
const USABLE_LINK_SQL = `l.used_at IS NULL AND l.expires_at > now() AND (u.active OR l.purpose = 'invite')
   AND (l.purpose <> 'sign_in' OR NOT ${passwordRefusedSql('u')})`;

const linkInvalid = () =>
  new ProblemException(
    400,
    'LINK_INVALID',
    'The link is not valid',
    'The link was already used, has expired or is unknown. Ask for a new one.',
  );

/**
 * One-time links by mail, in one table (auth_links) with one mechanism: sign in without a password
 * (the way in for an owner whose account is throttled), confirm a new login address before it
 * becomes the login, choose a new password (forgot password) and a colleague's first password (an
 * invitation). Only the SHA-256 of a token is stored; a link works once and until it expires; the
 * user's other open ways in (TokenService.revokeAllFor) delete them. The mails are queued through
 * MailService in the same transaction.
 */
@Injectable()
export class AuthLinksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mail: MailService,
    private readonly tokens: TokenService,
  ) {}

  private url(path: string, token: string) {
    return `${this.config.publicUrl.replace(/\/$/, '')}/${path}/${token}`;
  }

  private async create(
    em: EntityManager,
    userId: string,
    purpose: LinkPurpose,
    validSeconds: number,
    newEmail: string | null = null,
  ): Promise<string> {
    const token = `al_${randomBytes(32).toString('base64url')}`;
    await queryRows(
      em,
      `INSERT INTO auth_links (user_id, purpose, token_hash, new_email, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [userId, purpose, sha256(token), newEmail, validSeconds],
    );
    return token;
  }

  /**
   * Queues the mail in the caller's transaction. An address the mail lib cannot send to (a quoted
   * local part passes the API's e-mail validation) gets nothing, with the same answer to the caller:
   * the answer must not tell such an account apart.
   */
  private async send(
    em: EntityManager,
    template: MailTemplate,
    to: string,
    userId: string,
    data: Record<string, unknown>,
  ) {
    if (!isEmailAddress(to)) return;
    await this.mail.queue(em, { template, to: [to], data }, { type: 'user', id: userId });
  }

  /** Sends a sign-in link when the address belongs to an active account; says nothing either way. */
  async requestSignIn(email: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [user] = await queryRows<{
        id: string;
        display_name: string;
        role: Role;
        open: number;
      }>(
        em,
        `SELECT u.id, u.display_name, u.role,
                (SELECT count(*)::int FROM auth_links l WHERE l.user_id = u.id AND l.purpose = 'sign_in'
                    AND l.used_at IS NULL AND l.expires_at > now()) AS open
           FROM users u WHERE u.email = $1 AND u.active AND NOT ${passwordRefusedSql('u')}
            FOR UPDATE OF u`,
        [email],
      );
      if (!user || user.open >= OPEN_SIGN_IN_LINKS) return;
      const token = await this.create(em, user.id, 'sign_in', SIGN_IN_LINK_MINUTES * 60);
      await this.send(em, 'sign_in_link', email, user.id, {
        audience: mailAudienceOf(user.role),
        recipientName: user.display_name,
        minutes: String(SIGN_IN_LINK_MINUTES),
        link: this.url('inloggen', token),
      });
    });
  }

  /**
   * Uses a link once: its user (active, or inactive for an invitation) and what it carries, or null
   * when it was used, has expired, is unknown or is for something else.
   */
  private async spend(em: EntityManager, token: string, purposes: readonly LinkPurpose[]) {
    if (!TOKEN.test(token)) return null;
    const [link] = await queryRows<{
      user_id: string;
      purpose: LinkPurpose;
      new_email: string | null;
    }>(
      em,
      `UPDATE auth_links l SET used_at = now() FROM users u
        WHERE u.id = l.user_id AND l.token_hash = $1 AND l.purpose = ANY($2::text[])
          AND ${USABLE_LINK_SQL}
        RETURNING l.user_id, l.purpose, l.new_email`,
      [sha256(token), purposes],
    );
    return link ?? null;
  }

  /** Like spend, for the API: LINK_INVALID when the link cannot be used. */
  private async use(em: EntityManager, token: string, purpose: LinkPurpose) {
    const link = await this.spend(em, token, [purpose]);
    if (!link) throw linkInvalid();
    return link;
  }

  /** Whose usable sign-in link this is, without using it (the second factor is asked first). */
  async signInLinkHolder(token: string): Promise<{ id: string; role: Role; email: string } | null> {
    if (!TOKEN.test(token)) return null;
    const [user] = await queryRows<{ id: string; role: Role; email: string }>(
      this.db,
      `SELECT u.id, u.role, u.email FROM auth_links l JOIN users u ON u.id = l.user_id
        WHERE l.token_hash = $1 AND l.purpose = 'sign_in' AND ${USABLE_LINK_SQL}`,
      [sha256(token)],
    );
    return user ?? null;
  }

  async redeemSignIn(token: string) {
    const link = await this.db.transaction(async (em) => {
      const used = await this.use(em, token, 'sign_in');
      await recordSignIn(em, used.user_id);
      return used;
    });
    return this.tokens.issue(link.user_id);
  }

  /**
   * Uses a sign-in link for a web session (the page /inloggen/{token}): the user's id, or null when
   * the link was used, has expired or is unknown.
   */
  async signInUserOf(token: string): Promise<string | null> {
    const link = await this.db.transaction(async (em) => {
      const used = await this.spend(em, token, ['sign_in']);
      if (used) await recordSignIn(em, used.user_id);
      return used;
    });
    return link?.user_id ?? null;
  }

  /**
   * A new login address waits for confirmation from that mailbox. A taken address is answered the
   * same way (the caller learns nothing) and gets no link.
   */
  async requestEmailChange(
    em: EntityManager,
    user: { id: string; displayName: string; role: Role },
    newEmail: string,
  ): Promise<void> {
    const [taken] = await queryRows<unknown>(em, `SELECT 1 FROM users WHERE email = $1`, [
      newEmail,
    ]);
    if (taken) return;
    const token = await this.create(
      em,
      user.id,
      'email_change',
      EMAIL_CHANGE_MINUTES * 60,
      newEmail,
    );
    await this.send(em, 'email_change', newEmail, user.id, {
      audience: mailAudienceOf(user.role),
      recipientName: user.displayName,
      minutes: String(EMAIL_CHANGE_MINUTES),
      link: this.url('e-mail-bevestigen', token),
    });
  }

  /** The mailbox confirmed: the address becomes the login; open sessions end. */
  async confirmEmailChange(token: string): Promise<{ email: string; userId: string }> {
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
      // Ends the sessions and every other link of the user (the other address changes included).
      await this.tokens.revokeAllFor(link.user_id, em);
      return { email, userId: link.user_id };
    });
  }

  /**
   * A link to choose a password (the web page /wachtwoord-instellen), in the caller's transaction;
   * returns its absolute URL. The caller mails it (a reset: requestPasswordReset; an invitation: the
   * inviting page, with its own words).
   */
  async issuePasswordLink(
    em: EntityManager,
    userId: string,
    purpose: PasswordLinkPurpose,
  ): Promise<string> {
    const validSeconds =
      purpose === 'password_reset' ? PASSWORD_RESET_MINUTES * 60 : INVITE_DAYS * 86_400;
    const token = await this.create(em, userId, purpose, validSeconds);
    return this.url('wachtwoord-instellen', token);
  }

  /**
   * An invitation for an account made inactive (UsersService.invite): earlier invitations of the
   * account stop working, a new link is mailed in the caller's transaction. Returns when it expires.
   */
  async mailInvitation(
    em: EntityManager,
    user: { id: string; email: string; displayName: string },
    words: { inviterName: string; organisationName: string; roleText: string },
  ): Promise<Date> {
    await queryRows(em, `DELETE FROM auth_links WHERE user_id = $1 AND purpose = 'invite'`, [
      user.id,
    ]);
    const link = await this.issuePasswordLink(em, user.id, 'invite');
    await this.send(em, 'user_invite', user.email, user.id, {
      recipientName: user.displayName,
      ...words,
      link,
      validDays: String(INVITE_DAYS),
    });
    return new Date(Date.now() + INVITE_DAYS * 86_400_000);
  }

  /** Mails a password reset link when the address belongs to an active user; says nothing either way. */
  async requestPasswordReset(email: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [user] = await queryRows<{
        id: string;
        display_name: string;
        email: string;
        role: Role;
      }>(em, `SELECT id, display_name, email, role FROM users WHERE email = $1 AND active`, [
        email.trim().toLowerCase(),
      ]);
      if (!user) return;
      const link = await this.issuePasswordLink(em, user.id, 'password_reset');
      await this.send(em, 'password_reset', user.email, user.id, {
        audience: mailAudienceOf(user.role),
        recipientName: user.display_name,
        link,
        validMinutes: String(PASSWORD_RESET_MINUTES),
      });
    });
  }

  /** Whether a password link can still be used (asked before the form is filled in). */
  isPasswordLinkUsable(token: string): Promise<boolean> {
    return this.isUsable(token, PASSWORD_PURPOSES);
  }

  /**
   * Whether a link can still be used, without using it: a link's page asks before it shows its
   * button (a mail scanner that opens the link uses up nothing).
   */
  async isUsable(token: string, purposes: readonly LinkPurpose[]): Promise<boolean> {
    if (!TOKEN.test(token)) return false;
    const rows = await queryRows<unknown>(
      this.db,
      `SELECT 1 FROM auth_links l JOIN users u ON u.id = l.user_id
        WHERE l.token_hash = $1 AND l.purpose = ANY($2::text[]) AND ${USABLE_LINK_SQL}`,
      [sha256(token), purposes],
    );
    return rows.length > 0;
  }

  /**
   * Sets the password and uses the link up, in one transaction; every API token and every other link
   * of the user ends. Only an invitation activates the account: a reset link never revives a
   * deactivated one. The user's id, or null for a link that cannot be used.
   */
  async setPasswordWithLink(token: string, password: string): Promise<string | null> {
    if (!TOKEN.test(token)) return null;
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (em) => {
      const link = await this.spend(em, token, PASSWORD_PURPOSES);
      if (!link) return null;
      await queryRows(
        em,
        `UPDATE users SET password_hash = $2, active = active OR $3, updated_at = now(),
                version = version + 1 WHERE id = $1`,
        [link.user_id, passwordHash, link.purpose === 'invite'],
      );
      await this.tokens.revokeAllFor(link.user_id, em);
      return link.user_id;
    });
  }
}
