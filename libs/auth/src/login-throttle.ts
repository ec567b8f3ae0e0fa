import { Injectable } from '@nestjs/common';
import { ProblemException } from '@werkbrug/http';

interface Window {
  count: number;
  resetAt: number;
}

interface PairState {
  failures: number;
  lastFailureAt: number;
}

/**
 * How long an account+address pair waits after `failures` wrong passwords: free for the first
 * PAIR_FREE_FAILURES, then 1 s, 2 s, 4 s … up to PAIR_MAX_DELAY_MS.
 */
export function pairBackoffMs(failures: number): number {
  const over = failures - LoginThrottle.PAIR_FREE_FAILURES;
  if (over < 0) return 0;
  return Math.min(LoginThrottle.PAIR_MAX_DELAY_MS, 1000 * 2 ** Math.min(over, 20));
}

/** Why a login attempt must wait, and how long. */
export interface LoginRefusal {
  retryAfterSeconds: number;
  /** The account as a whole is under attack (its password is refused from every address). */
  accountThrottled: boolean;
}

/** The API's answer to a refused attempt: 429 RATE_LIMITED with Retry-After. */
export function loginRefusedProblem(refusal: LoginRefusal): ProblemException {
  return new ProblemException(
    429,
    'RATE_LIMITED',
    'Too many login attempts',
    refusal.accountThrottled
      ? 'This account is under attack, so its password is not accepted for a while. Ask for a sign-in link by mail instead.'
      : 'Wait before trying again, or ask for a sign-in link by mail.',
    { retryAfterSeconds: refusal.retryAfterSeconds, signInLink: 'POST /api/auth/sign-in-link' },
  );
}

/**
 * Slows password guessing without locking the owner out:
 *
 * - per account and client address: exponential back-off after a few failures, so one attacker
 *   slows only itself; the owner, signing in from elsewhere, is not affected;
 * - per client address: at most IP_LIMIT attempts a minute over all accounts;
 * - per account over all addresses: after ACCOUNT_THROTTLE_FAILURES failures in the window the
 *   password is not accepted for a while — a distributed attack — and the owner signs in with a
 *   one-time link by mail instead (POST /api/auth/sign-in-link), which throttling never blocks.
 *
 * The client address is what Express resolves: the socket address, or X-Forwarded-For only from
 * the proxies in TRUST_PROXY (default none). In-process: per replica.
 */
@Injectable()
export class LoginThrottle {
  static readonly PAIR_FREE_FAILURES = 5;
  static readonly PAIR_MAX_DELAY_MS = 15 * 60_000;
  /** A pair without failures for this long starts afresh. */
  static readonly PAIR_FORGET_MS = 60 * 60_000;
  static readonly ACCOUNT_THROTTLE_FAILURES = 50;
  static readonly ACCOUNT_WINDOW_MS = 15 * 60_000;
  static readonly IP_LIMIT = 30;
  static readonly IP_WINDOW_MS = 60_000;

  private readonly pairs = new Map<string, PairState>();
  private readonly accounts = new Map<string, Window>();
  private readonly ips = new Map<string, Window>();

  private hit(map: Map<string, Window>, key: string, windowMs: number): Window {
    const now = Date.now();
    let window = map.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      map.set(key, window);
      if (map.size > 50_000) this.sweep(map, now);
    }
    window.count += 1;
    return window;
  }

  private sweep(map: Map<string, Window>, now: number) {
    for (const [key, window] of map) if (window.resetAt <= now) map.delete(key);
  }

  private refusal(untilMs: number, accountThrottled = false): LoginRefusal {
    return {
      retryAfterSeconds: Math.max(1, Math.ceil((untilMs - Date.now()) / 1000)),
      accountThrottled,
    };
  }

  private pairKey = (email: string, ip: string) => `${email}\u0000${ip}`;

  /** Counts an attempt from this address; the refusal beyond the limit, else null. */
  private addressRefusal(ip: string): LoginRefusal | null {
    const ipWindow = this.hit(this.ips, ip, LoginThrottle.IP_WINDOW_MS);
    return ipWindow.count > LoginThrottle.IP_LIMIT ? this.refusal(ipWindow.resetAt) : null;
  }

  /** Counts an attempt from this address (login or sign-in link request); refuses beyond the limit. */
  checkAddress(ip: string) {
    const refused = this.addressRefusal(ip);
    if (refused) throw loginRefusedProblem(refused);
  }

  /**
   * Call before checking a password: counts the attempt and answers whether the password may be
   * checked now (null) or how long to wait. SignInService uses this; checkBefore throws instead.
   */
  attempt(email: string, ip: string): LoginRefusal | null {
    return this.addressRefusal(ip) ?? this.pairRefusal(email, ip) ?? this.accountWideRefusal(email);
  }

  /**
   * The account+address back-off alone, without counting a request from the address: for the
   * second factor's code, asked after a password (or a mailed link) that was let through already.
   * Its failures are recorded as wrong passwords (recordFailure), so they also count towards the
   * account-wide limit that stops the password: a distributed guess of codes needs the password
   * for every try. The owner who came in with a mailed link while the password is stopped still
   * gets their code checked.
   */
  pairRefusal(email: string, ip: string): LoginRefusal | null {
    const now = Date.now();
    const pair = this.pairs.get(this.pairKey(email, ip));
    if (!pair) return null;
    if (now - pair.lastFailureAt > LoginThrottle.PAIR_FORGET_MS) {
      this.pairs.delete(this.pairKey(email, ip));
      return null;
    }
    const until = pair.lastFailureAt + pairBackoffMs(pair.failures);
    return until > now ? this.refusal(until) : null;
  }

  /** The account under attack from everywhere: its password waits (a mailed link still works). */
  private accountWideRefusal(email: string): LoginRefusal | null {
    const account = this.accounts.get(email);
    return account &&
      account.resetAt > Date.now() &&
      account.count >= LoginThrottle.ACCOUNT_THROTTLE_FAILURES
      ? this.refusal(account.resetAt, true)
      : null;
  }

  /** Call before checking a password; throws the 429 problem when the attempt must wait. */
  checkBefore(email: string, ip: string) {
    const refused = this.attempt(email, ip);
    if (refused) throw loginRefusedProblem(refused);
  }

  recordFailure(email: string, ip: string) {
    const key = this.pairKey(email, ip);
    const pair = this.pairs.get(key) ?? { failures: 0, lastFailureAt: 0 };
    pair.failures += 1;
    pair.lastFailureAt = Date.now();
    this.pairs.set(key, pair);
    if (this.pairs.size > 50_000) {
      for (const [k, p] of this.pairs)
        if (Date.now() - p.lastFailureAt > LoginThrottle.PAIR_FORGET_MS) this.pairs.delete(k);
    }
    this.hit(this.accounts, email, LoginThrottle.ACCOUNT_WINDOW_MS);
  }

  /** The owner got in from this address: its pair starts afresh (the account-wide count stays). */
  recordSuccess(email: string, ip: string) {
    this.pairs.delete(this.pairKey(email, ip));
  }

  /** For tests and operators: forget all counters. */
  reset() {
    this.pairs.clear();
    this.accounts.clear();
    this.ips.clear();
  }
}
