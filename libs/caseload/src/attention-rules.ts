import { addDays, daysBetween, dutchDate } from '@werkbrug/domain';
import { monthsBefore, STALE_MONTHS } from './profile-completeness';

/** The Op Koers rhythm: contact at least every 14 days; and a warning two weeks before a planned end. */
export const CONTACT_RHYTHM_DAYS = 14;
export const ENDING_SOON_DAYS = 14;
/** Below this completeness score a profile needs work before matching can help. */
export const INCOMPLETE_BELOW = 70;

export const ATTENTION_CODES = [
  'PLACEMENT_ENDING',
  'NO_CONTACT',
  'INTEREST_SIGNAL',
  'CONSENT_WAITING',
  'EMPLOYER_ANSWER_WAITING',
  'LADDER_OUTDATED',
  'PROFILE_INCOMPLETE',
] as const;
export type AttentionCode = (typeof ATTENTION_CODES)[number];

/** Facts about one candidate, gathered in one query; dates as YYYY-MM-DD. */
export interface AttentionFacts {
  /** False when the trajectory has ended: no contact rhythm any more. */
  inTrajectory: boolean;
  lastContactOn: string | null;
  /** When the candidate entered the caseload: without any contact, the rhythm counts from here. */
  createdOn: string;
  /** The nearest planned end of a running placement, if any. */
  nearestPlannedEnd: string | null;
  consentWaiting: number;
  employerAnswerWaiting: number;
  /** Interest signals the werkmakelaar has not seen and not yet turned into a proposal. */
  newInterestSignals: number;
  ladderMeasuredOn: string;
  completenessScore: number;
}

export interface AttentionItem {
  code: AttentionCode;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What needs the werkmakelaar's attention for one candidate, most urgent first (the order of ATTENTION_CODES). */
export function attentionFor(f: AttentionFacts, today: string): AttentionItem[] {
  const items: AttentionItem[] = [];
  if (
    f.nearestPlannedEnd &&
    f.nearestPlannedEnd >= today &&
    f.nearestPlannedEnd <= addDays(today, ENDING_SOON_DAYS)
  ) {
    const days = daysBetween(today, f.nearestPlannedEnd);
    items.push({
      code: 'PLACEMENT_ENDING',
      text:
        days === 0
          ? 'Plaatsing eindigt vandaag'
          : `Plaatsing eindigt over ${plural(days, 'dag', 'dagen')}`,
    });
  }
  if (f.inTrajectory) {
    const since = f.lastContactOn ?? f.createdOn;
    const quiet = daysBetween(since, today);
    if (quiet >= CONTACT_RHYTHM_DAYS) {
      items.push({
        code: 'NO_CONTACT',
        text: f.lastContactOn
          ? `${quiet} dagen geen contact`
          : `Nog geen contact vastgelegd (${quiet} dagen in uw caseload)`,
      });
    }
  }
  if (f.newInterestSignals > 0) {
    items.push({
      code: 'INTEREST_SIGNAL',
      text: `Heeft interesse in ${plural(f.newInterestSignals, 'werkplek', 'werkplekken')}`,
    });
  }
  if (f.consentWaiting > 0) {
    items.push({
      code: 'CONSENT_WAITING',
      text: `Wacht op toestemming voor ${plural(f.consentWaiting, 'voorstel', 'voorstellen')}`,
    });
  }
  if (f.employerAnswerWaiting > 0) {
    items.push({
      code: 'EMPLOYER_ANSWER_WAITING',
      text: `Wacht op antwoord van de werkgever (${plural(f.employerAnswerWaiting, 'voorstel', 'voorstellen')})`,
    });
  }
  if (f.ladderMeasuredOn < monthsBefore(today, STALE_MONTHS)) {
    items.push({
      code: 'LADDER_OUTDATED',
      text: `Participatieladder is van ${dutchDate(f.ladderMeasuredOn)}: meet opnieuw`,
    });
  }
  if (f.completenessScore < INCOMPLETE_BELOW) {
    items.push({
      code: 'PROFILE_INCOMPLETE',
      text: `Profiel is voor ${f.completenessScore}% compleet`,
    });
  }
  return items;
}

/** Sort key for "needs attention first": the most urgent item decides, then how many there are. */
export function attentionRank(items: AttentionItem[]): [number, number] {
  const first = items.length
    ? Math.min(...items.map((i) => ATTENTION_CODES.indexOf(i.code)))
    : ATTENTION_CODES.length;
  return [first, -items.length];
}
