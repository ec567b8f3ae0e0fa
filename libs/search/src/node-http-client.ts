import http from 'node:http';
import https from 'node:https';
import type { BreakerPass, CircuitBreaker } from '@werkbrug/jobs';

/** An error answer from Meilisearch, carrying its error code (e.g. index_not_found) like the client's own. */
export class MeiliHttpError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'MeiliHttpError';
  }
}

/**
 * Meilisearch could not be reached: the connection was refused or reset, it did not answer in time, or
 * the breaker is open after such a failure (then no request was sent). `retryAfterMs` says when the
 * breaker lets a probe through. The Meilisearch client passes it on as the `cause` of its own error.
 */
export class MeiliUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MeiliUnavailableError';
  }
}

/** The searches a person waits for; everything else (documents, settings, tasks) is the worker's. */
export const isSearchRequest = (url: URL) =>
  /\/(multi-search|search|facet-search)$/.test(url.pathname);

export interface NodeHttpClientOptions {
  maxSockets?: number;
  /** Fails calls at once while Meilisearch is away (see CircuitBreaker). */
  breaker?: CircuitBreaker;
  /** A search gives up after this long (the client's own, longer timeout covers the rest). */
  searchTimeoutMs?: number;
}

/**
 * The Meilisearch client's requests over node:http with keep-alive. Node's built-in fetch pays ~40 ms per
 * POST against Meilisearch here (delayed ACK on split writes), which would dwarf the search itself.
 * Returns the parsed JSON body, as the client's `httpClient` hook expects.
 */
export function nodeHttpClient(options: NodeHttpClientOptions = {}) {
  const { maxSockets = 64, breaker, searchTimeoutMs } = options;
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  const request = (input: string | URL | Request, init?: RequestInit): Promise<unknown> => {
    const pass: BreakerPass | null = breaker ? breaker.pass() : 'call';
    if (!pass) {
      return Promise.reject(
        new MeiliUnavailableError(
          'Meilisearch is unreachable (circuit open)',
          breaker?.retryAfterMs() ?? 0,
        ),
      );
    }
    // Every pass is settled exactly once: an answer (any status) closes the breaker, no answer trips it.
    let settled = false;
    const settle = (ok: boolean) => {
      if (settled) return;
      settled = true;
      breaker?.settle(pass, ok);
    };
    const unreachable = (error: unknown) => {
      settle(false);
      const message = error instanceof Error ? error.message : String(error);
      return new MeiliUnavailableError(
        `Meilisearch is unreachable: ${message}`,
        breaker?.retryAfterMs() ?? 0,
        { cause: error },
      );
    };
    return new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const body =
        typeof init?.body === 'string'
          ? init.body
          : init?.body
            ? Buffer.from(init.body as ArrayBuffer)
            : undefined;
      const headers: Record<string, string> = {};
      new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(
        url,
        {
          method: init?.method ?? 'GET',
          headers,
          agent: agents[url.protocol as 'http:' | 'https:'],
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            settle(true);
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text === '' ? undefined : JSON.parse(text);
            } catch (error) {
              return reject(error);
            }
            const status = res.statusCode ?? 0;
            if (status >= 400) {
              const info = (parsed ?? {}) as { code?: string; message?: string };
              return reject(
                new MeiliHttpError(status, info.code, info.message ?? `HTTP ${status}`),
              );
            }
            resolve(parsed);
          });
          res.on('error', (error) => reject(unreachable(error)));
        },
      );
      req.setNoDelay(true);
      req.on('error', (error) => reject(unreachable(error)));
      // The client may reuse one signal for many requests: listen only while this one is in flight.
      const signal = init?.signal;
      const abort = () => req.destroy(new Error('request aborted (timeout)'));
      signal?.addEventListener('abort', abort, { once: true });
      // A person waits for a search: it gives up long before the client's timeout for the worker's writes.
      const timer =
        searchTimeoutMs && isSearchRequest(url)
          ? setTimeout(
              () => req.destroy(new Error(`no answer within ${searchTimeoutMs} ms`)),
              searchTimeoutMs,
            )
          : null;
      req.on('close', () => {
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', abort);
      });
      req.end(body);
    });
  };
  // Idle keep-alive sockets would keep a finished process (or test run) alive: close them on shutdown.
  return Object.assign(request, {
    close: () => Object.values(agents).forEach((agent) => agent.destroy()),
  });
}
