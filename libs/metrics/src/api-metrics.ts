import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextFunction, Request, Response } from 'express';
import type http from 'node:http';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { MeiliClient } from '@werkbrug/search';
import { metricsOptions, processRegistry, serveMetrics } from './metrics-server';
import { queryRows } from '@werkbrug/database';

/** Set by the problem filter: the problem code of an error response, for werkbrug_problems_total. */
export const PROBLEM_CODE_LOCAL = 'problemCode';

/**
 * The API's figures: requests and latency per route, problems per code, and — read at scrape time
 * from PostgreSQL and Meilisearch — outbox depth and age, dead rows, active sessions, search health
 * and Meilisearch's failed tasks. Served on METRICS_PORT only when it is set.
 */
@Injectable()
export class ApiMetrics implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ApiMetrics.name);
  readonly registry = processRegistry('api');
  private server: (http.Server & { port: number }) | null = null;

  private readonly requests = new Counter({
    name: 'werkbrug_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'werkbrug_http_request_duration_seconds',
    help: 'HTTP request duration by method and route template',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly problems = new Counter({
    name: 'werkbrug_problems_total',
    help: 'Error responses (RFC 9457 problems) by status and problem code',
    labelNames: ['status', 'code'],
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meili: MeiliClient,
  ) {
    // The database figures come from one collect per scrape: two small queries.
    let collecting: Promise<void> | null = null;
    const collectDatabase = () =>
      (collecting ??= this.collectDatabase(outbox, oldest, dead, sessions).finally(
        () => (collecting = null),
      ));
    const registers = [this.registry];
    const outbox: Gauge = new Gauge({
      name: 'werkbrug_outbox_messages',
      help: 'Outbox rows not done, by topic and status (pending, retrying, processing, dead)',
      labelNames: ['topic', 'status'],
      registers,
      collect: collectDatabase,
    });
    const oldest: Gauge = new Gauge({
      name: 'werkbrug_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest outbox row not yet done (0 when none)',
      registers,
      collect: collectDatabase,
    });
    const dead: Gauge = new Gauge({
      name: 'werkbrug_outbox_dead_messages',
      help: 'Outbox rows parked as dead (need an operator)',
      registers,
      collect: collectDatabase,
    });
    const sessions: Gauge = new Gauge({
      name: 'werkbrug_active_sessions',
      help: 'Access tokens neither expired nor revoked',
      registers,
      collect: collectDatabase,
    });
    const search = this.meili;
    new Gauge({
      name: 'werkbrug_search_up',
      help: '1 when Meilisearch answers its health check',
      registers,
      async collect() {
        this.set((await search.isAvailable()) ? 1 : 0);
      },
    });
    const failedTasks = () => this.meiliFailedTasks();
    new Gauge({
      name: 'werkbrug_meilisearch_failed_tasks',
      help: 'Tasks Meilisearch reports as failed (its own count; -1 when it does not answer)',
      registers,
      async collect() {
        this.set(await failedTasks());
      },
    });
  }

  private async collectDatabase(outbox: Gauge, oldest: Gauge, dead: Gauge, sessions: Gauge) {
    const rows = await queryRows<{ topic: string; status: string; n: number; age: number | null }>(
      this.db,
      `SELECT topic, CASE WHEN status = 'pending' AND attempts > 0 THEN 'retrying' ELSE status END AS status,
                count(*)::int AS n, extract(epoch FROM now() - min(created_at))::float8 AS age
           FROM outbox_messages WHERE status <> 'done' GROUP BY 1, 2`,
    );
    outbox.reset();
    // Known series stay present at 0, so a graph falls back instead of vanishing.
    for (const topic of new Set(rows.map((r) => r.topic)))
      for (const status of ['pending', 'retrying', 'processing', 'dead'])
        outbox.set({ topic, status }, 0);
    for (const r of rows) outbox.set({ topic: r.topic, status: r.status }, r.n);
    const live = rows.filter((r) => r.status !== 'dead');
    oldest.set(live.length ? Math.max(...live.map((r) => r.age ?? 0)) : 0);
    dead.set(rows.filter((r) => r.status === 'dead').reduce((n, r) => n + r.n, 0));
    const [{ n }] = await queryRows<{ n: number }>(
      this.db,
      `SELECT count(*)::int AS n FROM auth_tokens WHERE revoked_at IS NULL AND expires_at > now()`,
    );
    sessions.set(n);
  }

  private async meiliFailedTasks(): Promise<number> {
    try {
      const tasks = await this.meili.client.tasks.getTasks({ statuses: ['failed'], limit: 1 });
      return tasks.total ?? 0;
    } catch {
      return -1;
    }
  }

  /** Express middleware: counts and times every request by its route template (never the raw path). */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const template = (req.route as { path?: unknown } | undefined)?.path;
        const route = template ? `${req.baseUrl ?? ''}${String(template)}` : 'unmatched';
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
        this.latency.observe({ method: req.method, route }, seconds);
        const code = res.locals?.[PROBLEM_CODE_LOCAL] as string | undefined;
        if (res.statusCode >= 400)
          this.problems.inc({
            status: String(res.statusCode),
            code: code ?? `HTTP_${res.statusCode}`,
          });
      });
      next();
    };
  }

  async onApplicationBootstrap() {
    const options = metricsOptions('METRICS_PORT');
    if (!options) return;
    this.server = await serveMetrics(this.registry, options);
    this.logger.log(`metrics on http://${options.host}:${this.server.port}/metrics`);
  }

  get port(): number | null {
    return this.server?.port ?? null;
  }

  async onModuleDestroy() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
