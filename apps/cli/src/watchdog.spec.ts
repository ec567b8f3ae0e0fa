import { Watchdog, WatchedChild } from './watchdog';

/**
 * A child whose answers follow a script: per tick (one a second), 'yes' answers, 'no' answers that
 * it failed (as a timeout does), 'hang' never settles. After a kill the next pid takes over.
 */
function scripted(script: ('yes' | 'no' | 'hang')[], startupMs?: number) {
  let pid: number | null = 100;
  let tick = 0;
  const kills: { pid: number; atTick: number }[] = [];
  let probes = 0;
  const child: WatchedChild = {
    name: 'Meilisearch',
    question: '/health',
    pid: () => pid,
    probe: () => {
      probes++;
      const answer = script[Math.min(tick, script.length - 1)];
      return answer === 'hang'
        ? new Promise<boolean>(() => undefined)
        : Promise.resolve(answer === 'yes');
    },
    kill: (killed) => {
      kills.push({ pid: killed, atTick: tick });
      pid = null;
    },
    startupMs,
  };
  return {
    child,
    kills,
    probes: () => probes,
    setTick: (n: number) => (tick = n),
    restart: () => (pid = 200),
  };
}

async function run(c: ReturnType<typeof scripted>, ticks: number, limitMs = 5000) {
  let now = 0;
  const lines: string[] = [];
  const dog = new Watchdog([c.child], { limitMs, log: (l) => lines.push(l), now: () => now });
  for (let t = 0; t < ticks; t++) {
    c.setTick(t);
    now = t * 1000;
    dog.tick();
    // Let the probes' promises settle before the next second.
    await new Promise((r) => setImmediate(r));
  }
  return lines;
}

describe('Watchdog', () => {
  it.each<[string, ('yes' | 'no' | 'hang')[], number | undefined, number | null, RegExp | null]>([
    ['answers every time: left alone', ['yes'], undefined, null, null],
    [
      'never answers: replaced 5 s after its start',
      ['no'],
      undefined,
      5,
      /Meilisearch \(pid 100\) did not answer \/health within 5 s of its start: replacing it/,
    ],
    [
      'answered, then silent: replaced 5 s after its last answer',
      ['yes', 'yes', 'yes', 'no'],
      undefined,
      7,
      /Meilisearch \(pid 100\) did not answer \/health for 5 s: replacing it/,
    ],
    [
      'a question that never settles: replaced on time all the same',
      ['yes', 'hang'],
      undefined,
      5,
      /did not answer \/health for 5 s/,
    ],
    [
      'a slow start within startupMs: left alone',
      ['no', 'no', 'no', 'no', 'no', 'no', 'no', 'yes'],
      10_000,
      null,
      null,
    ],
    ['silent past startupMs: replaced', ['no'], 10_000, 10, /within 10 s of its start/],
  ])('%s', async (_name, script, startupMs, killedAtTick, logged) => {
    const c = scripted(script, startupMs);
    const lines = await run(c, 20);
    expect(c.kills.map((k) => k.atTick)).toEqual(killedAtTick === null ? [] : [killedAtTick]);
    if (logged) expect(lines.join('\n')).toMatch(logged);
    else expect(lines).toEqual([]);
  });

  it('keeps at most one question in flight per process', async () => {
    const c = scripted(['hang']);
    await run(c, 4);
    expect(c.probes()).toBe(1);
  });

  it('asks nothing while the child is down, and gives a restarted one a fresh start', async () => {
    const c = scripted(['no']);
    let now = 0;
    const dog = new Watchdog([c.child], { limitMs: 3000, log: () => undefined, now: () => now });
    for (; now <= 3000; now += 1000) dog.tick();
    expect(c.kills).toEqual([{ pid: 100, atTick: 0 }]);
    const asked = c.probes();
    dog.tick();
    expect(c.probes()).toBe(asked);
    c.restart();
    for (now = 10_000; now < 13_000; now += 1000) dog.tick();
    expect(c.kills).toHaveLength(1);
    dog.tick();
    expect(c.kills.map((k) => k.pid)).toEqual([100, 200]);
  });

  it.each([
    [15_000, 2000],
    [5000, 1666],
    [300, 100],
  ])('a %i ms limit asks with a %i ms time limit', (limitMs, timeoutMs) => {
    expect(new Watchdog([], { limitMs, log: () => undefined }).probeTimeoutMs).toBe(timeoutMs);
  });
});
