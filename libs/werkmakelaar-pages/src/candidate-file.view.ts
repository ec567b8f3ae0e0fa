import type { CaseloadRow } from '@werkbrug/caseload';
import type { Candidate, CandidateFileView } from '@werkbrug/candidates';
import { certificateName, dutchDate, labelOf } from '@werkbrug/domain';
import type { InterestSignalRow } from '@werkbrug/interests';
import { DAY_WORDS, hoursWords, kmWords, listWords, TRAVEL_WORDS } from '@werkbrug/kandidaat-pages';
import type { SuggestionsService } from '@werkbrug/matching';
import { CHECKIN_KINDS, type PlacementView, type PlacementsService } from '@werkbrug/placements';
import type { ProposalView } from '@werkbrug/proposals';
import { LADDER_LABELS, LADDER_RUNGS, type LadderHistoryView } from '@werkbrug/trajectories';
import {
  labelChoices,
  yesNo,
  type Choice,
  type FormErrors,
  type PageModel,
  type SummaryRow,
} from '@werkbrug/web';
import { PURPOSES } from './broker-words';

type Matches = Awaited<ReturnType<SuggestionsService['forCandidate']>>;
type Checkin = Awaited<ReturnType<PlacementsService['checkins']>>[number];
type Measurement = LadderHistoryView['measurements'][number];
type PathStep = LadderHistoryView['path'][number];

/** What the candidate file is built from: the services' answers for one candidate. */
export interface CandidateFileFacts {
  candidate: Candidate;
  /** From CandidatesService.protectedFactsFor (weergave); null without a protected part. */
  name: { firstName: string; lastName: string } | null;
  matches: Matches | null;
  signals: InterestSignalRow[];
  /** Of the signals' workplaces, those the werkmakelaar may propose (employerInReachSql). */
  inReach: ReadonlySet<string>;
  proposals: ProposalView[];
  placements: PlacementView[];
  checkins: Checkin[];
  row: CaseloadRow | null;
  ladder: LadderHistoryView;
  userId: string;
  today: string;
  /** The werksoorten's names by code (the candidate's wishes are codes). */
  werksoortNames?: ReadonlyMap<string, string>;
}

/** The page's state: a message on top, or the ladder form coming back with its answers. */
export interface CandidateFileExtra {
  problem?: string;
  ladderErrors?: FormErrors;
  ladderValues?: Record<string, string>;
  /** The contact form coming back with its answers and what is wrong. */
  contactErrors?: FormErrors;
  contactValues?: Record<string, string>;
}

/** The page `werkmakelaar/kandidaat`. */
export interface CandidateFilePage extends PageModel {
  title: string;
  candidate: {
    id: string;
    pseudonym: string;
    wishes: string;
    interests: string;
    hours: string;
    days: string;
    place: string;
    travel: string;
    ladder: string;
    route: string;
    certificates: string;
  };
  attention: CaseloadRow['attention'];
  completeness: CaseloadRow['completeness'] | null;
  searchDown: boolean;
  matches: {
    id: string;
    title: string;
    employerName: string;
    place: string;
    distance: string;
    score: number;
    fit: string;
    reasons: string[];
  }[];
  nearMisses: {
    id: string;
    title: string;
    employerName: string;
    distance: string;
    blockers: string[];
  }[];
  signals: (InterestSignalRow & { inReach: boolean })[];
  proposals: (ProposalView & { statusText: string })[];
  placements: (PlacementView & { statusText: string })[];
  checkins: (Checkin & { kindText: string })[];
  kindOptions: Choice[];
  today: string;
  contactValues: Record<string, string>;
  purposeOptions: Choice[];
  problem: string | null;
  ladder: {
    measurements: (Measurement & { rungText: string; by: string })[];
    path: (PathStep & { up: boolean })[];
    nextDueOn: LadderHistoryView['nextDueOn'];
    overdue: boolean;
    never: boolean;
    rungOptions: Choice[];
    values: Record<string, string>;
  };
  errors: FormErrors | null;
}

/**
 * A match's score (0–100, docs/matching.md) in words, with the number: "Past goed (59 van de 100
 * punten)". The score adds up the wishes, interests, distance and support that fit.
 */
export function fitWords(score: number): string {
  const words = score >= 75 ? 'Past heel goed' : score >= 50 ? 'Past goed' : 'Past redelijk';
  return `${words} (${score} van de 100 punten)`;
}

export const purposeOptions = (): Choice[] => PURPOSES.map((p) => ({ value: p, text: p }));

/** The banner after a new measurement on the participatieladder. */
export const ladderNotice = (pseudonym: string, rung: number) =>
  `De meting van Kandidaat ${pseudonym} is opgeslagen: trede ${rung}, ${LADDER_LABELS[rung] ?? ''}.`;

/** The banner after a contact moment was logged. */
export const contactNotice = (pseudonym: string, kind: string, on: string) =>
  `Het contactmoment met Kandidaat ${pseudonym} is opgeslagen: ${labelOf('checkinKind', kind).toLowerCase()} op ${dutchDate(on)}.`;

