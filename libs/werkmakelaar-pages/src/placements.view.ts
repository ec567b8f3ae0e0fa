import { addDays, labelOf } from '@werkbrug/domain';
import { OUTCOMES, type PlacementView } from '@werkbrug/placements';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import {
  labelChoices,
  numberedPager,
  type Choice,
  type FormErrors,
  type Pager,
  type PageModel,
} from '@werkbrug/web';
import { candidateLabel, type CaseloadNames } from './caseload-names';

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

/** Running placements (not ending soon) shown at a time; `?pagina=` goes on. */
export const RUNNING_PER_PAGE = 20;

/** A placement on the list: the candidate by name (own caseload) or pseudonym. */
export type PlacementListItem = PlacementWithWords & { who: string; named: boolean };

/** The page `werkmakelaar/plaatsingen`: ending soon, running, and the ended ones paged. */
export interface PlacementListView extends PageModel {
  title: string;
  values: { zoek: string };
  ending: PlacementListItem[];
  running: PlacementListItem[];
  runningCount: number;
  runningPager: Pager;
  ended: PlacementListItem[];
  endedPager: Pager;
}

/** The list's search and the page of running placements (`?zoek=`, `?pagina=`). */
export interface PlacementListOptions {
  names?: CaseloadNames;
  zoek?: string;
  runningPage?: number;
}

/** Ending within 14 days of `today` goes on top, all of them; the other running ones are paged. */
export function placementListView(
  running: PlacementView[],
  ended: PlacementView[],
  endedPager: Pager,
  today: string,
  options: PlacementListOptions = {},
): PlacementListView {
  const soon = addDays(today, 14);
  const names = options.names ?? new Map<string, string>();
  const item = (p: PlacementView): PlacementListItem => ({
    ...withPlacementWords(p),
    ...candidateLabel(names, p.candidate),
  });
  const later = running.filter((p) => !p.plannedEndDate || p.plannedEndDate > soon);
  const pages = Math.max(1, Math.ceil(later.length / RUNNING_PER_PAGE));
  const page = Math.min(options.runningPage ?? 1, pages);
  return {
    title: 'Plaatsingen',
    values: { zoek: options.zoek ?? '' },
    ending: running.filter((p) => p.plannedEndDate && p.plannedEndDate <= soon).map(item),
    running: later.slice((page - 1) * RUNNING_PER_PAGE, page * RUNNING_PER_PAGE).map(item),
    runningCount: later.length,
    runningPager: numberedPager({
      path: '/werkmakelaar/plaatsingen',
      anchor: 'lopend',
      label: 'Lopende plaatsingen',
      page,
      hasNext: page < pages,
      params: { zoek: options.zoek },
      nextText: 'Meer lopende plaatsingen',
      prevText: 'Vorige',
    }),
    ended: ended.map(item),
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
