import {
  CircuitBreaker,
  doublingDelayMs,
  type BreakerPass,
  type BreakerState,
} from './circuit-breaker';

describe('doublingDelayMs (the outbox back-off)', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 5000],
    [30, 5000],
    [0, 1000],
  ])('attempt %i waits %i ms (base 1000, at most 5000)', (attempt, ms) => {
    expect(doublingDelayMs(attempt, 1000, 5000)).toBe(ms);
  });
});

/**
 * One step of a scenario: move the clock to `at` ms, then ask for a pass (`pass` is what it must
 * give) or the background probe (`tryProbe`), or settle the pass of an earlier step, or report a
 * health check that succeeded. After each
 * step the breaker must be in `state` and say `retryAfterMs`.
 */
type Step =
  | { at: number; pass: BreakerPass | null; state: BreakerState; retryAfterMs?: number }
  | { at: number; settle: BreakerPass; ok: boolean; state: BreakerState; retryAfterMs?: number }
  | { at: number; tryProbe: boolean; state: BreakerState; retryAfterMs?: number }
  | { at: number; healthy: true; state: BreakerState; retryAfterMs?: number };

const SCENARIOS: [string, Step[]][] = [
  [
    'closed: every call goes, successes keep it closed',
    [
      { at: 0, pass: 'call', state: 'closed', retryAfterMs: 0 },
      { at: 1, settle: 'call', ok: true, state: 'closed' },
      { at: 2, pass: 'call', state: 'closed' },
    ],
  ],
  [
    'one failure opens it: refused until base, then one probe; a good probe closes it',
    [
      { at: 0, pass: 'call', state: 'closed' },
      { at: 10, settle: 'call', ok: false, state: 'open', retryAfterMs: 1000 },
      { at: 500, pass: null, state: 'open', retryAfterMs: 510 },
      { at: 1009, pass: null, state: 'open', retryAfterMs: 1 },
      { at: 1010, pass: 'probe', state: 'half-open', retryAfterMs: 0 },
      // While the probe is out, the others are still refused.
      { at: 1011, pass: null, state: 'half-open' },
      { at: 1020, settle: 'probe', ok: true, state: 'closed', retryAfterMs: 0 },
      { at: 1021, pass: 'call', state: 'closed' },
    ],
  ],
  [
    'failed probes double the open time up to the maximum',
    [
      { at: 0, pass: 'call', state: 'closed' },
      { at: 0, settle: 'call', ok: false, state: 'open', retryAfterMs: 1000 },
      { at: 1000, pass: 'probe', state: 'half-open' },
      { at: 1000, settle: 'probe', ok: false, state: 'open', retryAfterMs: 2000 },
      { at: 3000, pass: 'probe', state: 'half-open' },
      { at: 3100, settle: 'probe', ok: false, state: 'open', retryAfterMs: 4000 },
      { at: 7100, pass: 'probe', state: 'half-open' },
      { at: 7100, settle: 'probe', ok: false, state: 'open', retryAfterMs: 5000 },
      { at: 12_100, pass: 'probe', state: 'half-open' },
      { at: 12_100, settle: 'probe', ok: false, state: 'open', retryAfterMs: 5000 },
      { at: 17_100, pass: 'probe', state: 'half-open' },
      { at: 17_200, settle: 'probe', ok: true, state: 'closed' },
      // Closed again: the next failure starts from the base.
      { at: 17_300, pass: 'call', state: 'closed' },
      { at: 17_300, settle: 'call', ok: false, state: 'open', retryAfterMs: 1000 },
    ],
  ],
  [
    'calls under way when it opened do not push the probe further away',
    [
      { at: 0, pass: 'call', state: 'closed' },
      { at: 0, pass: 'call', state: 'closed' },
      { at: 0, pass: 'call', state: 'closed' },
      { at: 100, settle: 'call', ok: false, state: 'open', retryAfterMs: 1000 },
      { at: 200, settle: 'call', ok: false, state: 'open', retryAfterMs: 900 },
      { at: 1100, pass: 'probe', state: 'half-open' },
      // The third old call fails while the probe is out: only the probe decides.
      { at: 1150, settle: 'call', ok: false, state: 'half-open' },
      { at: 1160, pass: null, state: 'half-open' },
      { at: 1200, settle: 'probe', ok: true, state: 'closed' },
    ],
  ],
  [
    'any answer closes it, even from a call under way before it opened',
    [
      { at: 0, pass: 'call', state: 'closed' },
      { at: 0, pass: 'call', state: 'closed' },
      { at: 10, settle: 'call', ok: false, state: 'open' },
      { at: 20, settle: 'call', ok: true, state: 'closed' },
      { at: 30, pass: 'call', state: 'closed' },
    ],
  ],
  [
    'a health check that succeeds closes it before the probe time',
    [
      { at: 0, pass: 'call', state: 'closed' },
      { at: 0, settle: 'call', ok: false, state: 'open' },
      { at: 300, healthy: true, state: 'closed', retryAfterMs: 0 },
      { at: 301, pass: 'call', state: 'closed' },
    ],
  ],
];

