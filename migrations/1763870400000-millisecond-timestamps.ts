import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * JavaScript dates carry milliseconds, PostgreSQL microseconds: a cursor or update stamp read back
 * into JavaScript lost the last digits and could skip rows or look stale. Timestamps are stored
 * with millisecond precision, so what the API returns is exactly what is stored.
 */
export class MillisecondTimestamps1763870400000 implements MigrationInterface {
  name = 'MillisecondTimestamps1763870400000';

  private async tables(q: QueryRunner): Promise<{ table: string; column: string }[]> {
    return q.query(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
        WHERE table_schema = current_schema() AND data_type = 'timestamp with time zone'
          AND table_name <> 'schema_migrations' ORDER BY table_name, column_name`,
    );
  }

  async up(q: QueryRunner): Promise<void> {
    for (const { table, column } of await this.tables(q)) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE timestamptz(3)`);
    }
    // Array columns of timestamps (meeting dates) follow the same precision.
    await q.query(`ALTER TABLE proposals ALTER COLUMN meeting_dates TYPE timestamptz(3)[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, column } of await this.tables(q)) {
      await q.query(`ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE timestamptz`);
    }
    await q.query(`ALTER TABLE proposals ALTER COLUMN meeting_dates TYPE timestamptz[]`);
  }
}
