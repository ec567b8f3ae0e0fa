import { addDays, labelOf } from '@werkbrug/domain';
import { OUTCOMES, type PlacementView } from '@werkbrug/placements';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import {
  labelChoices,
  type Choice,
  type FormErrors,
  type Pager,
  type PageModel,
} from '@werkbrug/web';

/** A placement with its arrangement and outcome in words, for the list and the placement page. */
export type PlacementWithWords = PlacementView & {
  arrangementText: string;
  outcomeText: string | null;
};

export const withPlacementWords = (p: PlacementView): PlacementWithWords => ({
  ...p,
  arrangementText: arrangementName(p.arrangement),
  outcomeText: p.outcome ? labelOf('placementOutcome', p.outcome.outcome) : null,
});

/** The page `werkmakelaar/plaatsingen`: ending soon, running, and the ended ones paged. */
export interface PlacementListView extends PageModel {
  title: string;
  ending: PlacementWithWords[];
  running: PlacementWithWords[];
  ended: PlacementWithWords[];
  endedPager: Pager;
}

/** Ending within 14 days of `today` goes on top. */
export function placementListView(
  running: PlacementView[],
  ended: PlacementView[],
  endedPager: Pager,
  today: string,
): PlacementListView {
  const soon = addDays(today, 14);
  return {
    title: 'Plaatsingen',
    ending: running
      .filter((p) => p.plannedEndDate && p.plannedEndDate <= soon)
      .map(withPlacementWords),
    running: running
      .filter((p) => !p.plannedEndDate || p.plannedEndDate > soon)
      .map(withPlacementWords),
    ended: ended.map(withPlacementWords),
    endedPager,
  };
}

/** The page `werkmakelaar/plaatsing`: one placement, extending and ending it. */
export interface PlacementPageView extends PageModel {
  title: string;
  placement: PlacementWithWords;
  outcomeOptions: Choice[];
  today: string;
  values: Record<string, string>;
  errors: FormErrors | null;
}

export const placementPageView = (
  p: PlacementView,
  today: string,
  values: Record<string, string>,
  errors: FormErrors | null,
): PlacementPageView => ({
  title: `Plaatsing bij ${p.vacancy.employerName}`,
  placement: withPlacementWords(p),
  outcomeOptions: labelChoices('placementOutcome', OUTCOMES),
  today,
  values,
  errors,
});
