import { addDays, addMonths, daysBetween, dutchDate } from './dates';

/**
 * One version of a rule that holds for a period: arrangement limits, trajectory hour limits,
 * instrument rules. Rules and amounts change every year, so they are data with a validity period,
 * and a newer version ends the one before it; past versions are never rewritten. Dates are ISO
 * (yyyy-mm-dd), both ends inclusive. Each table adds its own figures and where they come from
 * (arrangement and trajectory rules a `source` text, instrument rules source URLs and the date
 * someone last checked them).
 *
 * Facts about the period itself belong here, so every rule table gets them alike: the period, and
 * the horizon (`knownUntil`), the last day for which its figures are known to be right.
 */
export interface DatedVersion extends Period {
  /**
   * The last day its figures are known: the day before the next indexation (minimum wage: 1 January
   * or 1 July), else 31 December of its year. Past it, with no successor, an answer is provisional.
   */
  knownUntil: string;
}

/** The period of a version, both ends inclusive: all that succession and overlap need. */
export interface Period {
  /** The first day the version is in force. */
  validFrom: string;
  /** The last day it is in force; null while no newer version has ended it. */
  validTo: string | null;
}

/** Whether the version is in force on the date. */
export const inForce = (v: Period, date: string) =>
  v.validFrom <= date && (v.validTo === null || v.validTo >= date);

/**
 * The version in force on the date among versions of one rule (one arrangement, one organisation's
 * trajectory rule, one instrument in one scope), or null; if periods overlapped, the latest start wins.
 */
export function versionInForce<V extends Period>(versions: readonly V[], date: string): V | null {
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
export const overlaps = (a: Period, b: Period) =>
  (a.validTo === null || a.validTo >= b.validFrom) &&
  (b.validTo === null || b.validTo >= a.validFrom);

/** The first two versions of one rule whose periods overlap, or null when they follow each other. */
export function findOverlap<V extends Period>(versions: readonly V[]): [V, V] | null {
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
export function planSuccession<V extends Period>(
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

// ---- horizons -------------------------------------------------------------------------------

/** Whether a version's figures are known on the date, or only carried on from the last known ones. */
export type FiguresStatus = 'known' | 'provisional';

/** The version that answers for a date, and whether its figures are known then. */
export interface VersionOn<V> {
  version: V;
  status: FiguresStatus;
}

/** Past the version's horizon: the figures are carried on, not known. */
export const isProvisional = (v: DatedVersion, date: string) => date > v.knownUntil;

/**
 * The version that answers for a date: the one in force, marked provisional when the date lies past
 * its knownUntil (a version in force on such a date has no successor covering it: its figures are the
 * last known ones). Null before the first version and after a version that was ended (validTo) with
 * no successor: then the rule itself stopped, which is not a guess.
 */
export function versionOn<V extends DatedVersion>(
  versions: readonly V[],
  date: string,
): VersionOn<V> | null {
  const version = versionInForce(versions, date);
  if (!version) return null;
  return { version, status: isProvisional(version, date) ? 'provisional' : 'known' };
}

/** The day of the next indexation of the minimum wage after a date: 1 January or 1 July. */
export function nextIndexationDate(date: string): string {
  const year = Number(date.slice(0, 4));
  return date < `${year}-07-01` ? `${year}-07-01` : `${year + 1}-01-01`;
}

/**
 * The horizon a new version gets unless someone says otherwise: the day before the next minimum
 * wage indexation for figures that follow it, else 31 December of the year it starts.
 */
export function defaultKnownUntil(validFrom: string, indexed: boolean): string {
  return indexed ? addDays(nextIndexationDate(validFrom), -1) : `${validFrom.slice(0, 4)}-12-31`;
}

/** One part of a period, both ends inclusive. */
export interface PeriodPart {
  from: string;
  to: string;
  /** Days in the part, both ends counted. */
  days: number;
}

/**
 * The days where something about the versions changes: each start, the day after each end, and the
 * day after each horizon. Only those inside (from, to] cut a period.
 */
export function versionBoundaries(versions: readonly DatedVersion[]): string[] {
  const days = new Set<string>();
  for (const v of versions) {
    days.add(v.validFrom);
    if (v.validTo) days.add(addDays(v.validTo, 1));
    days.add(addDays(v.knownUntil, 1));
  }
  return [...days].sort();
}

/** Splits a period at the given first days of new parts (those outside (from, to] are ignored). */
export function splitPeriod(from: string, to: string, cuts: readonly string[]): PeriodPart[] {
  if (to < from) return [];
  const starts = [from, ...[...new Set(cuts)].filter((c) => c > from && c <= to).sort()];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? addDays(starts[i + 1], -1) : to;
    return { from: start, to: end, days: daysBetween(start, end) + 1 };
  });
}

/** A part of a period with the version of one rule that answers for it (null: no version). */
export interface VersionPart<V> extends PeriodPart {
  version: V | null;
  status: FiguresStatus | null;
}

/**
 * A period (a contract from its start to its end) split where the rule changes: at each new version
 * and at the horizon of a version that has no successor yet. Each part carries its version and
 * whether its figures are known or provisional.
 */
export function splitByVersions<V extends DatedVersion>(
  versions: readonly V[],
  from: string,
  to: string,
): VersionPart<V>[] {
  return splitPeriod(from, to, versionBoundaries(versions)).map((part) => {
    const on = versionOn(versions, part.from);
    return { ...part, version: on?.version ?? null, status: on?.status ?? null };
  });
}

/** The last day of a contract of whole months from its first day (12 months from 1-1 ends 31-12). */
export const contractEnd = (start: string, months: number) => addDays(addMonths(start, months), -1);

/**
 * Why an answer is provisional, in Dutch: "De bedragen voor 2027 zijn nog niet ingevoerd; dit is
 * berekend met die van 2026." Within one year (a 1 July indexation) it names the day instead.
 */
export function provisionalReason(date: string, knownUntil: string): string {
  const year = date.slice(0, 4);
  const knownYear = knownUntil.slice(0, 4);
  if (year !== knownYear)
    return `De bedragen voor ${year} zijn nog niet ingevoerd; dit is berekend met die van ${knownYear}.`;
  return `De bedragen vanaf ${dutchDate(addDays(knownUntil, 1))} zijn nog niet ingevoerd; dit is berekend met die van daarvoor.`;
}

/** A rule version whose horizon comes near (or has passed) with no successor: someone must act. */
export const runsOutWithin = (v: DatedVersion, on: string, days: number) =>
  v.validTo === null && daysBetween(on, v.knownUntil) <= days;

/** The kinds of dated rules: each table of rule versions. */
export const RULE_KINDS = ['instrument', 'arrangement', 'trajectory'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** How many days before its horizon a rule without successor is listed and mailed about. */
export const HORIZON_NOTICE_DAYS = 45;

/** A rule version whose horizon is near or past, with no successor: the administrators must act. */
export interface RunningOutRule {
  kind: RuleKind;
  id: string;
  /** The rule in Dutch words ("Wettelijk minimumloon", "Proefplaatsing", "Uren bij Ferm Werk"). */
  name: string;
  validFrom: string;
  knownUntil: string;
}
