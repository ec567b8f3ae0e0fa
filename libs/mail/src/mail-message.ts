import type { OutboxTopic } from '@werkbrug/outbox';

/** Every message Werkbrug sends; each has a folder of the same name under libs/mail/templates. */
export const MAIL_TEMPLATES = [
  'consent_request',
  'proposal_received',
  'employer_answered',
  'meeting_planned',
  'placement_ending',
  'no_contact',
  'interest_signal',
  'match_digest',
  'evaluation_due',
  'password_reset',
  'colleague_invite',
  'instrument_deadline',
  'sign_in_link',
  'email_change',
  'placement_to_confirm',
  'placement_confirmed',
  'placement_change_requested',
] as const;

export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

export interface MailMessage {
  template: MailTemplate;
  to: string[];
  data: Record<string, unknown>;
}

/** The outbox topic the worker's MailOutboxHandler drains. */
export const MAIL_TOPIC = 'mail.send' satisfies OutboxTopic;

export const isMailTemplate = (value: unknown): value is MailTemplate =>
  typeof value === 'string' && (MAIL_TEMPLATES as readonly string[]).includes(value);
