import type { OutboxTopic } from '@werkbrug/outbox';

/** Every message Werkbrug sends; each has a folder of the same name under libs/mail/templates. */
export const MAIL_TEMPLATES = [
  'consent_request',
  'proposal_received',
  'employer_answered',
  // No longer queued (the meetings' own mails replaced it); kept so messages queued before still send.
  'meeting_planned',
  'placement_ending',
  'no_contact',
  'interest_signal',
  'match_digest',
  'evaluation_due',
  'password_reset',
  'colleague_invite',
  // An organisation's new user, invited by an administrator (libs/auth, /beheer/organisaties).
  'user_invite',
  'instrument_deadline',
  'sign_in_link',
  'email_change',
  'placement_to_confirm',
  'placement_confirmed',
  'placement_change_requested',
  // The kennismaking and meeloopdag (libs/proposals, meeting-mails.ts).
  'meeting_offered',
  'meeting_agreed',
  'meeting_moved',
  'meeting_cancelled',
  'meeting_reminder',
  // To the administrators: dated rules whose figures run out with no newer version (libs/instruments).
  'rule_horizon',
  // To the account: a sign-in from a browser and system not seen lately (libs/auth, known-browsers.ts).
  'sign_in_new_browser',
] as const;

export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** The only files a message may carry: calendar invitations (RFC 5545) and their cancellations. */
export const MAIL_ATTACHMENT_TYPES = [
  'text/calendar; method=REQUEST; charset=utf-8',
  'text/calendar; method=CANCEL; charset=utf-8',
] as const;
export type MailAttachmentType = (typeof MAIL_ATTACHMENT_TYPES)[number];

/** A file sent with a message, as text (an .ics): made by the caller, checked by MailService.queue. */
export interface MailAttachment {
  filename: string;
  contentType: MailAttachmentType;
  content: string;
}

export interface MailMessage {
  template: MailTemplate;
  to: string[];
  data: Record<string, unknown>;
  attachments?: MailAttachment[];
}

/** The outbox topic the worker's MailOutboxHandler drains. */
export const MAIL_TOPIC = 'mail.send' satisfies OutboxTopic;

export const isMailTemplate = (value: unknown): value is MailTemplate =>
  typeof value === 'string' && (MAIL_TEMPLATES as readonly string[]).includes(value);
