import {
  type MeetingView,
  momentViewWords,
  optionViewWords,
  runningMeeting,
} from '@werkbrug/proposals';
import type { Choice, FormErrors, PageModel } from '@werkbrug/web';

/** The meeting in the candidate's words ("je"). */
const KIND_WORDS: Record<string, string> = {
  kennismaking: 'kennismakingsgesprek',
  meeloopdag: 'meeloopdag',
};

/** How it went, as the candidate chooses. */
export const CANDIDATE_OUTCOMES: Choice[] = [
  { value: 'goed', text: 'Goed', hint: 'Ik wil hier graag verder' },
  { value: 'twijfel', text: 'Ik twijfel', hint: 'Ik weet het nog niet' },
  { value: 'niet_goed', text: 'Niet goed', hint: 'Dit past niet bij mij' },
  { value: 'niet_doorgegaan', text: 'Het ging niet door' },
];

/** The candidate's own answer to "Hoe ging het?", in the words of the choice ("Ik twijfel"). */
const ownAnswer = (m: MeetingView | null) => {
  const own = m?.outcomes.find((o) => o.side === 'kandidaat');
  if (!own) return null;
  const text = CANDIDATE_OUTCOMES.find((c) => c.value === own.outcome)?.text ?? own.outcome;
  return { text, note: own.note };
};

/** "… heeft de afspraak afgezegd", in the candidate's words. */
const cancelledWords = (m: MeetingView, employer: string) => {
  const by = m.cancelled?.byRole;
  if (by === 'kandidaat') return 'Je hebt de afspraak afgezegd. De afspraak gaat niet door.';
  const who = by === 'werkgever' ? employer : 'Je werkmakelaar';
  return `${who} heeft de afspraak afgezegd. De afspraak gaat niet door.`;
};

/** What the candidate's proposal page says about the meeting, with the way to the meeting page. */
export interface CandidateMeetingSummary {
  heading: string;
  lines: string[];
  link: { href: string; text: string };
}

export function candidateMeetingSummary(
  proposalId: string,
  employer: string,
  meetings: readonly MeetingView[],
): CandidateMeetingSummary | null {
  const m = runningMeeting(meetings) ?? meetings[0];
  if (!m) return null;
  const href = `/kandidaat/toestemming/${proposalId}/afspraak`;
  const kind = KIND_WORDS[m.kind] ?? m.kind;
  const heading = `Je ${kind}`;
  const may = (action: string) => m.allowedActions.includes(action as never);
  if (m.status === 'aangeboden') {
    const n = m.options.filter((o) => o.available).length;
    return n
      ? {
          heading,
          lines: [
            `${employer} stelt ${n === 1 ? 'een moment' : `${n} momenten`} voor. Kies het moment dat jou het best past.`,
          ],
          link: { href, text: 'Kies een moment' },
        }
      : {
          heading,
          lines: ['De werkgever stelt nieuwe momenten voor. Je krijgt dan een mail.'],
          link: { href, text: 'Bekijk je afspraak' },
        };
  }
  if (m.status === 'gekozen' && m.chosen)
    return {
      heading,
      lines: [
        `Je afspraak: ${momentViewWords(m.chosen)}, ${m.chosen.place}, met ${m.chosen.withWhom}.`,
      ],
      link: { href, text: 'Bekijk of verzet je afspraak' },
    };
  if (m.status === 'gehouden' && m.chosen) {
    const answer = ownAnswer(m);
    return {
      heading,
      lines: [
        `Je afspraak was op ${momentViewWords(m.chosen)}.`,
        ...(answer ? [`Je antwoord: ${answer.text}.`] : []),
      ],
      link: {
        href,
        text: may('outcome') && !answer ? 'Vertel hoe het ging' : 'Bekijk je afspraak',
      },
    };
  }
  return {
    heading,
    lines: [cancelledWords(m, employer)],
    link: { href, text: 'Bekijk je afspraak' },
  };
}

/** kandidaat/afspraak: pick a moment, the agreed moment, ask to move, cancel, tell how it went. */
export interface CandidateMeetingPageView extends PageModel {
  title: string;
  proposalId: string;
  employer: string;
  vacancyTitle: string;
  meeting: {
    id: string;
    version: number;
    status: string;
    agreed: { moment: string; place: string; withWhom: string } | null;
    lines: string[];
  } | null;
  canPick: boolean;
  canMove: boolean;
  canCancel: boolean;
  /** The form "Hoe ging het?"; folded away under "Je antwoord wijzigen" once answered. */
  canOutcome: boolean;
  ownAnswer: { text: string; note: string | null } | null;
  pickChoices: Choice[];
  outcomeChoices: Choice[];
  values: CandidateMeetingValues;
  errors: FormErrors | null;
  conflict: boolean;
}

export interface CandidateMeetingValues {
  option: string;
  moveReason: string;
  cancelReason: string;
  outcome: string;
  outcomeNote: string;
}

export const EMPTY_CANDIDATE_MEETING: CandidateMeetingValues = {
  option: '',
  moveReason: '',
  cancelReason: '',
  outcome: '',
  outcomeNote: '',
};

export function candidateMeetingPageView(
  p: { id: string; vacancy: { title: string; employerName: string } },
  meetings: readonly MeetingView[],
  values: CandidateMeetingValues = EMPTY_CANDIDATE_MEETING,
  extra: { errors?: FormErrors | null; conflict?: boolean } = {},
): CandidateMeetingPageView {
  const employer = p.vacancy.employerName;
  const m = runningMeeting(meetings) ?? meetings[0] ?? null;
  const may = (action: string) => m?.allowedActions.includes(action as never) ?? false;
  const kind = m ? (KIND_WORDS[m.kind] ?? m.kind) : 'afspraak';
  const own = m?.outcomes.find((o) => o.side === 'kandidaat');
  const lines: string[] = [];
  if (m?.status === 'aangeboden' && !may('pick'))
    lines.push(
      'Er zijn nu geen momenten om te kiezen. De werkgever stelt nieuwe momenten voor. Je krijgt dan een mail.',
    );
  if (m?.status === 'gehouden' && m.chosen)
    lines.push(`Je afspraak was op ${momentViewWords(m.chosen)}.`);
  if (m?.status === 'geannuleerd')
    lines.push(
      `${cancelledWords(m, employer)}${m.cancelled?.reason ? ` Reden: ${m.cancelled.reason}` : ''}`,
    );
  return {
    title: may('pick') ? `Kies een moment voor je ${kind}` : `Je ${kind} bij ${employer}`,
    proposalId: p.id,
    employer,
    vacancyTitle: p.vacancy.title,
    meeting: m
      ? {
          id: m.id,
          version: m.version,
          status: m.status,
          agreed:
            m.status === 'gekozen' && m.chosen
              ? {
                  moment: momentViewWords(m.chosen),
                  place: m.chosen.place,
                  withWhom: m.chosen.withWhom,
                }
              : null,
          lines,
        }
      : null,
    canPick: may('pick'),
    canMove: may('move'),
    canCancel: may('cancel'),
    canOutcome: may('outcome'),
    ownAnswer: ownAnswer(m),
    pickChoices: (m?.options ?? [])
      .filter((o) => o.available)
      .map((o) => ({ value: o.id, text: optionViewWords(o) })),
    outcomeChoices: CANDIDATE_OUTCOMES,
    values: {
      ...values,
      outcome: values.outcome || own?.outcome || '',
      outcomeNote: values.outcomeNote || own?.note || '',
    },
    errors: extra.errors ?? null,
    conflict: extra.conflict ?? false,
  };
}
