import { Column, Entity } from 'typeorm';
import type { OutboxTopic } from './outbox-topics';
import { BaseEntity } from '@werkbrug/database';

export type OutboxStatus = 'pending' | 'processing' | 'done' | 'dead';

/**
 * A side effect (search sync, e-mail) recorded in the same transaction as the change that causes it,
 * then applied by the worker. PostgreSQL stays the source of truth; nothing is lost when a peer is down.
 */
@Entity('outbox_messages')
export class OutboxMessage extends BaseEntity {
  /** Text in the table; only known topics are enqueued and claimed (OUTBOX_TOPICS). */
  @Column({ type: 'text' })
  topic!: OutboxTopic;

  @Column({ type: 'text', nullable: true })
  aggregateType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  aggregateId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text' })
  status!: OutboxStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  availableAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;
}
