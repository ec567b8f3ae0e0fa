import type { Actor } from '../role';

/** What the audit trail keeps about signing in (libs/audit writes the lines: it is a layer up). */
export type SignInAction =
  /** Signed in: details say how (`method`, `secondFactor`, `channel`). */
  | 'auth.sign_in'
  /** A wrong, replayed or throttled second-factor code. */
  | 'auth.second_factor_failed'
  /** A recovery code was used (details: how many are left). */
  | 'auth.recovery_code_used'
  | 'auth.second_factor_enrolled'
  /** An administrator removed a user's second factor (the user is `subjectUserId`). */
  | 'auth.second_factor_reset';

export interface SignInEvent {
  action: SignInAction;
  /** Whose account it is about. */
  userId: string;
  /** Who did it, when not the user themselves (an administrator's reset). */
  by?: Actor | null;
  details?: Record<string, unknown>;
}

/**
 * The port auth writes its audit lines through. AuditModule (global) provides it; without it (a
 * module test) the events are dropped.
 */
export abstract class SignInEvents {
  abstract record(event: SignInEvent): Promise<void>;
}
