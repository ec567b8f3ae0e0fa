import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { mailFolder, writeMailFile } from './mail-files';
import type { MailAttachment } from './mail-message';

/** One rendered message, ready for a transport. */
export interface OutgoingMail {
  /** The outbox message id: the Message-ID and the .eml file name derive from it. */
  id: string;
  template: string;
  from: string;
  to: string[];
  subject: string;
  html: string;
  text: string;
  /** Calendar invitations (text/calendar with their method), sent as attachments. */
  attachments?: MailAttachment[];
}

export interface MailSender {
  readonly kind: 'smtp' | 'file';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The domain of the sender address (Werkbrug <noreply@werkbrug.local> → werkbrug.local). */
const domainOf = (from: string) => /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'werkbrug.local';

/**
 * A stable Message-ID per outbox message: when the outbox redelivers a message the SMTP server already
 * accepted (the worker died before marking it done), receivers and tests can see it is the same one.
 */
export const messageIdFor = (id: string, from: string) => `<${id}@${domainOf(from)}>`;

const options = (mail: OutgoingMail): Mail.Options => ({
  from: mail.from,
  to: mail.to,
  subject: mail.subject,
  html: mail.html,
  text: mail.text,
  messageId: messageIdFor(mail.id, mail.from),
  ...(mail.attachments?.length
    ? {
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      }
    : {}),
  headers: {
    // RFC 3834: no out-of-office replies to a machine.
    'Auto-Submitted': 'auto-generated',
    'X-Auto-Response-Suppress': 'All',
    'X-Werkbrug-Template': mail.template,
  },
});

/**
 * SMTP_URL (smtp:// or smtps://, with user:password@ and nodemailer query options). Timeouts are
 * short enough that a hanging server fails the attempt well within the outbox lease.
 */
export function smtpSender(url: string): MailSender {
  const transport = nodemailer.createTransport(
    new SMTPTransport({
      url,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    }),
  );
  return {
    kind: 'smtp',
    send: async (mail) => {
      await transport.sendMail(options(mail));
    },
    close: () => transport.close(),
  };
}

/** The embedded default: each message becomes an .eml file in <dataDir>/mail (see mail-files.ts). */
export function fileSender(dataDir: string): MailSender {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const folder = mailFolder(dataDir);
  return {
    kind: 'file',
    send: async (mail) => {
      const info = await transport.sendMail(options(mail));
      await writeMailFile(folder, mail.id, info.message as Buffer);
    },
    close: () => transport.close(),
  };
}

/** Errors about one message (a refused recipient, a bad body); anything else means the server is out of reach. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

export const isMessageError = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  MESSAGE_ERRORS.has(String((error as { code?: unknown }).code));
