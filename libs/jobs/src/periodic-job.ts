/** Where a job writes its lines: Nest's Logger fits (nestjs-pino behind it in the apps). */
export interface JobLogger {
  log(message: unknown, context?: string): void;
  error(message: unknown, ...rest: unknown[]): void;
}

export interface PeriodicJobOptions<T> {
  /** Said in the error line: "<name> failed: <message>". */
  name: string;
  /** One run; it may throw or reject, the job logs it and keeps its schedule. */
  run: () => Promise<T>;
  logger: JobLogger;
  /** After a run that succeeded, e.g. to log what it did. */
  onResult?: (result: T, logger: JobLogger) => void;
}

export const HOUR_MS = 3600_000;

/**
 * A job the worker runs on a fixed interval (the reminder and digest mails, retention): one run at a
 * time (a tick while a run is in flight is skipped, not queued), a failed run is logged and never
 * thrown, and stop() waits for the run in flight, so a shutdown does not cut a transaction short.
 * Each run must be safe to repeat (notice stamps, advisory locks): other worker replicas run it too.
 */
export class PeriodicJob<T = unknown> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(private readonly job: PeriodicJobOptions<T>) {}

  /** Runs after `firstRunAfterMs` (0: now), then every `everyMs`. A second start is ignored. */
  start(everyMs = HOUR_MS, firstRunAfterMs = 0) {
    if (this.timer) return;
    this.stopped = false;
    const every = () => {
      this.timer = setInterval(() => void this.runOnce(), everyMs);
    };
    if (firstRunAfterMs > 0)
      this.timer = setTimeout(() => {
        void this.runOnce();
        if (!this.stopped) every();
      }, firstRunAfterMs);
    else {
      void this.runOnce();
      every();
    }
  }

  /** One run now unless one is in flight (then that run); resolves when it is over, never rejects. */
  runOnce(): Promise<void> {
    if (this.running) return this.running;
    const { name, run, logger, onResult } = this.job;
    // .then: the run starts on the next microtask, after `running` is set, even if it throws at once.
    this.running = Promise.resolve()
      .then(run)
      .then((result) => onResult?.(result, logger))
      .catch((error: unknown) =>
        logger.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** No new runs; resolves once the run in flight (if any) is over. */
  async stop() {
    this.stopped = true;
    if (this.timer) {
      clearTimeout(this.timer);
      clearInterval(this.timer);
    }
    this.timer = null;
    await this.running;
  }
}
