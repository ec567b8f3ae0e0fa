import type { EntityManager } from 'typeorm';
import type { Actor } from './role';

/**
 * What the audit trail keeps about accounts: signing in, and who changed whose account (libs/audit
 * writes the lines: it is a layer up). No code, secret, password or new address is ever in it.
 */
export type AuthAction =
  /** Signed in: details say how (`method`, `secondFactor`, `channel`). */
  | 'auth.sign_in'
  /** A wrong, replayed or throttled second-factor code. */
  | 'auth.second_factor_failed'
  /** A recovery code was used (details: how many are left). */
  | 'auth.recovery_code_used'
  | 'auth.second_factor_enrolled'
  /** An administrator removed a user's second factor (the user is `subjectUserId`). */
  | 'auth.second_factor_reset'
  /** An administrator made an account (details: role). */
  | 'user.create'
  /** An account was invited by mail (details: role, organisation administrator or not). */
  | 'user.invite'
  /** A new invitation link replaced the old one. */
  | 'user.invite_resend'
  /**
   * An account changed by someone else, or its login changed (details: `changed`, the names of the
   * fields; `active` and `organisationAdmin` with their new values).
   */
  | 'user.update'
  /** An administrator set an organisation's identity provider (details: organisation, issuer, …). */
  | 'organisation.identity_provider.save'
  /** An administrator removed it: the organisation signs in with passwords again. */
  | 'organisation.identity_provider.remove';

export interface AuthEvent {
  action: AuthAction;
  /** Whose account it is about (none for an organisation's sign-in settings, which `by` changed). */
  userId?: string;
  /** Who did it, when not the user themselves (an administrator's reset). */
  by?: Actor | null;
  details?: Record<string, unknown>;
}

/**
 * The port auth writes its audit lines through. AuditModule (global) provides it; without it (a
 * module test) the events are dropped. With `em` the line is written in that transaction, so a
 * change and its line are kept or lost together.
 */
export abstract class AuthEvents {
  abstract record(event: AuthEvent, em?: EntityManager): Promise<void>;
}
