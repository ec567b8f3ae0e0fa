import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the outbox worker on commit instead of on its next poll: a statement-level trigger sends
 * NOTIFY outbox_messages after rows are inserted. PostgreSQL delivers it only when the writing
 * transaction commits (and once per transaction, however many rows), so no writer pays an extra
 * round trip and a rolled-back write wakes nobody. The worker keeps polling as a fallback.
 */
export class OutboxNotify1796040000000 implements MigrationInterface {
  name = 'OutboxNotify1796040000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_messages', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
      FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_messages_notify ON outbox_messages`);
    await q.query(`DROP FUNCTION outbox_messages_notify()`);
  }
}
