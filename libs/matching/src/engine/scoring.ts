import { arrangementsInWords, Reason, reason, type MatchReader, type ReasonCode } from './codes';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { distanceKm, roundKm } from './matching-rules';

/** Weights of the soft preferences; they add up to 100 (docs/matching.md). */
export const WEIGHTS = {
  wish: 30,
  interests: 25,
  distance: 20,
  adjustable: 5,
  support: 12,
  desired: 8,
} as const;

/** Below this Meilisearch ranking score a text hit is too weak to call it a match of interests. */
export const INTERESTS_THRESHOLD = 0.4;

const WISH_POINTS = [1, 0.75, 0.5];
const WISH_REASONS = ['WERKSOORT_WISH_1', 'WERKSOORT_WISH_2', 'WERKSOORT_WISH_3'] as const;
const TRAVEL_LABEL: Record<string, string> = {
  lopen: 'lopend',
  fiets: 'fiets',
  ebike: 'e-bike',
  ov: 'ov',
  auto: 'auto',
};

export interface ScoredMatch {
  score: number;
  distanceKm: number;
  reasons: Reason[];
}

/**
 * Orders matches by the soft preferences and says why each one fits.
 * `textScore` is Meilisearch's ranking score (0–1) of the candidate's interests against the workplace,
 * or 0 when there is no text match. With `explain` false only the score is computed (no reason texts):
 * the whole pool is ranked that way and only the matches shown are explained, to `reader`.
 */
export function scoreMatch(
  c: CandidateProfile,
  v: VacancyProfile,
  textScore: number,
  explain = true,
  reader: MatchReader = 'kandidaat',
): ScoredMatch {
  const reasons: Reason[] = [];
  const say = (code: ReasonCode, values?: Record<string, string | number>) => {
    if (explain) reasons.push(reason(code, values, reader));
  };
  let points = 0;
  const wish = c.werksoortWishes.indexOf(v.werksoortCode);
  if (wish >= 0) {
    points += WEIGHTS.wish * (WISH_POINTS[wish] ?? 0.3);
    say(WISH_REASONS[wish] ?? 'WERKSOORT_WISH_OTHER', { werksoort: v.werksoortName });
  }
  // Only a real text match counts, and then it is always explained.
  if (textScore >= INTERESTS_THRESHOLD) {
    points += WEIGHTS.interests * Math.min(1, textScore);
    say('INTERESTS_MATCH');
  }
  const km = roundKm(distanceKm(c, v));
  points += WEIGHTS.distance * Math.max(0, 1 - km / Math.max(c.rangeKm, 0.1));
  if (explain) {
    say('WITHIN_TRAVEL_RANGE', { km, mode: TRAVEL_LABEL[c.travelMode] ?? c.travelMode });
    say('HOURS_FIT', {
      hours: v.hoursMin === v.hoursMax ? `${v.hoursMin}` : `${v.hoursMin}–${v.hoursMax}`,
    });
  }
  if (v.hoursAdjustable) {
    points += WEIGHTS.adjustable;
    say('HOURS_ADJUSTABLE');
  } else {
    say('DAYS_FIT');
  }
  const supportWanted = Number(c.needsJobcoach) + Number(c.needsBuddy);
  let supportGiven = 0;
  if (c.needsJobcoach && v.jobcoachWelcome) {
    supportGiven++;
    say('SUPPORT_ON_SITE');
  }
  if (c.needsBuddy && v.buddyAvailable) {
    supportGiven++;
    say('BUDDY_ON_SITE');
  }
  if (supportWanted) points += (WEIGHTS.support * supportGiven) / supportWanted;
  else points += WEIGHTS.support / 2; // no support needed: neutral, so needing support is not a penalty in itself
  if (v.desiredCertificates.length) {
    const desiredHeld = v.desiredCertificates.filter((cert) => c.certificates.includes(cert));
    points += (WEIGHTS.desired * desiredHeld.length) / v.desiredCertificates.length;
    if (explain) for (const certificate of desiredHeld) say('DESIRED_CERTIFICATE', { certificate });
  }
  if (explain) {
    if (v.requiredCertificates.length) {
      say('REQUIRED_CERTIFICATES_HELD', { certificates: v.requiredCertificates.join(', ') });
    }
    const fitting = v.arrangements.filter((a) => c.arrangementsAccepted.includes(a));
    say('ARRANGEMENT_FITS', { arrangements: arrangementsInWords(fitting, 'en') });
    if (c.needsWheelchairAccess && v.wheelchairAccessible) say('WHEELCHAIR_ACCESSIBLE');
  }
  return { score: Math.max(0, Math.min(100, Math.round(points))), distanceKm: km, reasons };
}

/** Deterministic order: score, then distance, then id. */
export function compareMatches(
  a: { score: number; distanceKm: number; id: string },
  b: { score: number; distanceKm: number; id: string },
) {
  return b.score - a.score || a.distanceKm - b.distanceKm || a.id.localeCompare(b.id);
}
