import { ARRANGEMENTS, LABELS } from '@werkbrug/domain';

export const TRAJECTORY_STATUSES = ['lopend', 'afgerond', 'voortijdig_beeindigd'] as const;
export type TrajectoryStatus = (typeof TRAJECTORY_STATUSES)[number];

/** How a trajectory ends: the same list the outcome reports (the Ferm Werk table) use. */
export const TRAJECTORY_OUTCOMES = [
  'werk_proefplaatsing',
  'studie',
  'participatie_vrijwilligerswerk',
  'voortijdig_niet_haalbaar',
  'voortijdig_zelf_beeindigd',
  'voortijdig_overig',
  'niet_geleid_uitstroom',
] as const;
export type TrajectoryOutcome = (typeof TRAJECTORY_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<TrajectoryOutcome, string> = LABELS.trajectoryOutcome;

/**
 * Forms of work a person can switch between (Simpel Switchen): arbeidsmatige dagbesteding plus every
 * arrangement (beschut werk, werkervaringsplaats, leerwerkbaan, detachering, regulier ...).
 */
export const WORK_FORMS = ['arbeidsmatige_dagbesteding', ...ARRANGEMENTS] as const;
export type WorkForm = (typeof WORK_FORMS)[number];

export const DECIDED_BY = ['kandidaat', 'werkmakelaar', 'samen', 'werkgever', 'team'] as const;
export type DecidedBy = (typeof DECIDED_BY)[number];

export const GOAL_STATUSES = ['open', 'bezig', 'behaald', 'niet_behaald', 'vervallen'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
/** Goals still being worked on: only these get an evaluation reminder. */
export const ACTIVE_GOAL_STATUSES: readonly GoalStatus[] = ['open', 'bezig'];

export const LADDER_RUNGS = [1, 2, 3, 4, 5, 6] as const;
export const LADDER_LABELS: Record<number, string> = LABELS.ladderRung;
