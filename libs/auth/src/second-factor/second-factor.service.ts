import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { SECRET_BOX, type SecretBox } from '@werkbrug/config';
import { queryRows } from '@werkbrug/database';
import { ProblemException } from '@werkbrug/http';
import { LoginThrottle, type LoginRefusal } from '../login-throttle';
import type { Actor, Role } from '../role';
import { normalizeEmail } from '../sign-in.service';
import { newRecoveryCode, readEnteredCode, RECOVERY_CODE_COUNT } from './second-factor-codes';
import { SessionsService } from '../sessions/sessions.service';
import { AuthEvents } from '../auth-events';
import { matchTotpStep, newTotpSecret, qrSvg, totpUri } from './totp';

/** The roles that open protected candidate data, and so sign in with a second factor. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['werkmakelaar', 'admin'];

export type SecondFactorStatus = 'none' | 'enrolled';

/** What a set-up shows: the secret as text, the otpauth URI and its QR code (an SVG document). */
export interface Enrolment {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

/** Where a code was typed, for the audit line. */
export type SignInChannel = 'api' | 'web';

export type SecondFactorCheck =
  | { ok: true; method: 'totp' | 'recovery'; recoveryCodesLeft: number | null }
  /** Too many wrong codes or passwords: the code was not checked. */
  | ({ ok: false; reason: 'throttled' } & LoginRefusal)
  /** Wrong, used already (replay), unreadable, or no second factor set up: one answer. */
  | { ok: false; reason: 'wrong-code' };

/** Who the code is for: the id, and the login the throttle counts under. */
export interface SecondFactorUser {
  id: string;
  email: string;
}

// Recovery codes: argon2id as passwords, a little lighter (ten are hashed at once, and each has
// ~49 random bits, unlike a password).
const RECOVERY_HASH = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 1,
  parallelism: 1,
} as const;

const context = (userId: string) => `totp:${userId}`;

export const alreadyEnrolledProblem = () =>
  new ProblemException(
    409,
    'MFA_ALREADY_ENROLLED',
    'A second factor is set up already',
    'This account has an authenticator app. An administrator can reset it.',
  );

