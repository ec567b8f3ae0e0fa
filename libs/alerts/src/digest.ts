/** How often a candidate wants to hear about new workplaces that fit. */
export const ALERT_FREQUENCIES = ['dagelijks', 'wekelijks'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

const PERIOD_DAYS: Record<AlertFrequency, number> = { dagelijks: 1, wekelijks: 7 };

/** The next time a digest is due after `from`. */
export const nextDue = (frequency: AlertFrequency, from: Date): Date =>
  new Date(from.getTime() + PERIOD_DAYS[frequency] * 86_400_000);

/** At most this many workplaces in one mail; the rest are counted and one click away. */
export const DIGEST_MAX_ITEMS = 5;

export interface DigestCandidateMatch {
  vacancyId: string;
  score: number;
  distanceKm: number;
}

export interface DigestSelection<M extends DigestCandidateMatch> {
  /** The new matches to mail, best first. */
  send: M[];
  /** New matches beyond the mail's limit (counted, not listed). */
  more: number;
  /** Every match not known before: all become known, mailed or not, so none is announced twice. */
  newlyKnown: string[];
}

/**
 * Only workplaces that became a match since the last alert: the current matches minus every workplace
 * the candidate was already told about (or that already matched when they opted in).
 */
export function selectDigest<M extends DigestCandidateMatch>(
  current: readonly M[],
  known: ReadonlySet<string>,
  max = DIGEST_MAX_ITEMS,
): DigestSelection<M> {
  const seen = new Set<string>();
  const fresh = current.filter((m) => {
    if (known.has(m.vacancyId) || seen.has(m.vacancyId)) return false;
    seen.add(m.vacancyId);
    return true;
  });
  fresh.sort(
    (a, b) =>
      b.score - a.score || a.distanceKm - b.distanceKm || a.vacancyId.localeCompare(b.vacancyId),
  );
  return {
    send: fresh.slice(0, max),
    more: Math.max(0, fresh.length - max),
    newlyKnown: fresh.map((m) => m.vacancyId),
  };
}
