import { DataSource } from 'typeorm';
import { MailOutboxHandler } from '@werkbrug/mail';
import { OutboxProcessor } from '@werkbrug/outbox';
import type { TestApp } from './test-app';

/**
 * The worker's mail lane in the test process: drains the queued mails of the test app over its
 * SMTP_URL (the real sink), with short retry delays. Returns how many rows it handled.
 */
export function mailDrain(t: TestApp): () => Promise<number> {
  const processor = new OutboxProcessor(t.app.get(DataSource), [t.app.get(MailOutboxHandler)], {
    baseDelayMs: 50,
    maxDelayMs: 200,
  });
  return () => processor.drain();
}
