import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { CircuitBreaker, type BreakerPass } from '@werkbrug/jobs';
import { DatabaseUnavailableError, isConnectionLoss } from './connection-loss';

/** After PostgreSQL could not be reached, requests fail at once for 1 s, then 2, 4 … at most 5 s between probes. */
export const DATABASE_BREAKER = { baseOpenMs: 1000, maxOpenMs: 5000 };

/**
 * Puts a circuit breaker in front of the pool: every connection TypeORM takes (each query, each
 * transaction) goes through `obtainMasterConnection`, so one place sees them all. When a connection
 * cannot be made (refused, timed out) the breaker opens and requests fail at once with
 * DatabaseUnavailableError (a 503) instead of each waiting for the pool's connect timeout; after the
 * open time one connection attempt goes through as the probe, and when it succeeds all go again.
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
      breaker.settle(pass, !isConnectionLoss(error));
      throw error;
    }
  };
}

/** The API's and worker's breaker in front of their pool (see guardPool). */
@Injectable()
export class DatabaseBreaker implements OnModuleInit {
  private readonly logger = new Logger(DatabaseBreaker.name);
  readonly breaker = new CircuitBreaker(DATABASE_BREAKER);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onModuleInit() {
    guardPool(this.db, this.breaker);
    this.logger.debug('circuit breaker in front of the PostgreSQL pool');
  }
}
