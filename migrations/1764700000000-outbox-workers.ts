import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Crash recovery for the outbox: each claimed row names the worker that holds it, and every worker
 * keeps a heartbeat row. Rows held by a worker that stopped beating (killed) are claimable at once
 * instead of after the whole lease.
 */
export class OutboxWorkers1764700000000 implements MigrationInterface {
  name = 'OutboxWorkers1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_messages ADD COLUMN locked_by text NULL`);
    await q.query(`CREATE TABLE outbox_workers (
      id text PRIMARY KEY,
      started_at timestamptz(3) NOT NULL DEFAULT now(),
      heartbeat_at timestamptz(3) NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_workers`);
    await q.query(`ALTER TABLE outbox_messages DROP COLUMN locked_by`);
  }
}
