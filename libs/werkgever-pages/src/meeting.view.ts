import { labelOf } from '@werkbrug/domain';
import {
  type EmployerProposalView,
  type MeetingView,
  momentViewWords,
  optionViewWords,
  runningMeeting,
} from '@werkbrug/proposals';
import type { Choice, FormErrors, PageModel } from '@werkbrug/web';
import { MEETING_KIND_OPTIONS } from './proposal-answer.form';
import {
  emptyMoments,
  type MomentSlotView,
  momentSlots,
  type MomentValues,
} from './meeting-moments.form';

/** Who did something, in the employer's words ("u" is the employer). */
const WHO: Record<string, string> = {
  werkgever: 'u',
  kandidaat: 'de kandidaat',
  werkmakelaar: 'de werkmakelaar',
};

/** How it went, as the employer chooses. */
export const EMPLOYER_OUTCOMES: Choice[] = [
  { value: 'goed', text: 'Goed', hint: 'U wilt verder met deze kandidaat' },
  { value: 'twijfel', text: 'Twijfel', hint: 'U weet het nog niet' },
  { value: 'niet_goed', text: 'Niet goed', hint: 'Het past niet' },
  { value: 'niet_doorgegaan', text: 'Niet doorgegaan', hint: 'De afspraak ging toch niet door' },
];

const TONE: Record<string, string> = {
  aangeboden: 'warning',
  gekozen: 'ok',
  gehouden: 'neutral',
  geannuleerd: 'neutral',
};

/** A meeting in a few sentences: where it stands and what the employer can do. */
export interface MeetingSummaryView {
  kindText: string;
  status: { text: string; tone: string };
  lines: string[];
  options: { text: string; available: boolean }[];
  agreed: { moment: string; place: string; withWhom: string } | null;
  /** The employer's own answer to "Hoe ging het?", once given. */
  ownOutcome: { text: string; note: string | null } | null;
}

export function employerMeetingSummary(m: MeetingView): MeetingSummaryView {
  const lines: string[] = [];
  const available = m.options.filter((o) => o.available);
  if (m.status === 'aangeboden') {
    if (available.length)
      lines.push(
        'Deze momenten zijn voorgesteld. De kandidaat kiest er een. U krijgt een mail met de afspraak zodra er gekozen is.',
      );
    else if (m.moved?.byRole === 'kandidaat')
      lines.push('De kandidaat kan niet op de voorgestelde momenten. Stel nieuwe momenten voor.');
    else lines.push('Geen van de momenten kan nog. Stel nieuwe momenten voor.');
    if (m.moved && m.moved.byRole !== 'werkgever' && available.length)
      lines.push(`De afspraak is verzet door ${WHO[m.moved.byRole]}.`);
  }
  if (m.status === 'gehouden' && m.chosen)
    lines.push(`De afspraak is geweest: ${momentViewWords(m.chosen)}.`);
  if (m.status === 'geannuleerd' && m.cancelled)
    lines.push(
      `De afspraak is afgezegd door ${WHO[m.cancelled.byRole]}.${m.cancelled.reason ? ` Reden: ${m.cancelled.reason}` : ''}`,
    );
  const own = m.outcomes.find((o) => o.side === 'werkgever');
  return {
    kindText: labelOf('meetingKind', m.kind),
    status: { text: labelOf('meetingStatus', m.status), tone: TONE[m.status] ?? 'neutral' },
    lines,
    options:
      m.status === 'aangeboden'
        ? m.options.map((o) => ({ text: optionViewWords(o), available: o.available }))
        : [],
    agreed:
      m.status === 'gekozen' && m.chosen
        ? { moment: momentViewWords(m.chosen), place: m.chosen.place, withWhom: m.chosen.withWhom }
        : null,
    ownOutcome: own ? { text: labelOf('meetingOutcome', own.outcome), note: own.note } : null,
  };
}

/** The meeting part of the employer's proposal page: the latest meeting, and what can be done. */
export interface ProposalMeetingView {
  summary: MeetingSummaryView | null;
  /** A link to the meeting page: to move, cancel, tell how it went, or offer a new one. */
  action: { href: string; text: string } | null;
}

