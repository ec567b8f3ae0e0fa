import { ruleView, type ArrangementRule } from './arrangement-rule.entity';
import type { Placement } from './placement.entity';

export interface PlacementNames {
  pseudonym: string;
  vacancyTitle: string;
  employerName: string;
  lastContactOn: string | null;
  /** Who confirmed or recorded the agreement (brokers only see the name). */
  confirmedByName: string | null;
  /** The candidate shared the financieel CV with the employer on the proposal (consent not withdrawn). */
  instrumentsShared: boolean;
}

/** Whether the employer agreed, and how; what they asked to change while they have not. */
const confirmationOf = (p: Placement) => ({
  status: p.confirmation,
  confirmedAt: p.confirmedAt?.toISOString() ?? null,
  via: p.confirmedVia,
  phoneAgreedOn: p.phoneAgreedOn,
  changeRequest: p.changeRequest,
  changeRequestedAt: p.changeRequestedAt?.toISOString() ?? null,
});

const base = (p: Placement, n: PlacementNames, rule: ArrangementRule | null) => ({
  id: p.id,
  vacancy: { id: p.vacancyId, title: n.vacancyTitle, employerName: n.employerName },
  arrangement: p.arrangement,
  startDate: p.startDate,
  plannedEndDate: p.plannedEndDate,
  hoursPerWeek: p.hoursPerWeek,
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
  instruments: p.instruments,
  confirmation: {
    ...confirmationOf(p),
    confirmedBy: p.confirmedByUserId
      ? { userId: p.confirmedByUserId, name: n.confirmedByName }
      : null,
    note: p.confirmationNote,
  },
  candidate: { id: p.candidateId, pseudonym: n.pseudonym },
  proposalId: p.proposalId,
  werkmakelaarId: p.werkmakelaarId,
  jobcoach: { userId: p.jobcoachUserId, name: p.jobcoachName },
  lastContactOn: n.lastContactOn,
});

/**
 * The employer: the placement at their workplace, the candidate by pseudonym only. The agreed
 * instruments only when the candidate shared the financieel CV with them (they say something about
 * the candidate's benefit and wage value); the werkmakelaar's notes and name never.
 */
export const toEmployerPlacementView = (
  p: Placement,
  n: PlacementNames,
  rule: ArrangementRule | null,
) => ({
  ...base(p, n, rule),
  instruments: n.instrumentsShared ? p.instruments : [],
  /** False: the candidate did not share them (whether there are any is not said either). */
  instrumentsShared: n.instrumentsShared,
  confirmation: confirmationOf(p),
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
