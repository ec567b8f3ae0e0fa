import type { OutboxMessage } from './outbox-message.entity';

/**
 * Applies the messages of one topic. Resolve with the ids that failed and why;
 * throwing fails the whole batch. Handlers must be idempotent: a message may be applied twice.
 */
export interface OutboxHandler {
  readonly topic: string;
  handle(messages: OutboxMessage[]): Promise<Map<string, string>>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');
