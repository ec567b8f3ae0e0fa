import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import { MeiliSearch } from 'meilisearch';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { CircuitBreaker } from '@werkbrug/jobs';
import { nodeHttpClient } from './node-http-client';

/**
 * A search a person waits for gives up after this long; the worker's writes and task waits keep the
 * client's 10 s. Searches take tens of milliseconds, under full load about one second (docs/performance.md).
 */
export const MEILI_SEARCH_TIMEOUT_MS = 2000;
/** After Meilisearch could not be reached, calls fail at once for 1 s, then 2, 4 … at most 5 s between probes. */
export const MEILI_BREAKER = { baseOpenMs: 1000, maxOpenMs: 5000 };
/** The breaker's probe is a health check that gives up this soon: nobody waits for it, but it should not pile up. */
export const MEILI_PROBE_TIMEOUT_MS = 500;

// The client adds an abort listener to one signal per poll while waiting for a task (and removes it
// later); a long wait passes Node's default of 10 and prints a false leak warning.
setMaxListeners(200);

/** One Meilisearch client per process; index uids carry the configured prefix. */
@Injectable()
export class MeiliClient implements OnApplicationShutdown {
  readonly client: MeiliSearch;
  readonly prefix: string;
  /**
   * Open while Meilisearch is away: searches answer 503 at once instead of each waiting for a timeout.
   * The probe is this client's own health check, never a person's search (it could wait 2 s).
   */
  readonly breaker = new CircuitBreaker({
    ...MEILI_BREAKER,
    probe: 'background',
    onOpen: (ms) => this.probeAfter(ms),
  });
  private probeTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly http = nodeHttpClient({
    breaker: this.breaker,
    searchTimeoutMs: MEILI_SEARCH_TIMEOUT_MS,
  });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new MeiliSearch({
      host: config.meiliUrl,
      apiKey: config.meiliKey || undefined,
      timeout: 10_000,
      // Node's fetch adds ~40 ms per POST to Meilisearch here; see node-http-client.ts.
      httpClient: this.http,
    });
    this.prefix = config.meiliIndexPrefix;
  }

  onApplicationShutdown() {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.http.close();
  }

  private probeAfter(ms: number) {
    if (this.closed) return;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), ms);
    // A process (or test run) that is done must not stay alive for a probe.
    this.probeTimer.unref();
  }

  /** The half-open breaker's probe: an answer closes it (isAvailable), none opens it again for longer. */
  private async probe() {
    this.probeTimer = null;
    if (this.closed) return;
    // Timers may fire a little early by the wall clock: still open, so wait the rest.
    if (this.breaker.state === 'open')
      return this.probeAfter(Math.max(1, this.breaker.retryAfterMs()));
    if (!this.breaker.tryProbe()) return;
    const ok = await this.isAvailable(MEILI_PROBE_TIMEOUT_MS);
    this.breaker.settle('probe', ok);
  }

  indexUid(name: string) {
    return `${this.prefix}${name}`;
  }

  /**
   * True when Meilisearch answers its health route within the timeout. It goes around the breaker
   * (it is how a health check sees the truth), and an answer closes the breaker: searches go again at
   * once, and the worker's retries after its own probe are not refused by a breaker still open.
   */
  async isAvailable(timeoutMs = 1000): Promise<boolean> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(new URL('/health', this.client.config.host), {
        signal: controller.signal,
      });
      if (res.ok) this.breaker.succeeded();
      return res.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
