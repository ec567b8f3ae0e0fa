import { addDays, dutchDate, labelOf } from '@werkbrug/domain';
import { OUTCOMES, type PlacementView } from '@werkbrug/placements';
import { arrangementName } from '@werkbrug/kandidaat-pages';
import {
  DATE,
  labelChoices,
  type Choice,
  type ConfirmQuestion,
  type FormErrors,
  type Pager,
  type PageModel,
} from '@werkbrug/web';

/** A placement with its arrangement, outcome and (while unconfirmed) confirmation in words. */
export type PlacementWithWords = PlacementView & {
  arrangementText: string;
  outcomeText: string | null;
  /** Null once the employer confirmed: only what still waits gets a tag. */
  confirmationText: string | null;
};

export const withPlacementWords = (p: PlacementView): PlacementWithWords => ({
  ...p,
  arrangementText: arrangementName(p.arrangement),
  outcomeText: p.outcome ? labelOf('placementOutcome', p.outcome.outcome) : null,
  confirmationText:
    p.confirmation.status === 'bevestigd'
      ? null
      : labelOf('placementConfirmation', p.confirmation.status),
});

/** Where the employer's confirmation stands, for the placement page and the proposal page. */
export interface ConfirmationWords {
  status: PlacementView['confirmation']['status'];
  /** The status in words, for a tag. */
  text: string;
  tone: 'attention' | 'open';
  /** What it means, or how it was confirmed and by whom (the audit trail in one sentence). */
  sentence: string;
  /** The werkmakelaar's note with a phone agreement. */
  note: string | null;
  /** What the employer asked to change, while it waits for an adjustment. */
  changeRequest: { text: string; on: string } | null;
  /** Running and unconfirmed: adjust and ask again, or record a phone agreement. */
  open: boolean;
}

export function confirmationWords(p: PlacementView): ConfirmationWords {
  const c = p.confirmation;
  const by = c.confirmedBy?.name;
  let sentence: string;
  if (c.status === 'bevestigd') {
    if (c.via === 'telefoon' && c.phoneAgreedOn)
      sentence = `De werkgever gaf telefonisch akkoord op ${dutchDate(c.phoneAgreedOn)}. Vastgelegd door ${by ?? 'een werkmakelaar'}.`;
    else if (c.via === 'werkgever' && c.confirmedAt)
      sentence = `De werkgever heeft de plaatsing bevestigd in Werkbrug op ${DATE.format(new Date(c.confirmedAt))}${by ? ` (${by})` : ''}.`;
    else sentence = 'Bevestigd. Deze plaatsing begon voordat werkgevers in Werkbrug bevestigden.';
  } else if (c.status === 'wijziging_gevraagd')
    sentence =
      'De werkgever vraagt eerst een wijziging. Pas de plaatsing aan: de werkgever krijgt dan opnieuw de vraag om te bevestigen.';
  else
    sentence =
      'De werkgever heeft een e-mail gekregen om de plaatsing te bevestigen. Tot dan telt de plaatsing niet mee en is er geen plek gevuld.';
  return {
    status: c.status,
    text: labelOf('placementConfirmation', c.status),
    tone: c.status === 'bevestigd' ? 'open' : 'attention',
    sentence,
    note: c.note ?? null,
    changeRequest:
      c.status === 'wijziging_gevraagd' && c.changeRequest
        ? {
            text: c.changeRequest,
            on: c.changeRequestedAt ? DATE.format(new Date(c.changeRequestedAt)) : '',
          }
        : null,
    open: p.status === 'lopend' && c.status !== 'bevestigd',
  };
}

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
      p.confirmation.status === 'bevestigd'
        ? 'De plek op de werkplek komt weer vrij.'
        : 'De werkgever had de plaatsing nog niet bevestigd. De vraag om te bevestigen vervalt.',
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

/** The page `werkmakelaar/plaatsing`: one placement, its confirmation, extending and ending it. */
export interface PlacementPageView extends PageModel {
  title: string;
  placement: PlacementWithWords;
  confirmation: ConfirmationWords;
  /** Confirmed and running: extend. (Unconfirmed: adjust and ask the employer again instead.) */
  canExtend: boolean;
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
  confirmation: confirmationWords(p),
  canExtend: p.status === 'lopend' && p.confirmation.status === 'bevestigd',
  outcomeOptions: labelChoices('placementOutcome', OUTCOMES),
  today,
  values,
  errors,
});
