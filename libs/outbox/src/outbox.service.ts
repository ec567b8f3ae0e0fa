import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows, type SqlWrite } from '@werkbrug/database';
import type { OutboxTopic } from './outbox-topics';

export interface OutboxEntry {
  topic: OutboxTopic;
  aggregateType?: string;
  aggregateId?: string;
  payload?: Record<string, unknown>;
}

export interface OutboxStats {
  pending: number;
  processing: number;
  retrying: number;
  dead: number;
  done: number;
  oldestPendingAt: string | null;
}

/** Writes outbox rows. Always pass the EntityManager of the business transaction. */
@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async enqueue(em: EntityManager, entries: OutboxEntry | OutboxEntry[]): Promise<void> {
    const write = this.enqueueWrite(entries);
    if (write) await queryRows(em, write.sql, write.params);
  }

  /** The outbox rows as one write, for a caller that runs its writes as one statement (writeTogether). */
  enqueueWrite(entries: OutboxEntry): SqlWrite;
  enqueueWrite(entries: OutboxEntry | OutboxEntry[]): SqlWrite | null;
  enqueueWrite(entries: OutboxEntry | OutboxEntry[]): SqlWrite | null {
    const list = Array.isArray(entries) ? entries : [entries];
    if (!list.length) return null;
    const params: unknown[] = [];
    const rows = list.map((e, i) => {
      params.push(
        e.topic,
        e.aggregateType ?? null,
        e.aggregateId ?? null,
        JSON.stringify(e.payload ?? {}),
      );
      const o = i * 4;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}::jsonb)`;
    });
    return {
      sql: `INSERT INTO outbox_messages (topic, aggregate_type, aggregate_id, payload) VALUES ${rows.join(', ')}`,
      params,
    };
  }

  async stats(): Promise<OutboxStats> {
    const [row] = await queryRows<{
      pending: number;
      processing: number;
      retrying: number;
      dead: number;
      done: number;
      oldest: Date | null;
    }>(
      this.db,
      `
      SELECT count(*) FILTER (WHERE status = 'pending' AND attempts = 0)::int AS pending,
             count(*) FILTER (WHERE status = 'processing')::int AS processing,
             count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
             count(*) FILTER (WHERE status = 'dead')::int AS dead,
             count(*) FILTER (WHERE status = 'done')::int AS done,
             min(created_at) FILTER (WHERE status IN ('pending','processing')) AS oldest
        FROM outbox_messages`,
    );
    return {
      pending: row.pending,
      processing: row.processing,
      retrying: row.retrying,
      dead: row.dead,
      done: row.done,
      oldestPendingAt: row.oldest ? new Date(row.oldest).toISOString() : null,
    };
  }

  /** Rows that are not done: waiting, retrying (with their last error) or dead. */
  async unfinished(limit = 50, status?: 'pending' | 'retrying' | 'dead' | 'processing') {
    const where =
      status === 'retrying'
        ? `status = 'pending' AND attempts > 0`
        : status
          ? `status = '${status}'`
          : `status <> 'done'`;
    const rows = await queryRows<Record<string, unknown>>(
      this.db,
      `SELECT id, topic, aggregate_type, aggregate_id, status, attempts, available_at, last_error, created_at
         FROM outbox_messages WHERE ${where} ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      topic: r.topic as string,
      aggregateType: r.aggregate_type as string | null,
      aggregateId: r.aggregate_id as string | null,
      status: r.status as string,
      attempts: r.attempts as number,
      nextAttemptAt: new Date(r.available_at as string).toISOString(),
      lastError: r.last_error as string | null,
      createdAt: new Date(r.created_at as string).toISOString(),
    }));
  }

  /** Puts one dead row back in the queue; false when it is not (or no longer) dead. */
  async retryOne(id: string): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, available_at = now(), updated_at = now(),
              version = version + 1 WHERE id = $1 AND status = 'dead' RETURNING id`,
      [id],
    );
    return rows.length > 0;
  }

  /** Puts dead rows back in the queue (an operator fixed the cause). */
  async retryDead(): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      `UPDATE outbox_messages SET status = 'pending', attempts = 0, available_at = now(), updated_at = now(),
              version = version + 1 WHERE status = 'dead' RETURNING id`,
    );
    return rows.length;
  }
}
