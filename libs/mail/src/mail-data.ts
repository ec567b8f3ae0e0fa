import { MAIL_ATTACHMENT_TYPES, type MailAttachment, type MailTemplate } from './mail-message';

type FieldKind =
  | 'text'
  | 'optionalText'
  | 'optionalEmail'
  | 'url'
  /** List of strings (meeting dates, already formatted); may be empty ("date follows"). */
  | 'textList'
  /** Non-empty list of { name, pseudonym, lastContact }. */
  | 'contactRows'
  /** Non-empty list of { title, employerName, place, distance, reason, link } (workplaces only). */
  | 'workplaceRows'
  /** The form of address of the recipient: one of MAIL_AUDIENCES. */
  | 'audience';

/**
 * How a message addresses its reader (house rule): "u" for employers, werkmakelaars and
 * administrators, "je" for candidates. A template that goes to one audience is written in its form;
 * a template sent to several (each side of a meeting its own copy), or to any role (the account
 * mails), carries an `audience` field, and its words choose with {{#if @formal}} (see MailRenderer).
 */
export const MAIL_AUDIENCES = ['u', 'je'] as const;
export type MailAudience = (typeof MAIL_AUDIENCES)[number];

export const isMailAudience = (value: unknown): value is MailAudience =>
  (MAIL_AUDIENCES as readonly unknown[]).includes(value);

/**
 * The fields each template may carry. Unknown fields are refused, so a caller cannot slip protected
 * candidate data (name, contact, health, benefit) into a message by accident: proposal_received, which
 * goes to an employer, has no field for it. Handlebars strict mode catches a template using a field
 * that is not here; this list catches what strict mode cannot (absent lists render as nothing).
 */
export const MAIL_FIELDS: Record<MailTemplate, Record<string, FieldKind>> = {
  consent_request: {
    candidateFirstName: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    place: 'text',
    werkmakelaarName: 'text',
    link: 'url',
  },
  proposal_received: {
    employerName: 'text',
    vacancyTitle: 'text',
    pseudonym: 'text',
    sharedFirstName: 'optionalText',
    werkmakelaarName: 'optionalText',
    werkmakelaarEmail: 'optionalEmail',
    link: 'url',
  },
  employer_answered: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    answerLabel: 'text',
    reasonLabel: 'optionalText',
    note: 'optionalText',
    link: 'url',
  },
  meeting_planned: {
    recipientName: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    meetingLabel: 'text',
    dates: 'textList',
    link: 'url',
  },
  placement_ending: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    arrangementLabel: 'text',
    plannedEnd: 'text',
    link: 'url',
  },
  no_contact: {
    werkmakelaarName: 'text',
    items: 'contactRows',
    link: 'url',
  },
  // No goal texts: a learning goal may name health or personal circumstances.
  evaluation_due: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    evaluationDate: 'text',
    goalCount: 'text',
    link: 'url',
  },
  password_reset: {
    audience: 'audience',
    recipientName: 'text',
    link: 'url',
    validMinutes: 'text',
  },
  colleague_invite: {
    inviterName: 'text',
    employerName: 'text',
    link: 'url',
    validDays: 'text',
  },
  user_invite: {
    recipientName: 'text',
    inviterName: 'text',
    organisationName: 'text',
    roleText: 'text',
    link: 'url',
    validDays: 'text',
  },
  // To an administrator: the rules that run out ("name: bekend tot en met date"); no personal data.
  rule_horizon: {
    adminName: 'text',
    rules: 'textList',
    link: 'url',
  },
  // To the werkmakelaar, before the deadline of an agreed instrument; the candidate by pseudonym only.
  instrument_deadline: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    instrumentName: 'text',
    task: 'text',
    dueOn: 'text',
    link: 'url',
  },
  // To the werkmakelaar: the pseudonym and the workplace; the candidate's note stays in the console.
  interest_signal: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    place: 'text',
    link: 'url',
  },
  // To the candidate: workplaces only, no name or other protected data (a mailbox may be shared).
  match_digest: {
    periodLabel: 'text',
    items: 'workplaceRows',
    moreCount: 'optionalText',
    link: 'url',
    unsubscribeLink: 'url',
  },
  sign_in_link: {
    audience: 'audience',
    recipientName: 'text',
    minutes: 'text',
    link: 'url',
  },
  email_change: {
    audience: 'audience',
    recipientName: 'text',
    minutes: 'text',
    link: 'url',
  },
  // To the employer: what the werkmakelaar proposes (pseudonym, workplace, dates, hours). No
  // instruments, no name: the candidate's consent shares those on the page, not in a mailbox.
  // previousRequest is the employer's own question, when the werkmakelaar asks again after it.
  placement_to_confirm: {
    employerName: 'text',
    vacancyTitle: 'text',
    pseudonym: 'text',
    arrangementLabel: 'text',
    startDate: 'text',
    plannedEnd: 'optionalText',
    hoursPerWeek: 'text',
    previousRequest: 'optionalText',
    link: 'url',
  },
  placement_confirmed: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    arrangementLabel: 'text',
    startDate: 'text',
    link: 'url',
  },
  placement_change_requested: {
    werkmakelaarName: 'text',
    pseudonym: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    note: 'text',
    link: 'url',
  },
  // The kennismaking and meeloopdag: to each side in its own words. The employer's copy names the
  // candidate only as the consent shares it, and carries no reason another side wrote.
  meeting_offered: {
    audience: 'audience',
    recipientName: 'text',
    meetingLabel: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    offeredBy: 'text',
    moments: 'textList',
    whatToDo: 'text',
    link: 'url',
  },
  meeting_agreed: {
    audience: 'audience',
    recipientName: 'text',
    meetingLabel: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    moment: 'text',
    place: 'text',
    withWhom: 'text',
    candidate: 'optionalText',
    link: 'url',
  },
  meeting_moved: {
    audience: 'audience',
    recipientName: 'text',
    meetingLabel: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    movedBy: 'text',
    oldMoment: 'optionalText',
    reason: 'optionalText',
    moments: 'textList',
    whatToDo: 'text',
    link: 'url',
  },
  meeting_cancelled: {
    audience: 'audience',
    recipientName: 'text',
    meetingLabel: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    cancelledBy: 'text',
    moment: 'optionalText',
    reason: 'optionalText',
    whatToDo: 'text',
    link: 'url',
  },
  // The browser in words ("Firefox op Windows") and when; never an IP address or a place.
  sign_in_new_browser: {
    audience: 'audience',
    recipientName: 'text',
    browser: 'text',
    moment: 'text',
    link: 'url',
  },
  meeting_reminder: {
    audience: 'audience',
    recipientName: 'text',
    meetingLabel: 'text',
    vacancyTitle: 'text',
    employerName: 'text',
    moment: 'text',
    place: 'text',
    withWhom: 'text',
    candidate: 'optionalText',
    link: 'url',
  },
};

