import type { OutboxMessage } from './outbox-message.entity';
import type { OutboxTopic } from './outbox-topics';

/**
 * Applies the messages of one topic. Resolve with the ids that failed and why;
 * throwing fails the whole batch. Handlers must be idempotent: a message may be applied twice.
 */
export interface OutboxHandler {
  readonly topic: OutboxTopic;
  /**
   * `settle(id)` marks one message done at once (before the batch ends): a handler with side effects
   * that cannot be taken back (a sent mail) calls it after each one, so a crash re-sends at most the
   * message in flight instead of the whole batch.
   */
  handle(
    messages: OutboxMessage[],
    settle?: (id: string) => Promise<void>,
  ): Promise<Map<string, string>>;
  /**
   * Whether the peer this topic writes to answers again. While a topic's messages wait out their
   * back-off, the processor probes it and retries them at once when it flips to healthy.
   */
  probe?(): Promise<boolean>;
}

export const OUTBOX_HANDLERS = Symbol('OUTBOX_HANDLERS');
