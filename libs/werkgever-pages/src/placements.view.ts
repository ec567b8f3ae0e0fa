import { DATE, type FormErrors, type PageModel, type Pager } from '@werkbrug/web';
import { dutchDate, labelOf } from '@werkbrug/domain';
import type { EmployerPlacementView } from '@werkbrug/placements';

export type PlacementRow = EmployerPlacementView & { instrumentWords: string; outcomeText: string };

export const toPlacementRow = (p: EmployerPlacementView): PlacementRow => ({
  ...p,
  instrumentWords: p.instruments.map((i) => labelOf('instrument', i)).join(', '),
  outcomeText: p.outcome ? labelOf('placementOutcomeForEmployer', p.outcome.outcome) : '',
});

/** Where the employer's confirmation stands, as a tag on the list and the placement page. */
export const CONFIRMATION_TAGS: Record<string, { text: string; tone: string }> = {
  te_bevestigen: { text: 'Te bevestigen', tone: 'attention' },
  wijziging_gevraagd: { text: 'U vroeg een wijziging', tone: 'neutral' },
  bevestigd: { text: 'Bevestigd', tone: 'open' },
};

/** A placement that waits for the employer, with its tag. */
export type ToConfirmRow = PlacementRow & { tag: { text: string; tone: string } };

/** werkgever/plaatsingen: what waits for a confirmation first, running placements, and ended ones (paged). */
export interface PlaatsingenView extends PageModel {
  toConfirm: ToConfirmRow[];
  running: PlacementRow[];
  ended: PlacementRow[];
  endedPager: Pager;
}

export const toPlaatsingenView = (
  running: EmployerPlacementView[],
  ended: EmployerPlacementView[],
  endedPager: Pager,
  toConfirm: EmployerPlacementView[] = [],
): PlaatsingenView => ({
  title: 'Plaatsingen',
  toConfirm: toConfirm.map((p) => ({
    ...toPlacementRow(p),
    tag: CONFIRMATION_TAGS[p.confirmation.status] ?? CONFIRMATION_TAGS.te_bevestigen,
  })),
  running: running.map(toPlacementRow),
  ended: ended.map(toPlacementRow),
  endedPager,
});

/** The change request form's answer, as it comes back on a refusal. */
export interface ChangeRequestValues {
  note: string;
}

/** werkgever/plaatsing: one placement; while unconfirmed, "Klopt dit?" with confirm and ask-a-change. */
export interface PlaatsingView extends PageModel {
  placement: EmployerPlacementView;
  rows: { key: string; value: string }[];
  tag: { text: string; tone: string };
  /** Running and not yet confirmed: the two forms show. */
  canConfirm: boolean;
  /** The change the employer asked, while the werkmakelaar has not adjusted the placement yet. */
  changeRequest: { text: string; on: string } | null;
  /** How the placement was confirmed, in one sentence (null while unconfirmed). */
  confirmedText: string | null;
  values: ChangeRequestValues;
  errors: FormErrors | null;
}

/** The facts the employer confirms: workplace, arrangement in words, dates, hours, jobcoach, instruments. */
export function placementFacts(p: EmployerPlacementView): { key: string; value: string }[] {
  const hint = labelOf('arrangementHint', p.arrangement);
  const arrangement = labelOf('arrangement', p.arrangement);
  return [
    { key: 'Kandidaat', value: p.candidate.pseudonym },
    { key: 'Werkplek', value: p.vacancy.title },
    { key: 'Vorm', value: hint === p.arrangement ? arrangement : `${arrangement}. ${hint}` },
    { key: 'Eerste werkdag', value: dutchDate(p.startDate) },
    {
      key: 'Tot',
      value: p.plannedEndDate ? dutchDate(p.plannedEndDate) : 'Geen einddatum afgesproken',
    },
    { key: 'Uren per week', value: `${p.hoursPerWeek} uur` },
    { key: 'Jobcoach', value: p.jobcoach.name ?? 'Geen jobcoach' },
    {
      key: 'Regelingen',
      value: !p.instrumentsShared
        ? 'De kandidaat deelt de regelingen niet met u'
        : p.instruments.length
          ? p.instruments.map((i) => labelOf('instrument', i)).join(', ')
          : 'Geen regelingen afgesproken',
    },
  ];
}

/** "U heeft de plaatsing bevestigd op 7 december 2026." or the phone agreement the werkmakelaar recorded. */
export function confirmedSentence(c: EmployerPlacementView['confirmation']): string | null {
  if (c.status !== 'bevestigd') return null;
  if (c.via === 'telefoon' && c.phoneAgreedOn)
    return `U heeft op ${dutchDate(c.phoneAgreedOn)} telefonisch met de werkmakelaar afgesproken dat de plaatsing doorgaat.`;
  if (c.via === 'werkgever' && c.confirmedAt)
    return `De plaatsing is bevestigd in Werkbrug op ${DATE.format(new Date(c.confirmedAt))}.`;
  return 'De plaatsing is bevestigd.';
}

export function toPlaatsingView(
  p: EmployerPlacementView,
  values: ChangeRequestValues = { note: '' },
  errors: FormErrors | null = null,
): PlaatsingView {
  const c = p.confirmation;
  return {
    title: `${p.candidate.pseudonym} bij ${p.vacancy.title}`,
    placement: p,
    rows: placementFacts(p),
    tag: CONFIRMATION_TAGS[c.status] ?? CONFIRMATION_TAGS.te_bevestigen,
    canConfirm: p.status === 'lopend' && c.status !== 'bevestigd',
    changeRequest:
      c.status === 'wijziging_gevraagd' && c.changeRequest
        ? {
            text: c.changeRequest,
            on: c.changeRequestedAt ? DATE.format(new Date(c.changeRequestedAt)) : '',
          }
        : null,
    confirmedText: confirmedSentence(c),
    values,
    errors,
  };
}
