import { PeriodicJob, type JobLogger } from './periodic-job';

/** A promise the test settles by hand: a run "in flight" until then. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `ok()` holds (timers run late on a busy machine), failing after two seconds. */
async function until(ok: () => boolean) {
  for (const end = Date.now() + 2000; !ok(); await sleep(5))
    if (Date.now() > end) throw new Error('condition not reached within 2 s');
}

function recordingLogger() {
  const lines: { level: 'log' | 'error'; message: unknown }[] = [];
  const logger: JobLogger = {
    log: (message) => lines.push({ level: 'log', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
  return { logger, lines };
}

describe('PeriodicJob', () => {
  const made: { stop(): Promise<void> }[] = [];
  /** Every job a test makes is stopped after it, passed or failed. */
  function track<T>(job: PeriodicJob<T>) {
    made.push(job);
    return job;
  }
  afterEach(async () => {
    await Promise.all(made.splice(0).map((job) => job.stop()));
  });

  it('runs at once, then on every interval', async () => {
    let runs = 0;
    const { logger } = recordingLogger();
    const job = track(new PeriodicJob({ name: 'count', logger, run: async () => ++runs }));
    job.start(20);
    expect(runs).toBe(0); // the first run starts on the next microtask
    await sleep(0);
    expect(runs).toBe(1);
    await until(() => runs >= 3);
  });

  it('does not start a run while one is still going; the next tick after it runs again', async () => {
    const inFlight = deferred();
    let started = 0;
    const { logger } = recordingLogger();
    const job = track(
      new PeriodicJob({
        name: 'slow',
        logger,
        run: async () => {
          started++;
          if (started === 1) await inFlight.promise;
        },
      }),
    );
    job.start(10);
    await sleep(80); // some eight ticks while the first run hangs
    expect(started).toBe(1);
    inFlight.resolve();
    await until(() => started >= 2);
  });

  it('runOnce while a run is in flight joins that run instead of starting another', async () => {
    const inFlight = deferred();
    let started = 0;
    const { logger } = recordingLogger();
    const job = track(
      new PeriodicJob({
        name: 'join',
        logger,
        run: async () => {
          started++;
          await inFlight.promise;
        },
      }),
    );
    const first = job.runOnce();
    const second = job.runOnce();
    await sleep(5);
    expect(started).toBe(1);
    inFlight.resolve();
    await Promise.all([first, second]);
    await job.runOnce();
    expect(started).toBe(2);
  });

  it('stop waits for the run in flight, and no run starts after it', async () => {
    const inFlight = deferred();
    let started = 0;
    let finished = 0;
    const { logger } = recordingLogger();
    const job = track(
      new PeriodicJob({
        name: 'stop',
        logger,
        run: async () => {
          started++;
          await inFlight.promise;
          finished++;
        },
      }),
    );
    job.start(10);
    await sleep(5);
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await sleep(30);
    expect(stopped).toBe(false); // still waiting for the run
    expect(finished).toBe(0);
    inFlight.resolve();
    await stopping;
    expect(finished).toBe(1);
    await sleep(40);
    expect(started).toBe(1);
  });

  it('logs a failed run (rejected or thrown at once) instead of throwing, and keeps its schedule', async () => {
    let calls = 0;
    const { logger, lines } = recordingLogger();
    const job = track(
      new PeriodicJob({
        name: 'placement reminders',
        logger,
        run: () => {
          calls++;
          if (calls === 1) throw new Error('database gone');
          if (calls === 2) return Promise.reject(new Error('timeout'));
          return Promise.resolve('ok');
        },
      }),
    );
    job.start(10);
    await until(() => calls >= 3);
    expect(lines.slice(0, 2)).toEqual([
      { level: 'error', message: 'placement reminders failed: database gone' },
      { level: 'error', message: 'placement reminders failed: timeout' },
    ]);
  });

  it('hands a successful result to onResult', async () => {
    const { logger, lines } = recordingLogger();
    const job = track(
      new PeriodicJob({
        name: 'digest',
        logger,
        run: async () => ({ mailed: 2 }),
        onResult: (report, log) => log.log(report, 'digests mailed'),
      }),
    );
    await job.runOnce();
    expect(lines).toEqual([{ level: 'log', message: { mailed: 2 } }]);
  });

  it('waits firstRunAfterMs before the first run; a second start adds no second timer', async () => {
    let runs = 0;
    const { logger } = recordingLogger();
    const job = track(new PeriodicJob({ name: 'late', logger, run: async () => void runs++ }));
    job.start(1000, 40);
    job.start(1000, 0);
    await sleep(15);
    expect(runs).toBe(0);
    await until(() => runs === 1);
    await sleep(30);
    expect(runs).toBe(1);
  });

  it('stop before the first delayed run means no run at all', async () => {
    let runs = 0;
    const { logger } = recordingLogger();
    const job = track(new PeriodicJob({ name: 'never', logger, run: async () => void runs++ }));
    job.start(10, 30);
    await job.stop();
    await sleep(60);
    expect(runs).toBe(0);
  });
});
