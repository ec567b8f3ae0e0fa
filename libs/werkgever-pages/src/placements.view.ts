import { labelOf } from '@werkbrug/domain';
import type { EmployerPlacementView } from '@werkbrug/placements';
import type { PageModel, Pager } from '@werkbrug/web';

export type PlacementRow = EmployerPlacementView & { instrumentWords: string; outcomeText: string };

export const toPlacementRow = (p: EmployerPlacementView): PlacementRow => ({
  ...p,
  instrumentWords: p.instruments.map((i) => labelOf('instrument', i)).join(', '),
  outcomeText: p.outcome ? labelOf('placementOutcomeForEmployer', p.outcome.outcome) : '',
});

/** werkgever/plaatsingen: running placements, and ended ones (paged). */
export interface PlaatsingenView extends PageModel {
  running: PlacementRow[];
  ended: PlacementRow[];
  endedPager: Pager;
}

export const toPlaatsingenView = (
  running: EmployerPlacementView[],
  ended: EmployerPlacementView[],
  endedPager: Pager,
): PlaatsingenView => ({
  title: 'Plaatsingen',
  running: running.map(toPlacementRow),
  ended: ended.map(toPlacementRow),
  endedPager,
});