const MEETING_STEPS = ['kennismaking', 'meeloopdag'];

export function proposalMeetingView(
  p: Pick<EmployerProposalView, 'id' | 'status'>,
  meetings: readonly MeetingView[],
): ProposalMeetingView {
  const latest = meetings[0];
  const href = `/werkgever/voorstellen/${p.id}/afspraak`;
  const summary = latest ? employerMeetingSummary(latest) : null;
  const can = (action: string) => latest?.allowedActions.includes(action as never) ?? false;
  const answered = !!summary?.ownOutcome;
  const text =
    can('outcome') && !answered
      ? 'Vertel hoe het ging'
      : can('move')
        ? 'Afspraak verzetten of afzeggen'
        : MEETING_STEPS.includes(p.status) && !runningMeeting(meetings)
          ? 'Nieuwe afspraak voorstellen'
          : null;
  return { summary, action: text ? { href, text } : null };
}

/** werkgever/afspraak: the meeting of one proposal, with its forms. */
export interface AfspraakView extends PageModel {
  proposal: { id: string; candidate: string; vacancyTitle: string };
  current: (MeetingSummaryView & { id: string; version: number }) | null;
  canMove: boolean;
  canCancel: boolean;
  /** The form "Hoe ging het?"; folded away under "Uw antwoord wijzigen" once answered. */
  canOutcome: boolean;
  answered: boolean;
  canOffer: boolean;
  kindChoices: Choice[];
  outcomeChoices: Choice[];
  momentSlots: MomentSlotView[];
  values: AfspraakValues;
  earlier: { kindText: string; statusText: string; moment: string | null }[];
  errors: FormErrors | undefined;
  conflict: boolean;
}

/** What the meeting page's forms hold, as posted or shown. */
export interface AfspraakValues {
  meetingKind: string;
  moments: MomentValues[];
  moveReason: string;
  cancelReason: string;
  outcome: string;
  outcomeNote: string;
}

export const emptyAfspraak = (defaults?: { place: string; withWhom: string }): AfspraakValues => ({
  meetingKind: '',
  moments: emptyMoments(defaults),
  moveReason: '',
  cancelReason: '',
  outcome: '',
  outcomeNote: '',
});

export function toAfspraakView(
  p: EmployerProposalView,
  meetings: readonly MeetingView[],
  values: AfspraakValues,
  extra: { errors?: FormErrors; conflict?: boolean } = {},
): AfspraakView {
  const current = runningMeeting(meetings) ?? meetings[0] ?? null;
  const can = (action: string) => current?.allowedActions.includes(action as never) ?? false;
  const own = current?.outcomes.find((o) => o.side === 'werkgever');
  const canOffer = MEETING_STEPS.includes(p.status) && !runningMeeting(meetings);
  const candidate = p.shared.firstName ?? p.candidate.pseudonym;
  return {
    title: current
      ? `${labelOf('meetingKind', current.kind)} met ${candidate}`
      : `Afspraak met ${candidate}`,
    proposal: { id: p.id, candidate, vacancyTitle: p.vacancy.title },
    current: current
      ? { ...employerMeetingSummary(current), id: current.id, version: current.version }
      : null,
    canMove: can('move'),
    canCancel: can('cancel'),
    canOutcome: can('outcome'),
    answered: !!own,
    canOffer,
    kindChoices: MEETING_KIND_OPTIONS.filter(
      (k) => p.status === 'kennismaking' || k.value === 'meeloopdag',
    ),
    outcomeChoices: EMPLOYER_OUTCOMES,
    momentSlots: momentSlots(values.moments, extra.errors),
    values: {
      ...values,
      outcome: values.outcome || own?.outcome || '',
      outcomeNote: values.outcomeNote || own?.note || '',
    },
    earlier: meetings
      .filter((m) => m !== current)
      .map((m) => ({
        kindText: labelOf('meetingKind', m.kind),
        statusText: labelOf('meetingStatus', m.status),
        moment: m.chosen ? momentViewWords(m.chosen) : null,
      })),
    errors: extra.errors,
    conflict: extra.conflict ?? false,
  };
}
