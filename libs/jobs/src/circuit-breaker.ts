/**
 * The wait before retry `attempt` (1, 2, 3 …): `baseMs`, doubled per attempt, at most `maxMs`. The
 * outbox spaces its retries this way (retryDelayMs); the circuit breakers below space their probes so.
 */
export function doublingDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export type BreakerState = 'closed' | 'open' | 'half-open';

/** A call let through: an ordinary one (closed), or the one probe of a half-open breaker. */
export type BreakerPass = 'call' | 'probe';

export interface CircuitBreakerOptions {
  /** How long the breaker stays open after the first failure; doubles per failed probe. */
  baseOpenMs: number;
  maxOpenMs: number;
  /**
   * Who probes when the open time is over. `call` (default): the next call goes through as the probe.
   * `background`: calls stay refused until the owner's own probe (a cheap health check, see
   * `tryProbe`) succeeds, so no person waits for a probe into a peer that hangs.
   */
  probe?: 'call' | 'background';
  /** Told each time the breaker opens, with how long: e.g. to schedule the background probe. */
  onOpen?: (openMs: number) => void;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/**
 * Fails calls to a peer at once while it is away, instead of letting each one wait for its timeout.
 * One failure that says the peer is unreachable (a refused connection, a timeout) opens the breaker:
 * calls are refused for `baseOpenMs`. Then it is half-open: one call goes through as a probe (or the
 * owner's background probe, `probe: 'background'`) while the others are still refused. A probe that succeeds closes the breaker; one that fails opens it
 * again for twice as long (at most `maxOpenMs`). Any answer from the peer (a success seen elsewhere,
 * such as a health check) closes it too. Pure logic: the callers say what went through and how it went.
 */
export class CircuitBreaker {
  private openUntil = 0;
  /** Failed rounds in a row: the first failure, then each failed probe. 0 = closed. */
  private trips = 0;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    if (this.trips === 0) return 'closed';
    return this.now() < this.openUntil ? 'open' : 'half-open';
  }

  /** Whether a call may go now, and as what; null = refuse it. Settle every pass with `settle`. */
  pass(): BreakerPass | null {
    const state = this.state;
    if (state === 'closed') return 'call';
    if (this.options.probe === 'background') return null;
    return this.tryProbe() ? 'probe' : null;
  }

  /** Takes the one probe of a half-open breaker (true), if no other is out; settle it as 'probe'. */
  tryProbe(): boolean {
    if (this.state !== 'half-open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /**
   * How a passed call went: `ok` when the peer answered (whatever it said), false when it could not
   * be reached. A call that was already under way when the breaker opened does not open it again.
   */
  settle(pass: BreakerPass, ok: boolean) {
    if (ok) return this.succeeded();
    if (pass === 'probe') {
      this.probing = false;
      this.trip();
    } else if (this.trips === 0) this.trip();
  }

  /** The peer answered (a call, a probe or a health check): close. */
  succeeded() {
    this.trips = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  /** Milliseconds until a probe may go; 0 when closed or half-open. */
  retryAfterMs(): number {
    return this.trips === 0 ? 0 : Math.max(0, this.openUntil - this.now());
  }

  /** For a Retry-After header: whole seconds, at least 1. */
  retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(this.retryAfterMs() / 1000));
  }

  private trip() {
    this.trips++;
    const { baseOpenMs, maxOpenMs, onOpen } = this.options;
    const openMs = doublingDelayMs(this.trips, baseOpenMs, maxOpenMs);
    this.openUntil = this.now() + openMs;
    onOpen?.(openMs);
  }
}
