/** One child the supervisor started, as the watchdog sees it. */
export interface WatchedChild {
  /** How the log names it: 'PostgreSQL', 'Meilisearch', 'api', 'worker'. */
  name: string;
  /** What it must answer, for the log: 'SELECT 1', '/health', 'its heartbeat'. */
  question: string;
  /** The pid of the process now running; null while it is down (its restart is pending). */
  pid(): number | null;
  /**
   * Resolves true when the child answered. It must settle by itself within about timeoutMs (its
   * own connect and read timeouts): until it does, no second probe of this child starts.
   */
  probe(timeoutMs: number): Promise<boolean>;
  /** Kills the process hard; its exit handler restarts it (the supervisor's normal restart path). */
  kill(pid: number): void;
  /** Before its first answer a child may take this long (start-up: migrations checked, port opened). */
  startupMs?: number;
}

export interface WatchdogOptions {
  /** A child silent this long is replaced (WERKBRUG_WATCHDOG_SECONDS). */
  limitMs: number;
  log: (line: string) => void;
  /** How often each child is asked. */
  intervalMs?: number;
  now?: () => number;
}

/** What the watchdog knows of one process (a restarted child is a new process with a new state). */
interface ProcessState {
  pid: number;
  startedAt: number;
  lastAnswer: number | null;
  inFlight: boolean;
  replaced: boolean;
}

/**
 * Replaces a child that is alive but does not answer (stopped, deadlocked, an event loop that never
 * yields): a dead one is restarted by its exit handler, a hung one never exits by itself. Each child
 * is asked every intervalMs, with at most one question in flight; one that has not answered for
 * limitMs is killed with SIGKILL and so goes through the normal restart path, with its back-off.
 */
export class Watchdog {
  private readonly states = new Map<WatchedChild, ProcessState>();
  private readonly asking = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly children: WatchedChild[],
    private readonly options: WatchdogOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Each question's own time limit: short, well inside the time a child may stay silent. */
  get probeTimeoutMs(): number {
    return Math.max(100, Math.min(2000, Math.floor(this.options.limitMs / 3)));
  }

  start() {
    if (this.timer || this.options.limitMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** No question after this; those in flight are waited for (a probe's connection is closed). */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.asking);
  }

  /** One round: replace the children silent too long, ask the others that have no question open. */
  tick() {
    const now = this.now();
    for (const child of this.children) {
      const pid = child.pid();
      if (!pid) {
        this.states.delete(child);
        continue;
      }
      let state = this.states.get(child);
      if (!state || state.pid !== pid) {
        state = { pid, startedAt: now, lastAnswer: null, inFlight: false, replaced: false };
        this.states.set(child, state);
      }
      if (state.replaced) continue;
      const limit =
        state.lastAnswer === null
          ? Math.max(this.options.limitMs, child.startupMs ?? 0)
          : this.options.limitMs;
      const silentMs = now - (state.lastAnswer ?? state.startedAt);
      if (silentMs >= limit) {
        state.replaced = true;
        const seconds = Math.round(silentMs / 1000);
        this.options.log(
          state.lastAnswer === null
            ? `${child.name} (pid ${pid}) did not answer ${child.question} within ${seconds} s of its start: replacing it`
            : `${child.name} (pid ${pid}) did not answer ${child.question} for ${seconds} s: replacing it`,
        );
        child.kill(pid);
        continue;
      }
      if (state.inFlight) continue;
      state.inFlight = true;
      const asked = state;
      const question = child
        .probe(this.probeTimeoutMs)
        .catch(() => false)
        .then((answered) => {
          if (answered) asked.lastAnswer = this.now();
        })
        .finally(() => {
          asked.inFlight = false;
          this.asking.delete(question);
        });
      this.asking.add(question);
    }
  }
}
