import type { EmployerPlacementView } from '@werkbrug/placements';
import type { EmployerProposalView } from '@werkbrug/proposals';
import type { VacancyView } from '@werkbrug/vacancies';
import type { PageModel } from '@werkbrug/web';

/** werkgever (start): what waits for an answer, what runs, and the workplaces by status. */
export interface StartView extends PageModel {
  waiting: EmployerProposalView[];
  waitingCount: number;
  running: EmployerPlacementView[];
  runningCount: number;
  /** Placements that wait for the employer's confirmation (the first ten). */
  toConfirm: EmployerPlacementView[];
  toConfirmCount: number;
  open: VacancyView[];
  paused: VacancyView[];
  filled: VacancyView[];
  openCount: number;
  pausedCount: number;
  filledCount: number;
  hasWorkplaces: boolean;
}

export function toStartView(
  waiting: EmployerProposalView[],
  running: EmployerPlacementView[],
  counts: {
    proposals: Record<string, number>;
    placements: Record<string, number>;
    placementsToConfirm?: number;
  },
  workplaces: VacancyView[],
  toConfirm: EmployerPlacementView[] = [],
): StartView {
  const toConfirmCount = counts.placementsToConfirm ?? 0;
  const byStatus = (s: string) => workplaces.filter((v) => v.status === s);
  return {
    title: 'Start',
    waiting,
    waitingCount: counts.proposals.wacht_op_werkgever ?? 0,
    running,
    // Running: what the employer confirmed; the rest waits for them.
    runningCount: (counts.placements.lopend ?? 0) - toConfirmCount,
    toConfirm,
    toConfirmCount,
    moreToConfirm: toConfirmCount > toConfirm.length,
    open: byStatus('open').slice(0, 10),
    paused: byStatus('paused').slice(0, 10),
    filled: byStatus('filled').slice(0, 10),
    openCount: byStatus('open').length,
    pausedCount: byStatus('paused').length,
    filledCount: byStatus('filled').length,
    hasWorkplaces: workplaces.length > 0,
  };
}
