import { labelOf } from '@werkbrug/domain';
import {
  MEETING_SIDES,
  type MeetingView,
  momentViewWords,
  optionViewWords,
  type ProposalView,
  runningMeeting,
} from '@werkbrug/proposals';
import {
  emptyMoments,
  type MomentSlotView,
  momentSlots,
  type MomentValues,
} from '@werkbrug/werkgever-pages';
import type { Choice, FormErrors, PageModel } from '@werkbrug/web';

/** Who did something, in the werkmakelaar's words ("u" is the werkmakelaar). */
const WHO: Record<string, string> = {
  werkgever: 'de werkgever',
  kandidaat: 'de kandidaat',
  werkmakelaar: 'u',
};

/** How it went, as the werkmakelaar chooses. */
export const BROKER_OUTCOMES: Choice[] = [
  { value: 'goed', text: 'Goed', hint: 'Kandidaat en werkgever kunnen verder' },
  { value: 'twijfel', text: 'Twijfel', hint: 'Er is nog iets te bespreken' },
  { value: 'niet_goed', text: 'Niet goed', hint: 'Het past niet' },
  { value: 'niet_doorgegaan', text: 'Niet doorgegaan', hint: 'De afspraak ging toch niet door' },
];

const TONE: Record<string, string> = {
  aangeboden: 'warning',
  gekozen: 'ok',
  gehouden: 'neutral',
  geannuleerd: 'neutral',
};

const MEETING_STEPS = ['kennismaking', 'meeloopdag'];

/** The meeting part of the werkmakelaar's proposal page: every side, and every step. */
export interface BrokerMeetingSection {
  meeting: {
    id: string;
    version: number;
    kindText: string;
    status: { text: string; tone: string };
    lines: string[];
    options: { text: string; available: boolean }[];
    agreed: { moment: string; place: string; withWhom: string } | null;
    outcomes: { side: string; outcome: string; note: string | null }[];
  } | null;
  /** Pick on behalf of the candidate. */
  canPick: boolean;
  pickChoices: Choice[];
  /** Links to the meeting page: move, cancel, tell how it went, offer new moments. */
  actions: { href: string; text: string }[];
}

export function brokerMeetingSection(
  p: Pick<ProposalView, 'id' | 'status'>,
  meetings: readonly MeetingView[],
): BrokerMeetingSection {
  const m = runningMeeting(meetings) ?? meetings[0] ?? null;
  const may = (action: string) => m?.allowedActions.includes(action as never) ?? false;
  const href = `/werkmakelaar/voorstellen/${p.id}/afspraak`;
  const actions: { href: string; text: string }[] = [];
  if (may('move') || may('cancel')) actions.push({ href, text: 'Verzetten of afzeggen' });
  const answered = !!m?.outcomes.some((o) => o.side === 'werkmakelaar');
  if (may('outcome') && !answered)
    actions.push({ href: `${href}#hoe-ging-het`, text: 'Vertel hoe het ging' });
  if (MEETING_STEPS.includes(p.status) && !runningMeeting(meetings))
    actions.push({ href, text: 'Momenten voorstellen namens de werkgever' });
  if (!m) return { meeting: null, canPick: false, pickChoices: [], actions };
  const lines: string[] = [];
  const available = m.options.filter((o) => o.available);
  if (m.status === 'aangeboden')
    lines.push(
      available.length
        ? 'De kandidaat kiest een van deze momenten. U kunt ook samen met de kandidaat kiezen.'
        : 'Er zijn geen momenten om te kiezen. De werkgever stelt nieuwe momenten voor. U kunt dat ook voor de werkgever doen.',
    );
  if (m.moved && m.status === 'aangeboden')
    lines.push(
      `Verzet door ${WHO[m.moved.byRole]}.${m.moved.reason ? ` Reden: ${m.moved.reason}` : ''}`,
    );
  if (m.status === 'gekozen' && m.pickedByRole) lines.push(`Gekozen door ${WHO[m.pickedByRole]}.`);
  if (m.status === 'gehouden' && m.chosen)
    lines.push(`De afspraak is geweest: ${momentViewWords(m.chosen)}.`);
  if (m.status === 'geannuleerd' && m.cancelled)
    lines.push(
      `Afgezegd door ${WHO[m.cancelled.byRole]}.${m.cancelled.reason ? ` Reden: ${m.cancelled.reason}` : ''}`,
    );
  return {
    meeting: {
      id: m.id,
      version: m.version,
      kindText: labelOf('meetingKind', m.kind),
      status: { text: labelOf('meetingStatus', m.status), tone: TONE[m.status] ?? 'neutral' },
      lines,
      options:
        m.status === 'aangeboden'
          ? m.options.map((o) => ({ text: optionViewWords(o), available: o.available }))
          : [],
      agreed:
        m.chosen && m.status !== 'geannuleerd'
          ? {
              moment: momentViewWords(m.chosen),
              place: m.chosen.place,
              withWhom: m.chosen.withWhom,
            }
          : null,
      outcomes: m.outcomes.length
        ? MEETING_SIDES.map((side) => {
            const o = m.outcomes.find((x) => x.side === side);
            return {
              side: labelOf('meetingSide', side),
              outcome: o ? labelOf('meetingOutcome', o.outcome) : 'Nog niet ingevuld',
              note: o?.note ?? null,
            };
          })
        : [],
    },
    canPick: may('pick'),
    pickChoices: available.map((o) => ({ value: o.id, text: optionViewWords(o) })),
    actions,
  };
}

