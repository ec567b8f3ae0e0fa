import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { setMaxListeners } from 'node:events';
import { MeiliSearch } from 'meilisearch';
import { AppConfig, APP_CONFIG } from '@werkbrug/config';
import { nodeHttpClient } from './node-http-client';

// The client adds an abort listener to one signal per poll while waiting for a task (and removes it
// later); a long wait passes Node's default of 10 and prints a false leak warning.
setMaxListeners(200);

/** One Meilisearch client per process; index uids carry the configured prefix. */
@Injectable()
export class MeiliClient implements OnApplicationShutdown {
  readonly client: MeiliSearch;
  readonly prefix: string;
  private readonly http = nodeHttpClient();

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
    this.http.close();
  }

  indexUid(name: string) {
    return `${this.prefix}${name}`;
  }

  /** True when Meilisearch answers its health route within the timeout. */
  async isAvailable(timeoutMs = 1000): Promise<boolean> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const res = await fetch(new URL('/health', this.client.config.host), {
        signal: controller.signal,
      });
      return res.ok;
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }
}
