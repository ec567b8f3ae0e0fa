import {
  amountTexts,
  GRANTOR_WORDS,
  INSTRUMENT_STATUS_WORDS,
  provisionalText,
} from '@werkbrug/instruments';
import { financieelCvOf } from '@werkbrug/instruments';
import type { EmployerProposalView, MeetingView, ProposalsService } from '@werkbrug/proposals';
import type { Choice, FormErrors, PageModel, Pager } from '@werkbrug/web';
import { MARKS, type Mark } from './employer-marks.service';
import { momentSlots, type MomentSlotView } from './meeting-moments.form';
import { proposalMeetingView, type ProposalMeetingView } from './meeting.view';
import {
  EMPTY_ANSWER,
  MEETING_KIND_OPTIONS,
  REASONS,
  type AnswerValues,
} from './proposal-answer.form';
import type { WerksoortOption } from './workplace.view';

/** The banner after the employer answered a proposal: what the answer was, for whom. */
export function answerNotice(
  answer: { answer: string; meetingKind?: string },
  pseudonym: string,
): string {
  if (answer.answer === 'interested')
    return `Uw antwoord is verstuurd: u wilt ${pseudonym} leren kennen met een ${
      answer.meetingKind === 'meeloopdag' ? 'meeloopdag' : 'kennismakingsgesprek'
    }. De kandidaat kiest een van uw momenten. U krijgt een mail met de afspraak voor uw agenda.`;
  if (answer.answer === 'not_now')
    return `Uw antwoord is verstuurd: nu niet voor ${pseudonym}. De werkmakelaar krijgt bericht.`;
  return `Uw antwoord is verstuurd: u kiest niet voor ${pseudonym}. De werkmakelaar krijgt bericht.`;
}

/** The banner after the employer marked a proposal (only the employer's own people see marks). */
export const markNotice = (mark: Mark): string =>
  `Uw beoordeling is opgeslagen: ${MARKS[mark].toLowerCase()}. Alleen u en uw collega’s zien die.`;

/** Who did something, in the employer's own words ("u" is the employer). */
const BY_ROLE: Record<string, string> = {
  werkmakelaar: 'de werkmakelaar',
  kandidaat: 'de kandidaat',
  werkgever: 'u',
  admin: 'de beheerder',
};

const MARK_OPTIONS: Choice[] = Object.entries(MARKS).map(([value, text]) => ({
  value,
  text,
}));

export type ProposalRow = EmployerProposalView & { markText: string };

/** werkgever/voorstellen: waiting for an answer, running, and closed (paged). */
export interface VoorstellenView extends PageModel {
  waiting: ProposalRow[];
  running: ProposalRow[];
  closed: ProposalRow[];
  closedPager: Pager;
}

export function toVoorstellenView(
  current: EmployerProposalView[],
  closed: EmployerProposalView[],
  marks: ReadonlyMap<string, Mark>,
  closedPager: Pager,
  open: readonly string[],
): VoorstellenView {
  const row = (p: EmployerProposalView): ProposalRow => ({
    ...p,
    markText: MARKS[marks.get(p.id) ?? 'te_beoordelen'],
  });
  return {
    title: 'Voorstellen',
    waiting: current.filter((p) => p.status === 'wacht_op_werkgever').map(row),
    running: current.filter((p) => open.includes(p.status)).map(row),
    closed: closed.map(row),
    closedPager,
  };
}

export type ProposalEvent = Awaited<ReturnType<ProposalsService['events']>>[number];

/** The financieel CV as the employer reads it: statuses, amounts and where to apply, in words. */
export interface FinancieelCvText {
  disclaimer: string;
  items: {
    name: string;
    status: { text: string; tone: string };
    amounts: string[];
    /** Set when the amount uses last year's figures (past the rule's horizon). */
    provisional: ReturnType<typeof provisionalText>;
    applyTo: string;
    sources: string[];
  }[];
}

/** werkgever/voorstel: one proposal with its answer form and the employer's own mark. */
export interface VoorstelView extends PageModel {
  proposal: EmployerProposalView;
  financieelCv: FinancieelCvText | null;
  wishes: string[];
  history: (ProposalEvent & { by: string })[];
  canAnswer: boolean;
  meetingKinds: Choice[];
  /** The moments of a "yes" (partial meeting-moments). */
  momentSlots: MomentSlotView[];
  /** The kennismaking or meeloopdag, once there is one. */
  meeting: ProposalMeetingView;
  reasons: Choice[];
  markOptions: Choice[];
  mark: Mark;
  values: AnswerValues;
  errors: FormErrors | undefined;
  conflict: boolean | undefined;
}

export interface VoorstelExtra {
  values?: AnswerValues;
  /** The proposal's meetings, newest first (MeetingsService.forProposal). */
  meetings?: MeetingView[];
  errors?: FormErrors;
  conflict?: boolean;
}

export function toVoorstelView(
  p: EmployerProposalView,
  events: ProposalEvent[],
  mark: Mark | undefined,
  werksoorten: readonly WerksoortOption[],
  extra: VoorstelExtra = {},
): VoorstelView {
  const names = Object.fromEntries(werksoorten.map((w) => [w.code, w.name]));
  const cv = financieelCvOf(p.shared.financieelCv);
  return {
    title: `${p.candidate.pseudonym} voor ${p.vacancy.title}`,
    proposal: p,
    financieelCv: cv && {
      disclaimer: cv.disclaimer,
      items: cv.items.map((i) => ({
        name: i.name,
        status: INSTRUMENT_STATUS_WORDS[i.status] ?? { text: i.status, tone: 'neutral' },
        amounts: amountTexts(i.amounts),
        provisional: provisionalText(i.figures),
        applyTo: GRANTOR_WORDS[i.applyTo.grantor] ?? i.applyTo.grantor,
        sources: i.sources,
      })),
    },
    wishes: p.candidate.werksoortWishes.map((c) => names[c] ?? c),
    history: events.map((e) => ({ ...e, by: BY_ROLE[e.byRole] ?? e.byRole })),
    canAnswer: p.status === 'wacht_op_werkgever',
    meetingKinds: MEETING_KIND_OPTIONS,
    momentSlots: momentSlots((extra.values ?? EMPTY_ANSWER).moments, extra.errors),
    meeting: proposalMeetingView(p, extra.meetings ?? []),
    reasons: REASONS,
    markOptions: MARK_OPTIONS,
    mark: mark ?? 'te_beoordelen',
    values: extra.values ?? EMPTY_ANSWER,
    errors: extra.errors,
    conflict: extra.conflict,
  };
}
