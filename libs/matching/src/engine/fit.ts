import type { Blocker, MatchReader, Reason } from './codes';
import { hardConstraintBlockers, hardConstraintCodes, isNearMiss } from './hard-constraints';
import type { CandidateProfile, VacancyProfile } from './match-profiles';
import { distanceKm, roundKm } from './matching-rules';
import { vacancySummary } from './match-views';
import { nearMissRadiusKm } from './meili-filters';
import { scoreMatch } from './scoring';

export type VacancySummary = ReturnType<typeof vacancySummary>;
export interface MatchItem {
  vacancy: VacancySummary;
  score: number;
  distanceKm: number;
  reasons: Reason[];
}
export interface NearMissItem {
  vacancy: VacancySummary;
  distanceKm: number;
  blockers: Blocker[];
}

/**
 * How one workplace fits one candidate, from the two records alone: a match (with its reasons), a
 * near miss (with what blocks it), or neither. The same rules and the same bounds as the match
 * lists (matchCandidate): only an active candidate who accepts some arrangement has matches; near
 * misses are open, within the near-miss radius and blocked by at most two things.
 *
 * Interest relevance is Meilisearch's ranking of the candidate's words among all workplaces: it only
 * orders lists, so a single fit is scored without it (its score can be lower than in a list).
 */
export type Fit = { distanceKm: number } & (
  | { kind: 'match'; match: MatchItem }
  | { kind: 'nearMiss'; nearMiss: NearMissItem }
  | { kind: 'none' }
);

export function fitOf(c: CandidateProfile, v: VacancyProfile, reader: MatchReader): Fit {
  const km = roundKm(distanceKm(c, v));
  if (!c.active) return { kind: 'none', distanceKm: km };
  const codes = hardConstraintCodes(c, v);
  if (!codes.length && c.arrangementsAccepted.length) {
    const { score, reasons } = scoreMatch(c, v, 0, true, reader);
    return {
      kind: 'match',
      distanceKm: km,
      match: { vacancy: vacancySummary(v), score, distanceKm: km, reasons },
    };
  }
  if (codes.length && isNearMiss(codes) && km <= nearMissRadiusKm(c.rangeKm)) {
    return {
      kind: 'nearMiss',
      distanceKm: km,
      nearMiss: {
        vacancy: vacancySummary(v),
        distanceKm: km,
        blockers: hardConstraintBlockers(c, v, reader),
      },
    };
  }
  return { kind: 'none', distanceKm: km };
}
