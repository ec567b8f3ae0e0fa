import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox drains in lanes (a lane is a topic's prefix: `search.*`, `mail.*`; libs/outbox
 * outbox-topics.ts), each by its own loop. Two things followed the whole outbox and now follow the lane:
 *
 * - The commit wake-up (migration 1796040000000) notified only when the whole outbox was idle. With
 *   mail due, a search write then woke nobody and its idle lane waited a poll. Now each lane of the
 *   inserted rows is checked on its own, and the notification names the lane.
 * - A lane's claim walked the ready rows of every lane in order: behind 10,000 due mails a search
 *   claim read them all (a sequential scan, 1.7 ms per poll). The index below gives each lane its
 *   own ordered range.
 */
export class OutboxLanes1796060000000 implements MigrationInterface {
  name = 'OutboxLanes1796060000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_lane_ready_idx
      ON outbox_messages (split_part(topic, '.', 1), available_at, created_at)
      WHERE status IN ('pending', 'processing')`);
    await q.query(`CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        lane text;
      BEGIN
        FOR lane IN SELECT DISTINCT split_part(topic, '.', 1) FROM inserted LOOP
          -- outbox_lane_ready_idx answers this.
          IF NOT EXISTS (SELECT 1 FROM outbox_messages m
                          WHERE split_part(m.topic, '.', 1) = lane
                            AND m.status IN ('pending', 'processing') AND m.available_at <= now()
                            AND m.id NOT IN (SELECT id FROM inserted)) THEN
            PERFORM pg_notify('outbox_messages', lane);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION outbox_messages_notify() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM outbox_messages m
                        WHERE m.status IN ('pending', 'processing') AND m.available_at <= now()
                          AND m.id NOT IN (SELECT id FROM inserted)) THEN
          PERFORM pg_notify('outbox_messages', '');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`DROP INDEX outbox_lane_ready_idx`);
  }
}