const WORKPLACE_ROW_FIELDS = ['title', 'employerName', 'place', 'distance', 'reason', 'link'];

export class MailDataError extends Error {
  constructor(
    readonly template: string,
    readonly problems: string[],
  ) {
    super(`mail ${template}: ${problems.join('; ')}`);
    this.name = 'MailDataError';
  }
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

export const isEmailAddress = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 254 && EMAIL.test(value);

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim().length > 0;

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function problemOf(kind: FieldKind, value: unknown): string | null {
  switch (kind) {
    case 'text':
      return isText(value) ? null : 'must be a non-empty string';
    case 'optionalText':
      return isAbsent(value) || typeof value === 'string' ? null : 'must be a string when given';
    case 'optionalEmail':
      return isAbsent(value) || isEmailAddress(value) ? null : 'must be an e-mail address';
    case 'url':
      return isHttpUrl(value) ? null : 'must be an absolute http(s) URL';
    case 'textList':
      return Array.isArray(value) && value.every(isText) ? null : 'must be a list of strings';
    case 'contactRows':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every(
          (row: unknown) =>
            typeof row === 'object' &&
            row !== null &&
            Object.keys(row).every((k) => ['name', 'pseudonym', 'lastContact'].includes(k)) &&
            ['name', 'pseudonym', 'lastContact'].every((k) =>
              isText((row as Record<string, unknown>)[k]),
            ),
        )
        ? null
        : 'must be a non-empty list of { name, pseudonym, lastContact } strings';
    case 'audience':
      return isMailAudience(value) ? null : `must be one of ${MAIL_AUDIENCES.join(', ')}`;
    case 'workplaceRows':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.every(
          (row: unknown) =>
            typeof row === 'object' &&
            row !== null &&
            Object.keys(row).every((k) => WORKPLACE_ROW_FIELDS.includes(k)) &&
            WORKPLACE_ROW_FIELDS.every((k) => isText((row as Record<string, unknown>)[k])) &&
            isHttpUrl((row as Record<string, unknown>).link),
        )
        ? null
        : `must be a non-empty list of { ${WORKPLACE_ROW_FIELDS.join(', ')} } strings`;
  }
}

/** Throws a MailDataError naming every missing, malformed or unknown field. */
export function assertMailData(template: MailTemplate, data: Record<string, unknown>): void {
  const fields = MAIL_FIELDS[template];
  const problems: string[] = [];
  for (const [name, kind] of Object.entries(fields)) {
    const problem = problemOf(kind, Object.hasOwn(data, name) ? data[name] : undefined);
    if (problem) problems.push(`${name} ${problem}`);
  }
  for (const name of Object.keys(data)) {
    if (!Object.hasOwn(fields, name)) problems.push(`${name} is not a field of this message`);
  }
  if (problems.length) throw new MailDataError(template, problems);
}

/** At most this many files, each at most this many characters (an invitation is about 2 kB). */
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_CHARS = 100_000;
const ATTACHMENT_NAME = /^[a-z0-9][a-z0-9-]{0,60}\.ics$/;

/** What is wrong with a message's attachments (none: an empty list). */
export function attachmentProblems(attachments: unknown): string[] {
  if (attachments === undefined) return [];
  if (!Array.isArray(attachments)) return ['attachments must be a list'];
  if (attachments.length > MAX_ATTACHMENTS)
    return [`attachments holds more than ${MAX_ATTACHMENTS} files`];
  return attachments.flatMap((a: unknown, i) => {
    if (typeof a !== 'object' || a === null) return [`attachments[${i}] must be an object`];
    const { filename, contentType, content, ...rest } = a as Record<string, unknown>;
    const problems: string[] = [];
    if (typeof filename !== 'string' || !ATTACHMENT_NAME.test(filename))
      problems.push(`attachments[${i}].filename must be a plain .ics name`);
    if (!(MAIL_ATTACHMENT_TYPES as readonly unknown[]).includes(contentType))
      problems.push(
        `attachments[${i}].contentType must be one of ${MAIL_ATTACHMENT_TYPES.join(', ')}`,
      );
    if (typeof content !== 'string' || !content.length || content.length > MAX_ATTACHMENT_CHARS)
      problems.push(
        `attachments[${i}].content must be text of at most ${MAX_ATTACHMENT_CHARS} characters`,
      );
    for (const key of Object.keys(rest)) problems.push(`attachments[${i}].${key} is not a field`);
    return problems;
  });
}

export const isMailAttachments = (value: unknown): value is MailAttachment[] | undefined =>
  attachmentProblems(value).length === 0;
