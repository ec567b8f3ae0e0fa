import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { queryRows } from '@werkbrug/database';
import { LoginRefusal, LoginThrottle } from './login-throttle';
import { dummyPasswordHash, verifyPassword } from './password-hasher';
import {
  IdentityProvidersService,
  type ProviderRoute,
} from './identity-providers/identity-providers.service';
import type { Role } from './role';
import { AuthEvents } from './auth-events';

/** Who signed in. */
export interface SignedInUser {
  id: string;
  role: Role;
  /** The login (normalised): what the throttle counts under. */
  email: string;
}

/** How a sign-in happened, for the audit line. */
export interface SignInWay {
  method: 'password' | 'link' | 'oidc';
  secondFactor: 'totp' | 'recovery' | 'provider' | 'none';
  channel: 'api' | 'web';
}

/** The one answer to "e-mail and password": the user, or why not (the caller words it). */
export type SignInResult =
  | { ok: true; user: SignedInUser }
  /** Too many attempts: the password was not checked. */
  | ({ ok: false; reason: 'throttled' } & LoginRefusal)
  /** Unknown address, inactive account or wrong password: deliberately one answer. */
  | { ok: false; reason: 'wrong-credentials' }
  /**
   * The password was right, but the account's organisation signs in only through its own
   * identity provider (the route says which).
   */
  | { ok: false; reason: 'password-not-allowed'; provider: ProviderRoute };

/**
 * "Laatst ingelogd" on the administration pages. Neither version nor updated_at changes: signing
 * in is not an edit, and must not make an administrator's open form stale.
 */
export async function recordSignIn(
  db: Parameters<typeof queryRows>[0],
  userId: string,
): Promise<void> {
  await queryRows(db, `UPDATE users SET last_signed_in_at = now() WHERE id = $1`, [userId]);
}

/** The login key: what the throttle counts and the users table holds. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * The one sign-in with a password, for the API (POST /api/auth/token) and the web pages
 * (/inloggen): the login throttle (same keys and rules for both), the active-user lookup and the
 * password check, timed alike for unknown addresses. The caller asks the second factor where one
 * is needed (SecondFactorService), then calls completeSignIn and issues the bearer token or the web
 * session.
 */
@Injectable()
export class SignInService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottle,
    private readonly providers: IdentityProvidersService,
    @Optional() private readonly events?: AuthEvents,
  ) {}

  /**
   * The password was right (signIn) and the second factor, where one is needed, too: "Laatst
   * ingelogd" and the audit line. The caller then issues the token or the web session.
   */
  async completeSignIn(
    user: { id: string; email: string },
    way: SignInWay,
    ip: string | undefined,
  ): Promise<void> {
    // Only now the account+address back-off starts afresh: a right password followed by wrong
    // codes keeps counting.
    this.throttle.recordSuccess(normalizeEmail(user.email), ip ?? 'unknown');
    await recordSignIn(this.db, user.id);
    await this.events?.record({ action: 'auth.sign_in', userId: user.id, details: { ...way } });
  }

  async signIn(email: string, password: string, ip: string | undefined): Promise<SignInResult> {
    const login = normalizeEmail(email);
    const address = ip ?? 'unknown';
    const refused = this.throttle.attempt(login, address);
    if (refused) return { ok: false, reason: 'throttled', ...refused };
    const [user] = await queryRows<{ id: string; password_hash: string; role: Role }>(
      this.db,
      `SELECT id, password_hash, role FROM users WHERE email = $1 AND active`,
      [login],
    );
    const ok = await verifyPassword(user?.password_hash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) {
      this.throttle.recordFailure(login, address);
      return { ok: false, reason: 'wrong-credentials' };
    }
    const provider = await this.providers.passwordRefusedFor(login);
    if (provider) return { ok: false, reason: 'password-not-allowed', provider };
    return { ok: true, user: { id: user.id, role: user.role, email: login } };
  }
}
