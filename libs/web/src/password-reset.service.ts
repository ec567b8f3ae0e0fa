import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  AuthLinksService,
  INVITE_DAYS,
  PASSWORD_RESET_MINUTES,
  SessionsService,
} from '@werkbrug/auth';

/**
 * The links to choose a password, as the web pages use them: for "forgot password" (valid
 * RESET_MINUTES) and for a colleague's invitation (valid INVITE_DAYS). The links are auth's one-time
 * links (AuthLinksService, table auth_links); this adds what belongs to the web: a password set
 * through a link also ends the user's web sessions.
 */
@Injectable()
export class PasswordResetService {
  static readonly RESET_MINUTES = PASSWORD_RESET_MINUTES;
  static readonly INVITE_DAYS = INVITE_DAYS;

  constructor(
    private readonly links: AuthLinksService,
    private readonly sessions: SessionsService,
  ) {}

  /** Creates a link for the user, in the caller's transaction; returns the absolute URL. */
  issue(em: EntityManager, userId: string, purpose: 'reset' | 'invite'): Promise<string> {
    return this.links.issuePasswordLink(
      em,
      userId,
      purpose === 'reset' ? 'password_reset' : 'invite',
    );
  }

  /** Queues the mail when the address belongs to an active user; says nothing either way. */
  requestReset(email: string): Promise<void> {
    return this.links.requestPasswordReset(email);
  }

  /** Whether the link can still be used (shown before the form is filled in). */
  isUsable(token: string): Promise<boolean> {
    return this.links.isPasswordLinkUsable(token);
  }

  /**
   * Sets the password and uses the link up; the user's sessions, API tokens and other links end.
   * An invited colleague's account becomes active here. Returns false for a spent link.
   */
  async complete(token: string, password: string): Promise<boolean> {
    const userId = await this.links.setPasswordWithLink(token, password);
    if (!userId) return false;
    await this.sessions.endAllFor(userId, { reason: 'password' });
    return true;
  }
}
