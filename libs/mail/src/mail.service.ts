import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '@werkbrug/outbox';
import { attachmentProblems, isEmailAddress, MailDataError } from './mail-data';
import { MAIL_TOPIC, type MailAttachment, MailMessage } from './mail-message';
import { MailRenderer } from './mail-renderer';

/** What an outbox row of topic mail.send carries; the worker renders it when it sends. */
export interface MailPayload extends Record<string, unknown> {
  template: MailMessage['template'];
  to: string[];
  data: Record<string, unknown>;
  attachments?: MailAttachment[];
}

/**
 * Queues e-mail in the caller's transaction: the mail leaves only if the change that causes it
 * commits, and it waits in the outbox while SMTP is down.
 */
@Injectable()
export class MailService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly renderer: MailRenderer,
  ) {}

  /**
   * Renders once now, so bad data fails the caller's request instead of becoming a dead outbox row.
   * An empty recipient list queues nothing. aggregate.id must be a uuid (it is the outbox's column type).
   */
  async queue(
    em: EntityManager,
    message: MailMessage,
    aggregate?: { type: string; id: string },
  ): Promise<void> {
    const to = [...new Set(message.to.map((address) => address.trim()))];
    const invalid = to.filter((address) => !isEmailAddress(address));
    if (invalid.length)
      throw new MailDataError(message.template, [`to holds ${invalid.length} invalid address(es)`]);
    const problems = attachmentProblems(message.attachments);
    if (problems.length) throw new MailDataError(message.template, problems);
    this.renderer.render(message.template, message.data);
    if (!to.length) return;
    const payload: MailPayload = {
      template: message.template,
      to,
      data: message.data,
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
    };
    await this.outbox.enqueue(em, {
      topic: MAIL_TOPIC,
      aggregateType: aggregate?.type,
      aggregateId: aggregate?.id,
      payload,
    });
  }
}
