import { addDays, dutchDate, labelOf } from '@werkbrug/domain';
import { OUTCOMES, type PlacementView } from '@werkbrug/placements';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import {
  labelChoices,
  type Choice,
  type ConfirmQuestion,
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

/** Before ending a placement (it cannot be undone): what will happen, with the answers carried on. */
export function endQuestion(
  p: PlacementView,
  answers: Record<string, string>,
  version: number | undefined,
): ConfirmQuestion {
  const who = `Kandidaat ${p.candidate.pseudonym}`;
  return {
    title: `Wilt u de plaatsing van ${who} beëindigen?`,
    consequences: [
      `De plaatsing als ${p.vacancy.title} bij ${p.vacancy.employerName} stopt op ${
        /^\d{4}-\d{2}-\d{2}$/.test(answers.endedOn ?? '')
          ? dutchDate(answers.endedOn ?? '')
          : answers.endedOn
      }.`,
      `Hoe de plaatsing afloopt: ${labelOf('placementOutcome', answers.outcome ?? '')}. Dit telt mee in de rapportages.`,
      'Dit kunt u niet terugdraaien. Gaat de kandidaat later weer aan het werk? Dan maakt u een nieuwe plaatsing.',
    ],
    action: `/werkmakelaar/plaatsingen/${p.id}/beeindigen`,
    hidden: [
      ...Object.entries(answers)
        .filter(([, value]) => value !== '')
        .map(([name, value]) => ({ name, value })),
      ...(version ? [{ name: 'version', value: String(version) }] : []),
    ],
    confirmText: 'Ja, beëindig de plaatsing',
    cancelHref: `/werkmakelaar/plaatsingen/${p.id}`,
    cancelText: 'Nee, de plaatsing loopt door',
    warning: true,
  };
}

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
