import { arrangementsInWords, Blocker, blocker, BlockerCode, type MatchReader } from './codes';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { distanceKm, LANGUAGE_LABELS, roundKm } from './matching-rules';

const DEMANDS = [
  ['demandLifting', 'abilityLifting', 'DEMAND_LIFTING'],
  ['demandStanding', 'abilityStanding', 'DEMAND_STANDING'],
  ['demandPace', 'abilityPace', 'DEMAND_PACE'],
  ['demandStimuli', 'abilityStimuli', 'DEMAND_STIMULI'],
  ['demandOutdoor', 'abilityOutdoor', 'DEMAND_OUTDOOR'],
] as const;

const intersects = <T>(a: readonly T[], b: readonly T[]) => a.some((x) => b.includes(x));

/**
 * The hard constraints, evaluated in TypeScript. Meilisearch filters express the same rules to find
 * candidates fast; this function is the reference: it re-checks every hit and names what is missing.
 * Returns the blockers (empty: a match), in words for `reader`.
 */
export function hardConstraintBlockers(
  c: CandidateProfile,
  v: VacancyProfile,
  reader: MatchReader = 'kandidaat',
): Blocker[] {
  return checkHardConstraints(c, v, (code, gap, values) => blocker(code, gap, values, reader));
}

/**
 * The same rules, naming only the codes: enough to filter and rank the whole pool. The Dutch texts
 * are then made for the few that are shown (filling them for every hit was a tenth of the API's CPU).
 */
export function hardConstraintCodes(c: CandidateProfile, v: VacancyProfile): BlockerCode[] {
  return checkHardConstraints(c, v, codeOnly);
}

const codeOnly = (code: BlockerCode): BlockerCode => code;

function checkHardConstraints<T>(
  c: CandidateProfile,
  v: VacancyProfile,
  blocker: (
    code: BlockerCode,
    gap: number | string | null,
    values?: Record<string, string | number>,
  ) => T,
): T[] {
  const out: T[] = [];
  if (!v.open) out.push(blocker('NOT_OPEN', null));
  if (!intersects(v.arrangements, c.arrangementsAccepted)) {
    out.push(
      blocker('ARRANGEMENT_NOT_ACCEPTED', null, {
        offered: arrangementsInWords(v.arrangements, 'of'),
      }),
    );
  }
  const km = roundKm(distanceKm(c, v));
  if (km > c.rangeKm) {
    out.push(blocker('TOO_FAR', roundKm(km - c.rangeKm), { km, range: c.rangeKm }));
  }
  if (v.hoursAdjustable) {
    // The employer can shorten hours and move them: only the candidate's minimum must fit in.
    if (v.hoursMax < c.hoursMin) out.push(blocker('HOURS_TOO_FEW', c.hoursMin - v.hoursMax));
  } else {
    if (v.hoursMin > c.hoursMax) out.push(blocker('HOURS_SHORT', v.hoursMin - c.hoursMax));
    if (v.hoursMax < c.hoursMin) out.push(blocker('HOURS_TOO_FEW', c.hoursMin - v.hoursMax));
    if (!intersects(v.workingDays, c.days)) out.push(blocker('DAYS_MISMATCH', null));
    if (!intersects(v.dayparts, c.dayparts)) out.push(blocker('TIME_WINDOW_MISMATCH', null));
  }
  const missing = v.requiredCertificates.filter((cert) => !c.certificates.includes(cert));
  if (missing.length) out.push(blocker('CERTIFICATE_MISSING', missing.join(', ')));
  if (c.languageRank < v.minLanguageRank) {
    out.push(
      blocker('LANGUAGE_LEVEL_LOW', v.minLanguageRank - c.languageRank, {
        required: LANGUAGE_LABELS[v.minLanguageRank] ?? '',
        level: LANGUAGE_LABELS[c.languageRank] ?? '',
      }),
    );
  }
  for (const [demand, ability, code] of DEMANDS) {
    if (v[demand] > c[ability]) out.push(blocker(code, v[demand] - c[ability]));
  }
  if (c.needsWheelchairAccess && !v.wheelchairAccessible)
    out.push(blocker('NOT_WHEELCHAIR_ACCESSIBLE', null));
  return out;
}

/** Near misses break at most this many hard constraints, and never "not open". */
export const NEAR_MISS_MAX_BLOCKERS = 2;

export const isNearMiss = (blockers: readonly (Blocker | BlockerCode)[]) =>
  blockers.length > 0 &&
  blockers.length <= NEAR_MISS_MAX_BLOCKERS &&
  !blockers.some((b) => (typeof b === 'string' ? b : b.code) === 'NOT_OPEN');