/**
 * The second factor (TOTP, RFC 6238, with ten one-time recovery codes) of the roles that open
 * protected data. The API (POST /api/auth/token), the web sign-in (libs/web) and OpenID Connect
 * sign-in all ask it the same questions:
 *
 * - requiredFor(user, {providerReportedMfa}): must this sign-in show a second factor?
 * - status(user): none | enrolled;
 * - beginEnrolment(user) → {secret, otpauthUri, qrSvg} (the same secret until confirmed);
 * - confirmEnrolment(user, code) → the ten recovery codes (shown once), or null for a wrong code;
 * - verify(user, code, {ip, channel}): a current TOTP code or an unused recovery code, throttled
 *   like a password (LoginThrottle, same account+address counters), each code accepted once.
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionsService,
    @Optional() private readonly events?: AuthEvents,
  ) {}

  /**
   * Whether signing in needs a second factor here: for werkmakelaars (organisation administrators
   * among them) and administrators, unless the organisation's identity provider reported that it
   * asked for one itself (OpenID Connect `amr`/`acr`).
   */
  requiredFor(user: { role: Role }, options: { providerReportedMfa?: boolean } = {}): boolean {
    return SECOND_FACTOR_ROLES.includes(user.role) && options.providerReportedMfa !== true;
  }

  async status(user: { id: string }): Promise<SecondFactorStatus> {
    const [row] = await queryRows<{ enrolled: boolean }>(
      this.db,
      `SELECT enrolled_at IS NOT NULL AS enrolled FROM second_factors WHERE user_id = $1`,
      [user.id],
    );
    return row?.enrolled ? 'enrolled' : 'none';
  }

  /**
   * Starts (or shows again) a set-up: a new secret, kept sealed until the first code confirms it.
   * Asking again before confirming gives the same secret, so a reload does not undo a scan.
   */
  async beginEnrolment(user: SecondFactorUser): Promise<Enrolment> {
    const candidate = newTotpSecret();
    const [row] = await queryRows<{ secret_sealed: string; enrolled: boolean }>(
      this.db,
      `INSERT INTO second_factors (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET updated_at = second_factors.updated_at
       RETURNING secret_sealed, enrolled_at IS NOT NULL AS enrolled`,
      [user.id, this.box.seal(candidate, context(user.id))],
    );
    if (!row || row.enrolled) throw alreadyEnrolledProblem();
    const secret = this.box.open(row.secret_sealed, context(user.id));
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrSvg: await qrSvg(otpauthUri) };
  }

  /**
   * The first code from the app confirms the set-up: the second factor is on, and ten new recovery
   * codes are made (returned once, stored hashed). Null when the code does not match (throttled as
   * any code; the set-up stays open).
   */
  async confirmEnrolment(
    user: SecondFactorUser,
    code: string,
    ip?: string,
  ): Promise<string[] | null | ({ throttled: true } & LoginRefusal)> {
    const login = normalizeEmail(user.email);
    const address = ip ?? 'unknown';
    const refused = this.throttle.pairRefusal(login, address);
    if (refused) return { throttled: true, ...refused };
    const [row] = await queryRows<{ secret_sealed: string }>(
      this.db,
      `SELECT secret_sealed FROM second_factors WHERE user_id = $1 AND enrolled_at IS NULL`,
      [user.id],
    );
    const entered = readEnteredCode(code);
    const step =
      row && entered?.kind === 'totp'
        ? matchTotpStep(this.box.open(row.secret_sealed, context(user.id)), entered.code)
        : null;
    if (step === null) {
      this.throttle.recordFailure(login, address);
      return null;
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const hashes = await Promise.all(
      codes.map((c) => argon2.hash(c.replace('-', ''), RECOVERY_HASH)),
    );
    const confirmed = await this.db.transaction(async (em) => {
      const done = await queryRows<{ user_id: string }>(
        em,
        `UPDATE second_factors SET enrolled_at = now(), last_used_step = $2, updated_at = now()
          WHERE user_id = $1 AND enrolled_at IS NULL RETURNING user_id`,
        [user.id, step],
      );
      if (!done.length) return false;
      await queryRows(em, `DELETE FROM recovery_codes WHERE user_id = $1`, [user.id]);
      await queryRows(
        em,
        `INSERT INTO recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])`,
        [user.id, hashes],
      );
      return true;
    });
    if (!confirmed) throw alreadyEnrolledProblem();
    this.throttle.recordSuccess(login, address);
    await this.events?.record({ action: 'auth.second_factor_enrolled', userId: user.id });
    return codes;
  }

  /**
   * Checks a code for sign-in: a TOTP code of the current step (or one either side) that is newer
   * than the last one used, or an unused recovery code (then used up). Wrong codes count as wrong
   * passwords for the account and address; every failure and every recovery code is audited.
   */
  async verify(
    user: SecondFactorUser,
    code: string,
    options: { ip?: string; channel: SignInChannel },
  ): Promise<SecondFactorCheck> {
    const login = normalizeEmail(user.email);
    const address = options.ip ?? 'unknown';
    const refused = this.throttle.pairRefusal(login, address);
    if (refused) {
      await this.failed(user.id, options.channel, 'throttled');
      return { ok: false, reason: 'throttled', ...refused };
    }
    const entered = readEnteredCode(code);
    let check: SecondFactorCheck = { ok: false, reason: 'wrong-code' };
    if (entered?.kind === 'totp' && (await this.useTotp(user.id, entered.code)))
      check = { ok: true, method: 'totp', recoveryCodesLeft: null };
    else if (entered?.kind === 'recovery') {
      const left = await this.useRecoveryCode(user.id, entered.code);
      if (left !== null) check = { ok: true, method: 'recovery', recoveryCodesLeft: left };
    }
    if (!check.ok) {
      this.throttle.recordFailure(login, address);
      await this.failed(user.id, options.channel, entered ? entered.kind : 'unreadable');
      return check;
    }
    this.throttle.recordSuccess(login, address);
    if (check.method === 'recovery')
      await this.events?.record({
        action: 'auth.recovery_code_used',
        userId: user.id,
        details: { channel: options.channel, left: check.recoveryCodesLeft },
      });
    return check;
  }

  /** How many unused recovery codes a user has. */
  async recoveryCodesLeft(user: { id: string }): Promise<number> {
    const [row] = await queryRows<{ left: number }>(
      this.db,
      `SELECT count(*)::int AS left FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL`,
      [user.id],
    );
    return row?.left ?? 0;
  }

  /**
   * An administrator removes a user's second factor: the user's API tokens, mailed links and web
   * sessions end, and the next sign-in sets up a new one. (Who may: the caller checks.)
   */
  async reset(userId: string, by: Actor): Promise<void> {
    await this.db.transaction(async (em) => {
      await queryRows(em, `DELETE FROM recovery_codes WHERE user_id = $1`, [userId]);
      await queryRows(em, `DELETE FROM second_factors WHERE user_id = $1`, [userId]);
      // Web sessions, API tokens and mailed links end with the reset, in its transaction (one audit line).
      await this.sessions.endAllFor(userId, { reason: 'second_factor_reset', by }, em);
    });
    await this.events?.record({ action: 'auth.second_factor_reset', userId, by });
  }

  /** The step of a matching code, claimed only when newer than the last used (no replay). */
  private async useTotp(userId: string, code: string): Promise<boolean> {
    const [row] = await queryRows<{ secret_sealed: string }>(
      this.db,
      `SELECT secret_sealed FROM second_factors WHERE user_id = $1 AND enrolled_at IS NOT NULL`,
      [userId],
    );
    if (!row) return false;
    const step = matchTotpStep(this.box.open(row.secret_sealed, context(userId)), code);
    if (step === null) return false;
    const claimed = await queryRows<{ user_id: string }>(
      this.db,
      `UPDATE second_factors SET last_used_step = $2, updated_at = now()
        WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)
        RETURNING user_id`,
      [userId, step],
    );
    return claimed.length > 0;
  }

  /** Uses up a matching recovery code; the number left, or null when none matched. */
  private async useRecoveryCode(userId: string, code: string): Promise<number | null> {
    const rows = await queryRows<{ id: string; code_hash: string }>(
      this.db,
      `SELECT c.id, c.code_hash FROM recovery_codes c
         JOIN second_factors f ON f.user_id = c.user_id AND f.enrolled_at IS NOT NULL
        WHERE c.user_id = $1 AND c.used_at IS NULL`,
      [userId],
    );
    for (const row of rows) {
      if (!(await argon2.verify(row.code_hash, code).catch(() => false))) continue;
      const used = await queryRows<{ id: string }>(
        this.db,
        `UPDATE recovery_codes SET used_at = now() WHERE id = $1 AND used_at IS NULL RETURNING id`,
        [row.id],
      );
      if (!used.length) return null;
      return this.recoveryCodesLeft({ id: userId });
    }
    return null;
  }

  private async failed(userId: string, channel: SignInChannel, kind: string) {
    await this.events?.record({
      action: 'auth.second_factor_failed',
      userId,
      details: { channel, code: kind },
    });
  }
}
