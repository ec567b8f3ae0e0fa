import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { loadMetricsConfig, type MetricsConfig } from '@werkbrug/config';

/** Where and how /metrics listens: the validated METRICS_* settings (libs/config). */
export type MetricsServerOptions = MetricsConfig;

/** METRICS_PORT (for the API; WORKER_METRICS_PORT for the worker), METRICS_HOST, METRICS_TOKEN. */
export const metricsOptions = (
  portVariable: 'METRICS_PORT' | 'WORKER_METRICS_PORT',
  env: NodeJS.ProcessEnv = process.env,
): MetricsServerOptions | null => loadMetricsConfig(portVariable, env);

/** A registry with the process figures: resident memory, heap, event-loop lag, GC. */
export function processRegistry(component: 'api' | 'worker'): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ component });
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return registry;
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics` in the Prometheus text format on a port of its own, apart from the API: a scrape
 * never passes the API's authentication, rate limits or logs, and the port is not published.
 */
export async function serveMetrics(
  registry: Registry,
  options: MetricsServerOptions,
): Promise<http.Server & { port: number }> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    if (options.token) {
      const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!sameToken(given, options.token)) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer' }).end();
        return;
      }
    }
    registry
      .metrics()
      .then((text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text))
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}
