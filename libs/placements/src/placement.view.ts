import { ruleView, type ArrangementRule } from './arrangement-rule.entity';
import type { Placement } from './placement.entity';

export interface PlacementNames {
  pseudonym: string;
  vacancyTitle: string;
  employerName: string;
  lastContactOn: string | null;
}

const base = (p: Placement, n: PlacementNames, rule: ArrangementRule | null) => ({
  id: p.id,
  vacancy: { id: p.vacancyId, title: n.vacancyTitle, employerName: n.employerName },
  arrangement: p.arrangement,
  startDate: p.startDate,
  plannedEndDate: p.plannedEndDate,
  hoursPerWeek: p.hoursPerWeek,
  instruments: p.instruments,
  evaluationDates: p.evaluationDates,
  extensions: p.extensions,
  status: p.status,
  outcome: p.outcome
    ? {
        outcome: p.outcome,
        endedOn: p.endedOn,
        contractMonths: p.outcomeContractMonths,
        contractHours: p.outcomeContractHours,
      }
    : null,
  rule: rule ? ruleView(rule) : null,
  createdAt: p.createdAt.toISOString(),
  updatedAt: p.updatedAt.toISOString(),
  version: p.version,
});

/** Brokers and the candidate: the whole placement. */
export const toPlacementView = (p: Placement, n: PlacementNames, rule: ArrangementRule | null) => ({
  ...base(p, n, rule),
  candidate: { id: p.candidateId, pseudonym: n.pseudonym },
  proposalId: p.proposalId,
  werkmakelaarId: p.werkmakelaarId,
  jobcoach: { userId: p.jobcoachUserId, name: p.jobcoachName },
  lastContactOn: n.lastContactOn,
});

/** The employer: the placement at their workplace, the candidate by pseudonym only. */
export const toEmployerPlacementView = (
  p: Placement,
  n: PlacementNames,
  rule: ArrangementRule | null,
) => ({
  ...base(p, n, rule),
  candidate: { pseudonym: `Kandidaat ${n.pseudonym}` },
  jobcoach: { name: p.jobcoachName },
});

/** The whole placement, as brokers and the candidate see it. */
export type PlacementView = ReturnType<typeof toPlacementView>;
/** The placement as the employer sees it. */
export type EmployerPlacementView = ReturnType<typeof toEmployerPlacementView>;
/** A placement as its reader sees it (list and get answer either, by role). */
export type AnyPlacementView = PlacementView | EmployerPlacementView;
/** Narrows a placement answer to the brokers' and candidate's view (not the employer's). */
export const isPlacementView = (p: AnyPlacementView): p is PlacementView => 'proposalId' in p;
export const isEmployerPlacementView = (p: AnyPlacementView): p is EmployerPlacementView =>
  !isPlacementView(p);

/** The employer's view of a placement; an error when the service answered with another role's view. */
export function employerPlacementView(v: AnyPlacementView): EmployerPlacementView {
  if (!isEmployerPlacementView(v)) throw new Error('Expected the employer view of a placement');
  return v;
}
