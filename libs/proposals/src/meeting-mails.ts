import type { MailMessage } from '@werkbrug/mail';
import { consentActive } from './consent.entity';
import type { Meeting, MeetingOption } from './meeting.entity';
import { invitationAttachment, type InvitationMethod } from './meeting-ics';
import { momentWords, optionWords } from './meeting-options';
import type { MeetingSide } from './meeting-status';
import { MEETING_LABELS } from './proposal-status';
import type { ProposalContext } from './proposal.views';

/** Who gets a meeting mail: one side, its addresses and how the mail greets it. */
export interface MeetingRecipient {
  side: MeetingSide;
  to: string[];
  name: string;
}

/** What every meeting mail is about. */
export interface MeetingMailBase {
  ctx: ProposalContext;
  meeting: Pick<Meeting, 'id' | 'kind' | 'icsSequence'>;
  /** `${PUBLIC_URL}/voorstellen/{proposalId}`: the link router sends each side to its own page. */
  link: string;
  /** The sender address (MAIL_FROM): the organizer of the calendar entry. */
  mailFrom: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * How the candidate is named to a side. The employer gets the first name only while the consent
 * shares it, else the pseudonym; never anything else about the candidate.
 */
export function candidateLabel(ctx: ProposalContext, side: MeetingSide): string {
  if (side === 'kandidaat') return ctx.candidate.firstName ?? 'jij';
  if (side === 'werkgever') {
    const shared = consentActive(ctx.consent) ? (ctx.consent?.sharedFields ?? []) : [];
    if (shared.includes('firstName') && ctx.candidate.firstName) return ctx.candidate.firstName;
  }
  return `Kandidaat ${ctx.candidate.pseudonym}`;
}

/** Who did something, as the start of a sentence for the recipient's side ("De werkmakelaar"). */
export function actorLabel(ctx: ProposalContext, actor: MeetingSide, side: MeetingSide): string {
  if (actor === 'werkgever') return ctx.vacancy.employerName;
  if (actor === 'kandidaat')
    return side === 'werkgever' ? capitalise(candidateLabel(ctx, side)) : 'De kandidaat';
  if (side === 'kandidaat') return `Je werkmakelaar ${ctx.werkmakelaar.name}`;
  if (side === 'werkgever') {
    const shared = consentActive(ctx.consent) ? (ctx.consent?.sharedFields ?? []) : [];
    return shared.includes('werkmakelaarContact')
      ? `De werkmakelaar ${ctx.werkmakelaar.name}`
      : 'De werkmakelaar';
  }
  return 'De werkmakelaar';
}

/**
 * A free-text reason goes to the employer only when the employer wrote it: what the candidate or
 * the werkmakelaar says ("ik ben ziek") may be about the candidate's health.
 */
export const reasonFor = (
  reason: string | null | undefined,
  actor: MeetingSide,
  side: MeetingSide,
): string | undefined =>
  reason && (side !== 'werkgever' || actor === 'werkgever') ? reason : undefined;

const base = (b: MeetingMailBase, r: MeetingRecipient) => ({
  recipientName: r.name,
  meetingLabel: MEETING_LABELS[b.meeting.kind],
  vacancyTitle: b.ctx.vacancy.title,
  employerName: b.ctx.vacancy.employerName,
  link: b.link,
});

const domainOf = (from: string) => /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'werkbrug.local';
const addressOf = (from: string) => /<([^>]+)>/.exec(from)?.[1] ?? from.trim();

/** The calendar entry of a meeting for one side: the same uid for every message about it. */
export function invitationFor(
  b: MeetingMailBase,
  r: MeetingRecipient,
  method: InvitationMethod,
  option: Pick<MeetingOption, 'startsAt' | 'endsAt' | 'place' | 'withWhom'>,
  sequence: number,
) {
  const label = capitalise(MEETING_LABELS[b.meeting.kind]);
  const { title } = b.ctx.vacancy;
  const employer = b.ctx.vacancy.employerName;
  const candidate = candidateLabel(b.ctx, r.side);
  return invitationAttachment({
    method,
    uid: `meeting-${b.meeting.id}@${domainOf(b.mailFrom)}`,
    sequence,
    startsAt: option.startsAt,
    endsAt: option.endsAt,
    summary:
      r.side === 'werkgever'
        ? `${label} met ${candidate}: ${title}`
        : `${label}: ${title} bij ${employer}`,
    location: option.place,
    description: [
      `${label} over de werkplek ${title} bij ${employer}.`,
      `Met wie: ${option.withWhom}`,
      ...(r.side === 'kandidaat' ? [] : [`Kandidaat: ${candidate}`]),
      `Verzetten of afzeggen: ${b.link}`,
    ].join('\n'),
    url: b.link,
    organizer: { name: `${employer} via Werkbrug`, email: addressOf(b.mailFrom) },
    attendees: r.to.map((email) => ({ name: r.name, email })),
  });
}

const OFFERED_ACTION: Record<MeetingSide, string> = {
  kandidaat:
    'Kies in Werkbrug het moment dat jou het best past. Past geen enkel moment? Zeg het dan in Werkbrug.',
  werkmakelaar:
    'De kandidaat kiest een moment in Werkbrug. Je kunt ook samen met de kandidaat kiezen, op de pagina van het voorstel.',
  werkgever:
    'De kandidaat kiest een moment. Je krijgt een mail met de afspraak zodra er gekozen is.',
};

/** The moments are offered: to the sides that did not offer them. */
export const meetingOfferedMail = (
  b: MeetingMailBase,
  r: MeetingRecipient,
  actor: MeetingSide,
  options: MeetingOption[],
): MailMessage => ({
  template: 'meeting_offered',
  to: r.to,
  data: {
    ...base(b, r),
    offeredBy: actorLabel(b.ctx, actor, r.side),
    moments: options.map(optionWords),
    whatToDo: OFFERED_ACTION[r.side],
  },
});

/** A moment is agreed: to all three, each with its own calendar invitation. */
export const meetingAgreedMail = (
  b: MeetingMailBase,
  r: MeetingRecipient,
  option: MeetingOption,
  sequence: number,
): MailMessage => ({
  template: 'meeting_agreed',
  to: r.to,
  data: {
    ...base(b, r),
    moment: momentWords(option),
    place: option.place,
    withWhom: option.withWhom,
    ...(r.side === 'kandidaat' ? {} : { candidate: candidateLabel(b.ctx, r.side) }),
  },
  attachments: [invitationFor(b, r, 'REQUEST', option, sequence)],
});

function movedAction(side: MeetingSide, newMoments: boolean): string {
  if (side === 'kandidaat')
    return newMoments
      ? 'Kies in Werkbrug een nieuw moment.'
      : 'De werkgever stelt nieuwe momenten voor. Je krijgt daarover een mail.';
  if (side === 'werkgever')
    return newMoments
      ? 'De kandidaat kiest een nieuw moment. Je krijgt een mail met de afspraak zodra er gekozen is.'
      : 'Stel in Werkbrug nieuwe momenten voor.';
  return newMoments
    ? 'De kandidaat kiest een nieuw moment. Je kunt ook samen met de kandidaat kiezen.'
    : 'De werkgever stelt nieuwe momenten voor. Je kunt dat ook voor de werkgever doen.';
}

/**
 * The meeting is moved: to the others. When a moment had been agreed, its calendar entry is
 * cancelled (the same uid, a higher sequence); the next agreed moment replaces it.
 */
export const meetingMovedMail = (
  b: MeetingMailBase,
  r: MeetingRecipient,
  moved: {
    actor: MeetingSide;
    reason: string | null;
    dropped: MeetingOption | null;
    options: MeetingOption[];
    sequence: number;
  },
): MailMessage => {
  const reason = reasonFor(moved.reason, moved.actor, r.side);
  return {
    template: 'meeting_moved',
    to: r.to,
    data: {
      ...base(b, r),
      movedBy: actorLabel(b.ctx, moved.actor, r.side),
      ...(moved.dropped ? { oldMoment: momentWords(moved.dropped) } : {}),
      ...(reason ? { reason } : {}),
      moments: moved.options.map(optionWords),
      whatToDo: movedAction(r.side, moved.options.length > 0),
    },
    ...(moved.dropped
      ? { attachments: [invitationFor(b, r, 'CANCEL', moved.dropped, moved.sequence)] }
      : {}),
  };
};

const CANCELLED_ACTION: Record<MeetingSide, string> = {
  kandidaat:
    'Je hoeft niet te komen. Wil je weten hoe het nu verder gaat? Neem contact op met je werkmakelaar.',
  werkmakelaar: 'Bespreek met de kandidaat en de werkgever hoe het verder gaat.',
  werkgever:
    'Je hoeft niets te doen. Wil je toch kennismaken? Stel dan in Werkbrug nieuwe momenten voor.',
};

/** The meeting is cancelled: to the others, with a cancellation of the calendar entry if one was sent. */
export const meetingCancelledMail = (
  b: MeetingMailBase,
  r: MeetingRecipient,
  cancelled: {
    actor: MeetingSide;
    reason: string;
    agreed: MeetingOption | null;
    sequence: number;
  },
): MailMessage => {
  const reason = reasonFor(cancelled.reason, cancelled.actor, r.side);
  return {
    template: 'meeting_cancelled',
    to: r.to,
    data: {
      ...base(b, r),
      cancelledBy: actorLabel(b.ctx, cancelled.actor, r.side),
      ...(cancelled.agreed ? { moment: momentWords(cancelled.agreed) } : {}),
      ...(reason ? { reason } : {}),
      whatToDo: CANCELLED_ACTION[r.side],
    },
    ...(cancelled.agreed
      ? {
          attachments: [invitationFor(b, r, 'CANCEL', cancelled.agreed, cancelled.sequence)],
        }
      : {}),
  };
};

/** The day before the agreed moment: to all three. */
export const meetingReminderMail = (
  b: MeetingMailBase,
  r: MeetingRecipient,
  option: MeetingOption,
): MailMessage => ({
  template: 'meeting_reminder',
  to: r.to,
  data: {
    ...base(b, r),
    moment: momentWords(option),
    place: option.place,
    withWhom: option.withWhom,
    ...(r.side === 'kandidaat' ? {} : { candidate: candidateLabel(b.ctx, r.side) }),
  },
});
