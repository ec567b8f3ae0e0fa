import http from 'node:http';
import https from 'node:https';

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
 * The Meilisearch client's requests over node:http with keep-alive. Node's built-in fetch pays ~40 ms per
 * POST against Meilisearch here (delayed ACK on split writes), which would dwarf the search itself.
 * Returns the parsed JSON body, as the client's `httpClient` hook expects.
 */
export function nodeHttpClient(maxSockets = 64) {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  const request = (input: string | URL | Request, init?: RequestInit): Promise<unknown> =>
    new Promise((resolve, reject) => {
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
          res.on('error', reject);
        },
      );
      req.setNoDelay(true);
      req.on('error', reject);
      // The client may reuse one signal for many requests: listen only while this one is in flight.
      const signal = init?.signal;
      const abort = () => req.destroy(new Error('request aborted (timeout)'));
      signal?.addEventListener('abort', abort, { once: true });
      req.on('close', () => signal?.removeEventListener('abort', abort));
      req.end(body);
    });
  // Idle keep-alive sockets would keep a finished process (or test run) alive: close them on shutdown.
  return Object.assign(request, {
    close: () => Object.values(agents).forEach((agent) => agent.destroy()),
  });
}