export function candidateFileView(
  f: CandidateFileFacts,
  extra: CandidateFileExtra,
): CandidateFilePage {
  const c = f.candidate;
  return {
    title: f.name ? `${f.name.firstName} ${f.name.lastName}` : `Kandidaat ${c.pseudonym}`,
    candidate: {
      id: c.id,
      pseudonym: `Kandidaat ${c.pseudonym}`,
      wishes: c.werksoortWishes.map((w) => f.werksoortNames?.get(w) ?? w).join(', ') || 'geen',
      interests: c.interests,
      hours: hoursWords(c.hoursMin, c.hoursMax),
      days: listWords(c.days.map((d) => DAY_WORDS[d])),
      place: c.place,
      travel: `${TRAVEL_WORDS[c.travelMode]}${c.maxTravelKm ? `, tot ${kmWords(c.maxTravelKm)}` : ''}`,
      ladder: `Trede ${c.ladderRung} (${LADDER_LABELS[c.ladderRung] ?? ''}), gemeten op ${dutchDate(c.ladderMeasuredOn)}`,
      route: labelOf('route', c.route).toLowerCase(),
      certificates: c.certificates.map(certificateName).join(', ') || 'geen',
    },
    attention: f.row?.attention ?? [],
    completeness: f.row?.completeness ?? null,
    searchDown: f.matches === null,
    matches: (f.matches?.items ?? []).map((m) => ({
      id: m.vacancy.id,
      title: m.vacancy.title,
      employerName: m.vacancy.employerName,
      place: m.vacancy.place,
      distance: kmWords(m.distanceKm),
      score: m.score,
      fit: fitWords(m.score),
      reasons: m.reasons.map((r) => r.text),
    })),
    nearMisses: (f.matches?.nearMisses ?? []).map((n) => ({
      id: n.vacancy.id,
      title: n.vacancy.title,
      employerName: n.vacancy.employerName,
      distance: kmWords(n.distanceKm),
      blockers: n.blockers.map((b) => b.text),
    })),
    signals: f.signals.map((s) => ({ ...s, inReach: f.inReach.has(s.vacancy.id) })),
    proposals: f.proposals.map((p) => ({
      ...p,
      statusText: labelOf('proposalStatusForBroker', p.status),
    })),
    placements: f.placements.map((p) => ({
      ...p,
      statusText: p.status === 'lopend' ? 'loopt' : 'beëindigd',
    })),
    checkins: f.checkins.map((k) => ({ ...k, kindText: labelOf('checkinKind', k.kind) })),
    kindOptions: labelChoices('checkinKind', CHECKIN_KINDS),
    today: f.today,
    contactValues: extra.contactValues ?? { contactOn: f.today, kind: 'gesprek', note: '' },
    purposeOptions: purposeOptions(),
    problem:
      extra.problem === 'contact'
        ? 'Vul een datum in (niet in de toekomst) en kies het soort contact.'
        : null,
    ladder: {
      measurements: [...f.ladder.measurements].reverse().map((m) => ({
        ...m,
        rungText: `Trede ${m.rung}: ${m.label}`,
        by: m.byUserId === f.userId ? 'U' : 'Een collega',
      })),
      path: f.ladder.path.map((step) => ({ ...step, up: step.direction === 'omhoog' })),
      nextDueOn: f.ladder.nextDueOn,
      overdue: f.ladder.overdue,
      never: f.ladder.measurements.length === 0,
      rungOptions: LADDER_RUNGS.map((r) => ({
        value: String(r),
        text: `Trede ${r}: ${LADDER_LABELS[r]}`,
      })),
      values: extra.ladderValues ?? { measuredOn: f.today },
    },
    errors: extra.ladderErrors ?? extra.contactErrors ?? null,
  };
}

/** The page `werkmakelaar/dossier`: first the purpose, then the protected part (its read audited). */
export interface DossierPage extends PageModel {
  title: string;
  candidate: { id: string; pseudonym: string };
  purposeOptions?: Choice[];
  purpose?: string;
  rows?: SummaryRow[];
  errors?: FormErrors | null;
}

export const dossierChoiceView = (
  id: string,
  pseudonym: string,
  errors: FormErrors | null,
): DossierPage => ({
  title: 'Beschermde gegevens openen',
  candidate: { id, pseudonym: `Kandidaat ${pseudonym}` },
  purposeOptions: purposeOptions(),
  errors,
});

export function dossierView(
  id: string,
  pseudonym: string,
  purpose: string,
  p: CandidateFileView['personal'],
): DossierPage {
  return {
    title: 'Beschermde gegevens',
    candidate: { id, pseudonym: `Kandidaat ${pseudonym}` },
    purpose,
    rows: [
      { key: 'Naam', value: `${p?.firstName ?? ''} ${p?.lastName ?? ''}`.trim() },
      { key: 'E-mail', value: p?.email },
      { key: 'Telefoon', value: p?.phone },
      { key: 'Adres', value: p?.address },
      { key: 'Geboortedatum', value: p?.dateOfBirth ? dutchDate(p.dateOfBirth) : null },
      { key: 'Uitkering', value: p?.benefitType ? labelOf('benefitType', p.benefitType) : null },
      { key: 'Banenafspraak', value: yesNo(p?.banenafspraak ?? false) },
      {
        key: 'Loonwaarde',
        value:
          p?.loonwaardePct === null || p?.loonwaardePct === undefined
            ? null
            : `${p.loonwaardePct}%`,
      },
      { key: 'Notities', value: p?.notes },
    ],
  };
}