/** What the werkmakelaar's meeting page holds, as posted or shown. */
export interface BrokerMeetingValues {
  meetingKind: string;
  moments: MomentValues[];
  option: string;
  moveReason: string;
  cancelReason: string;
  outcome: string;
  outcomeNote: string;
}

export const emptyBrokerMeeting = (defaults?: {
  place: string;
  withWhom: string;
}): BrokerMeetingValues => ({
  meetingKind: '',
  moments: emptyMoments(defaults),
  option: '',
  moveReason: '',
  cancelReason: '',
  outcome: '',
  outcomeNote: '',
});

/** werkmakelaar/afspraak: the meeting of a proposal with its forms. */
export interface BrokerMeetingPageView extends PageModel {
  proposal: { id: string; candidate: string; vacancyTitle: string; employerName: string };
  section: BrokerMeetingSection;
  canMove: boolean;
  canCancel: boolean;
  /** The form "Hoe ging het?"; folded away under "Uw antwoord wijzigen" once answered. */
  canOutcome: boolean;
  answered: boolean;
  canOffer: boolean;
  kindChoices: Choice[];
  outcomeChoices: Choice[];
  momentSlots: MomentSlotView[];
  values: BrokerMeetingValues;
  errors: FormErrors | undefined;
  conflict: boolean;
}

export function brokerMeetingPageView(
  p: ProposalView,
  meetings: readonly MeetingView[],
  values: BrokerMeetingValues,
  extra: { errors?: FormErrors; conflict?: boolean } = {},
): BrokerMeetingPageView {
  const section = brokerMeetingSection(p, meetings);
  const m = runningMeeting(meetings) ?? meetings[0] ?? null;
  const may = (action: string) => m?.allowedActions.includes(action as never) ?? false;
  const own = m?.outcomes.find((o) => o.side === 'werkmakelaar');
  const candidate = `Kandidaat ${p.candidate.pseudonym}`;
  return {
    title: m
      ? `${labelOf('meetingKind', m.kind)}: ${candidate} bij ${p.vacancy.employerName}`
      : `Afspraak: ${candidate} bij ${p.vacancy.employerName}`,
    proposal: {
      id: p.id,
      candidate,
      vacancyTitle: p.vacancy.title,
      employerName: p.vacancy.employerName,
    },
    section,
    canMove: may('move'),
    canCancel: may('cancel'),
    canOutcome: may('outcome'),
    answered: !!own,
    canOffer: MEETING_STEPS.includes(p.status) && !runningMeeting(meetings),
    kindChoices: [
      { value: 'kennismaking', text: 'Kennismakingsgesprek' },
      { value: 'meeloopdag', text: 'Meeloopdag' },
    ].filter((k) => p.status === 'kennismaking' || k.value === 'meeloopdag'),
    outcomeChoices: BROKER_OUTCOMES,
    momentSlots: momentSlots(values.moments, extra.errors),
    values: {
      ...values,
      outcome: values.outcome || own?.outcome || '',
      outcomeNote: values.outcomeNote || own?.note || '',
    },
    errors: extra.errors,
    conflict: extra.conflict ?? false,
  };
}
