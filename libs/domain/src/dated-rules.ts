import { addDays } from './dates';

/**
 * One version of a rule that holds for a period: arrangement limits, trajectory hour limits,
 * instrument rules. Rules and amounts change every year, so they are data with a validity period,
 * and a newer version ends the one before it; past versions are never rewritten. Dates are ISO
 * (yyyy-mm-dd), both ends inclusive. Each table adds its own figures and where they come from
 * (arrangement and trajectory rules a `source` text, instrument rules source URLs and the date
 * someone last checked them).
 *
 * Facts about the period itself belong here, so every rule table gets them alike (for instance the
 * date up to which a version's figures are known, next to validTo).
 */
export interface DatedVersion {
  /** The first day the version is in force. */
  validFrom: string;
  /** The last day it is in force; null while no newer version has ended it. */
  validTo: string | null;
}

/** Whether the version is in force on the date. */
export const inForce = (v: DatedVersion, date: string) =>
  v.validFrom <= date && (v.validTo === null || v.validTo >= date);

/**
 * The version in force on the date among versions of one rule (one arrangement, one organisation's
 * trajectory rule, one instrument in one scope), or null; if periods overlapped, the latest start wins.
 */
export function versionInForce<V extends DatedVersion>(
  versions: readonly V[],
  date: string,
): V | null {
  return (
    versions
      .filter((v) => inForce(v, date))
      .reduce<V | null>((best, v) => (!best || v.validFrom > best.validFrom ? v : best), null) ??
    null
  );
}

/**
 * The same rule as SQL over the snake_case columns valid_from and valid_to of alias `t`, the date
 * given as a parameter placeholder (`:date`, `$2`): for queries that pick the version in force.
 */
export const inForceSql = (t: string, date: string) =>
  `(${t}.valid_from <= ${date} AND (${t}.valid_to IS NULL OR ${t}.valid_to >= ${date}))`;

/** Whether two periods share at least one day. */
export const overlaps = (a: DatedVersion, b: DatedVersion) =>
  (a.validTo === null || a.validTo >= b.validFrom) &&
  (b.validTo === null || b.validTo >= a.validFrom);

/** The first two versions of one rule whose periods overlap, or null when they follow each other. */
export function findOverlap<V extends DatedVersion>(versions: readonly V[]): [V, V] | null {
  const sorted = [...versions].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length; j++)
      if (overlaps(sorted[i], sorted[j])) return [sorted[i], sorted[j]];
  return null;
}

export interface Succession<V> {
  /** Versions that start on or after the new start: the new version would overlap them (refuse). */
  later: V[];
  /** Versions in force on the new start: they end the day before it (`closeOn`). */
  toClose: V[];
  closeOn: string;
}

/**
 * How a new version starting on `validFrom` follows the existing versions of the same rule: versions
 * follow each other in time, so a new one closes the one in force the day before it starts, and is
 * refused when another version already starts on or after that day.
 */
export function planSuccession<V extends DatedVersion>(
  existing: readonly V[],
  validFrom: string,
): Succession<V> {
  return {
    later: existing
      .filter((v) => v.validFrom >= validFrom)
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
    toClose: existing.filter(
      (v) => v.validFrom < validFrom && (v.validTo === null || v.validTo >= validFrom),
    ),
    closeOn: addDays(validFrom, -1),
  };
}
