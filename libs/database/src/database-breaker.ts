import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, type ClientConfig, type Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CircuitBreaker, type BreakerPass } from '@werkbrug/jobs';
import { DatabaseUnavailableError, isConnectionLoss, noteConnectionLoss } from './connection-loss';

/** After PostgreSQL could not be reached, requests fail at once for 1 s, then 2, 4 … at most 5 s between probes. */
export const DATABASE_BREAKER = { baseOpenMs: 1000, maxOpenMs: 5000 };

/**
 * Puts a circuit breaker in front of the pool: every connection TypeORM takes (each query, each
 * transaction) goes through `obtainMasterConnection`, so one place sees them all. When a connection
 * cannot be made (refused, timed out) the breaker opens and requests fail at once with
 * DatabaseUnavailableError (a 503) instead of each waiting for the pool's connect timeout, until the
 * breaker's probe (DatabaseBreaker's own connection) finds PostgreSQL answering again.
 */
export function guardPool(db: DataSource, breaker: CircuitBreaker): void {
  if (db.options.type !== 'postgres') return;
  const driver = db.driver as PostgresDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = async () => {
    const pass: BreakerPass | null = breaker.pass();
    if (!pass) throw new DatabaseUnavailableError(breaker.retryAfterMs());
    try {
      const connection = await obtain();
      breaker.settle(pass, true);
      return connection;
    } catch (error) {
      // Another failure (a bad password, a missing database) is not an outage: it is not retried faster
      // or slower, and it is answered as what it is.
      const lost = isConnectionLoss(error);
      if (lost) noteConnectionLoss();
      breaker.settle(pass, !lost);
      throw error;
    }
  };
}

/** The breaker's probe: a connection of its own that must answer `SELECT 1` this soon. */
export const DATABASE_PROBE_TIMEOUT_MS = 1000;

/**
 * The API's and worker's breaker in front of their pool (see guardPool). Its probe is a connection of
 * its own outside the pool, never a person's request: against a PostgreSQL that hangs, that request
 * would wait the pool's whole connect timeout.
 */
@Injectable()
export class DatabaseBreaker implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseBreaker.name);
  readonly breaker = new CircuitBreaker({
    ...DATABASE_BREAKER,
    probe: 'background',
    onOpen: (ms) => this.probeAfter(ms),
  });
  private probeTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit() {
    guardPool(this.db, this.breaker);
    // An idle pooled connection that drops (PostgreSQL died or restarted) is the first sign of it.
    if (this.db.options.type === 'postgres')
      ((this.db.driver as PostgresDriver).master as Pool).on('error', () => noteConnectionLoss());
  }

  onApplicationShutdown() {
    this.stopped = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
  }

  private probeAfter(ms: number) {
    if (this.stopped) return;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), ms);
    this.probeTimer.unref();
  }

  private async probe() {
    this.probeTimer = null;
    if (this.stopped) return;
    // Timers may fire a little early by the wall clock: still open, so wait the rest.
    if (this.breaker.state === 'open')
      return this.probeAfter(Math.max(1, this.breaker.retryAfterMs()));
    if (!this.breaker.tryProbe()) return;
    const ok = await this.answers();
    if (ok) this.logger.log('PostgreSQL answers again');
    this.breaker.settle('probe', ok);
  }

  /** Whether PostgreSQL takes a new connection and answers SELECT 1 within the probe timeout. */
  private async answers(): Promise<boolean> {
    const pool = (this.db.driver as PostgresDriver).master as { options?: ClientConfig };
    const client = new Client({
      ...pool.options,
      connectionTimeoutMillis: DATABASE_PROBE_TIMEOUT_MS,
      query_timeout: DATABASE_PROBE_TIMEOUT_MS,
      application_name: 'werkbrug-probe',
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      return false;
    } finally {
      void client.end().catch(() => undefined);
    }
  }
}