function run(breaker: CircuitBreaker, steps: Step[], setNow: (at: number) => void) {
  steps.forEach((step, i) => {
    setNow(step.at);
    const where = `step ${i + 1}`;
    if ('pass' in step) expect([where, breaker.pass()]).toEqual([where, step.pass]);
    else if ('tryProbe' in step)
      expect([where, breaker.tryProbe()]).toEqual([where, step.tryProbe]);
    else if ('settle' in step) breaker.settle(step.settle, step.ok);
    else breaker.succeeded();
    expect([where, breaker.state]).toEqual([where, step.state]);
    if (step.retryAfterMs !== undefined)
      expect([where, breaker.retryAfterMs()]).toEqual([where, step.retryAfterMs]);
  });
}

describe('CircuitBreaker', () => {
  it.each(SCENARIOS)('%s', (_name, steps) => {
    let now = 0;
    const breaker = new CircuitBreaker({ baseOpenMs: 1000, maxOpenMs: 5000, now: () => now });
    run(breaker, steps, (at) => (now = at));
  });

  it.each<[string, Step[]]>([
    [
      'background probe: calls stay refused when half-open; only the owner probes',
      [
        { at: 0, pass: 'call', state: 'closed' },
        { at: 0, settle: 'call', ok: false, state: 'open' },
        { at: 1000, pass: null, state: 'half-open' },
        { at: 1000, tryProbe: true, state: 'half-open' },
        { at: 1001, tryProbe: false, state: 'half-open' },
        { at: 1002, pass: null, state: 'half-open' },
        { at: 1500, settle: 'probe', ok: false, state: 'open', retryAfterMs: 2000 },
        { at: 2000, tryProbe: false, state: 'open' },
        { at: 3500, tryProbe: true, state: 'half-open' },
        { at: 3600, settle: 'probe', ok: true, state: 'closed' },
        { at: 3601, pass: 'call', state: 'closed' },
      ],
    ],
  ])('%s', (_name, steps) => {
    let now = 0;
    const opened: [number, number][] = [];
    const breaker = new CircuitBreaker({
      baseOpenMs: 1000,
      maxOpenMs: 5000,
      probe: 'background',
      onOpen: (ms) => opened.push([now, ms]),
      now: () => now,
    });
    run(breaker, steps, (at) => (now = at));
    // Told each time it opened, with how long: the owner schedules its probe from this.
    expect(opened).toEqual([
      [0, 1000],
      [1500, 2000],
    ]);
  });

  it.each([
    [0, 1],
    [1, 1],
    [1000, 1],
    [1001, 2],
    [4200, 5],
  ])('Retry-After for %i ms left is %i s', (left, seconds) => {
    let now = 0;
    const breaker = new CircuitBreaker({ baseOpenMs: 5000, maxOpenMs: 5000, now: () => now });
    breaker.settle('call', false);
    now = 5000 - left;
    expect(breaker.retryAfterSeconds()).toBe(seconds);
  });
});
