import http from 'node:http';
import { percentiles } from './stats';

export interface LoadResult {
  requests: number;
  perSecond: number;
  errors: number;
  statuses: Record<number, number>;
  latency: ReturnType<typeof percentiles>;
}

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/**
 * A closed-loop load generator on keep-alive connections: `connections` loops, each sending its next
 * request when the previous answered, for `seconds`. Every latency is kept, so percentiles are exact.
 */
export async function runLoad(
  baseUrl: string,
  headers: Record<string, string>,
  connections: number,
  seconds: number,
  next: (i: number) => LoadRequest,
): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  let errors = 0;
  let counter = 0;
  const deadline = performance.now() + seconds * 1000;
  const send = (req: LoadRequest) =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      const r = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: req.path,
          method: req.method,
          agent,
          headers: {
            ...headers,
            ...(req.body
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(req.body),
                }
              : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - start);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            if ((res.statusCode ?? 500) >= 400) errors++;
            resolve();
          });
        },
      );
      r.on('error', () => {
        errors++;
        resolve();
      });
      if (req.body) r.write(req.body);
      r.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await send(next(counter++));
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    perSecond: latencies.length / elapsed,
    errors,
    statuses,
    latency: percentiles(latencies),
  };
}
