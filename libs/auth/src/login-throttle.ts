import { Injectable } from '@nestjs/common';
import { ProblemException } from '@werkbrug/http';

interface Window {
  count: number;
  resetAt: number;
}

/**
 * Counts login attempts per account and per client address in fixed windows.
 * In-process on purpose: one API replica on the embedded default; behind a load balancer the
 * per-replica limit still bounds guessing. Failed attempts per account, all attempts per IP.
 */
@Injectable()
export class LoginThrottle {
  static readonly ACCOUNT_LIMIT = 5;
  static readonly ACCOUNT_WINDOW_MS = 15 * 60_000;
  static readonly IP_LIMIT = 30;
  static readonly IP_WINDOW_MS = 60_000;

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

  private refuse(window: Window): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((window.resetAt - Date.now()) / 1000));
    throw new ProblemException(
      429,
      'RATE_LIMITED',
      'Too many login attempts',
      'Wait before trying again.',
      {
        retryAfterSeconds,
      },
    );
  }

  /** Call before checking a password. */
  checkBefore(email: string, ip: string) {
    const ipWindow = this.hit(this.ips, ip, LoginThrottle.IP_WINDOW_MS);
    if (ipWindow.count > LoginThrottle.IP_LIMIT) this.refuse(ipWindow);
    const account = this.accounts.get(email);
    if (account && account.resetAt > Date.now() && account.count >= LoginThrottle.ACCOUNT_LIMIT)
      this.refuse(account);
  }

  recordFailure(email: string) {
    this.hit(this.accounts, email, LoginThrottle.ACCOUNT_WINDOW_MS);
  }

  recordSuccess(email: string) {
    this.accounts.delete(email);
  }

  /** For tests and operators: forget all counters. */
  reset() {
    this.accounts.clear();
    this.ips.clear();
  }
}
