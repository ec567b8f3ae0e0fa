import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@werkbrug/config';
import type { OutboxHandler, OutboxMessage } from '@werkbrug/outbox';
import { attachmentProblems, isEmailAddress } from './mail-data';
import type { MailAttachment } from './mail-message';
import { isMailTemplate, MAIL_TOPIC } from './mail-message';
import { MailRenderer } from './mail-renderer';
import { fileSender, isMessageError, MailSender, OutgoingMail, smtpSender } from './mail-senders';

export type MailConfig = Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'dataDir'>;

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/**
 * Drains topic mail.send: renders each queued message and sends it over SMTP_URL, or without it
 * writes it to <dataDir>/mail. A failure is reported per message, so the outbox retries it with
 * backoff. When the server is out of reach the rest of the batch is not attempted and is reported
 * failed too; the messages already accepted are settled one by one as they go, so a crash re-sends
 * at most the one in flight.
 */
@Injectable()
export class MailOutboxHandler implements OutboxHandler, OnModuleDestroy {
  readonly topic = MAIL_TOPIC;
  private readonly logger = new Logger(MailOutboxHandler.name);
  private readonly sender: MailSender;

  constructor(
    @Inject(APP_CONFIG) private readonly config: MailConfig,
    private readonly renderer: MailRenderer,
  ) {
    this.sender = config.smtpUrl ? smtpSender(config.smtpUrl) : fileSender(config.dataDir);
  }

  /** 'smtp' or 'file': where messages go. */
  get transport(): MailSender['kind'] {
    return this.sender.kind;
  }

  async handle(
    messages: OutboxMessage[],
    settle?: (id: string) => Promise<void>,
  ): Promise<Map<string, string>> {
    const failures = new Map<string, string>();
    for (const [index, message] of messages.entries()) {
      let mail: OutgoingMail;
      try {
        mail = this.compose(message);
      } catch (error) {
        failures.set(message.id, describe(error));
        continue;
      }
      try {
        await this.sender.send(mail);
        // Settled at once: a crash later in the batch must not send this one again.
        await settle?.(message.id);
        // Recipients are personal data: the log names the message, not the people.
        this.logger.debug({ id: message.id, template: mail.template }, 'mail sent');
      } catch (error) {
        failures.set(message.id, describe(error));
        if (isMessageError(error)) continue;
        for (const rest of messages.slice(index + 1))
          failures.set(rest.id, `not attempted: ${describe(error)}`);
        break;
      }
    }
    return failures;
  }

  private compose(message: OutboxMessage): OutgoingMail {
    const { template, to, data, attachments } = message.payload;
    if (!isMailTemplate(template)) throw new Error(`unknown mail template ${String(template)}`);
    if (!Array.isArray(to) || !to.length || !to.every(isEmailAddress))
      throw new Error('mail payload has no valid recipients');
    if (typeof data !== 'object' || data === null || Array.isArray(data))
      throw new Error('mail payload has no data object');
    const problems = attachmentProblems(attachments);
    if (problems.length) throw new Error(`mail payload: ${problems.join('; ')}`);
    const rendered = this.renderer.render(template, data as Record<string, unknown>);
    const files = (attachments ?? []) as MailAttachment[];
    return {
      id: message.id,
      template,
      from: this.config.mailFrom,
      to,
      ...rendered,
      ...(files.length ? { attachments: files } : {}),
    };
  }

  onModuleDestroy() {
    this.sender.close();
  }
}
