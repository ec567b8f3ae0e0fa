import type { TrajectoryOutcome, TrajectoryStatus } from './vocabulary';

/** The status a trajectory gets when it ends with an outcome: only the voortijdig_* outcomes are early endings. */
export const statusForOutcome = (
  outcome: TrajectoryOutcome,
): Exclude<TrajectoryStatus, 'lopend'> =>
  outcome.startsWith('voortijdig_') ? 'voortijdig_beeindigd' : 'afgerond';

/** The rows of the Ferm Werk table; every trajectory lands in exactly one. */
export const TABLE_BUCKETS = [
  'running',
  'werkProefplaatsing',
  'studie',
  'voortijdigNietHaalbaar',
  'voortijdigZelfBeeindigd',
  'voortijdigOverig',
  'participatieVrijwilligerswerk',
  'nietGeleid',
] as const;
export type TableBucket = (typeof TABLE_BUCKETS)[number];

const BUCKET_OF: Record<TrajectoryOutcome, TableBucket> = {
  werk_proefplaatsing: 'werkProefplaatsing',
  studie: 'studie',
  participatie_vrijwilligerswerk: 'participatieVrijwilligerswerk',
  voortijdig_niet_haalbaar: 'voortijdigNietHaalbaar',
  voortijdig_zelf_beeindigd: 'voortijdigZelfBeeindigd',
  voortijdig_overig: 'voortijdigOverig',
  niet_geleid_uitstroom: 'nietGeleid',
};

/**
 * Where a trajectory counts on a report date: still running when it had not ended by then, else its
 * outcome. Switches between forms of work are not an input on purpose: a move back (Simpel Switchen)
 * never makes a trajectory an early ending.
 */
export function classify(
  t: { outcome: TrajectoryOutcome | null; endDate: string | null },
  asOf: string,
): TableBucket {
  return bucketFor(t.outcome, !!t.endDate && t.endDate <= asOf);
}

/** The same rule for a group of trajectories counted together: outcome and whether it had ended by the report date. */
export const bucketFor = (outcome: TrajectoryOutcome | null, endedByReportDate: boolean) =>
  outcome && endedByReportDate ? BUCKET_OF[outcome] : 'running';
