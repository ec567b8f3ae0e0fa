import type { OutboxMessage } from './outbox-message.entity';
import type { OutboxTopic } from './outbox-topics';

/**
 * Applies the messages of one topic. Resolve with the ids that failed and why;
 * throwing fails the whole batch. Handlers must be idempotent: a message may be applied twice.
 */
export interface OutboxHandler {
  readonly topic: OutboxTopic;
  handle(messages: OutboxMessage[]): Promise<Map<string, string>>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');
