import type { EmployerProposalView } from '@werkbrug/proposals';
import type { VacancyView } from '@werkbrug/vacancies';
import { hiddenOf, type FormErrors, type HiddenField, type PageModel } from '@werkbrug/web';
import {
  workplaceOptions,
  workplaceSummary,
  type EmployerLocationOption,
  type WorkplaceValues,
} from './workplace.form';

/** The banner after an action on a workplace, naming it. */
export const workplaceNotice = (
  done: 'gepubliceerd' | 'opgeslagen' | 'gepauzeerd' | 'heropend' | 'gesloten',
  title: string,
): string =>
  ({
    gepubliceerd: `Uw werkplek ${title} staat online. Werkmakelaars kunnen nu kandidaten voorstellen.`,
    opgeslagen: `De wijzigingen in ${title} zijn opgeslagen.`,
    gepauzeerd: `De werkplek ${title} is gepauzeerd. Er komen geen nieuwe voorstellen.`,
    heropend: `De werkplek ${title} staat weer open. Werkmakelaars kunnen weer kandidaten voorstellen.`,
    gesloten: `De werkplek ${title} is gesloten. Er komen geen nieuwe voorstellen.`,
  })[done];

export interface WerksoortOption {
  code: string;
  name: string;
}
export type SummaryRow = ReturnType<typeof workplaceSummary>[number];

const namesOf = (werksoorten: readonly WerksoortOption[]) =>
  Object.fromEntries(werksoorten.map((w) => [w.code, w.name]));

/** werkgever/werkplekken: every workplace of the employer, newest first. */
export interface WerkplekkenView extends PageModel {
  workplaces: VacancyView[];
}

export const toWerkplekkenView = (workplaces: VacancyView[]): WerkplekkenView => ({
  title: 'Werkplekken',
  workplaces,
});

/** What the form shows besides its options: the answers, errors, and which workplace it edits. */
export interface WorkplaceFormState {
  values: WorkplaceValues;
  errors?: FormErrors | null;
  id?: string;
  version?: number;
  focusField?: string;
  staleNotice?: boolean;
}

/** werkgever/werkplek-formulier: a new workplace, or changes to one (`id`). */
export interface WerkplekFormulierView extends PageModel, WorkplaceFormState {
  action: string;
  back: string;
  options: ReturnType<typeof workplaceOptions>;
}

export function toWerkplekFormulierView(
  state: WorkplaceFormState,
  werksoorten: WerksoortOption[],
  locations: readonly EmployerLocationOption[],
): WerkplekFormulierView {
  return {
    title: state.id ? 'Werkplek wijzigen' : 'Nieuwe werkplek aanbieden',
    action: state.id
      ? `/werkgever/werkplekken/${state.id}/wijzigen`
      : '/werkgever/werkplekken/nieuw',
    back: state.id ? `/werkgever/werkplekken/${state.id}` : '/werkgever/werkplekken',
    options: workplaceOptions(werksoorten, locations),
    ...state,
  };
}

/** werkgever/werkplek-controle: check your answers before publishing or saving. */
export interface WerkplekControleView extends PageModel {
  rows: SummaryRow[];
  hidden: HiddenField[];
  changeAction: string;
  submitAction: string;
  submitText: string;
  isNew: boolean;
}

export function toWerkplekControleView(
  values: WorkplaceValues,
  target: { id?: string; version?: number },
  werksoorten: readonly WerksoortOption[],
  locations: readonly EmployerLocationOption[],
): WerkplekControleView {
  const base = target.id ? `/werkgever/werkplekken/${target.id}` : '/werkgever/werkplekken/nieuw';
  return {
    title: 'Controleer uw werkplek',
    rows: workplaceSummary(values, namesOf(werksoorten), locations),
    hidden: [
      ...hiddenOf(values),
      ...(target.version ? [{ name: 'version', value: String(target.version) }] : []),
    ],
    changeAction: target.id ? `${base}/wijzigen` : base,
    submitAction: target.id ? `${base}/opslaan` : `${base}/publiceren`,
    submitText: target.id ? 'Wijzigingen opslaan' : 'Werkplek publiceren',
    isNew: !target.id,
  };
}

/** werkgever/werkplek: one workplace, its answers, its proposals and the status buttons. */
export interface WerkplekView extends PageModel {
  workplace: VacancyView;
  rows: SummaryRow[];
  proposals: EmployerProposalView[];
  staleNotice: boolean;
  canPause: boolean;
  canReopen: boolean;
  canClose: boolean;
}

export function toWerkplekView(
  workplace: VacancyView,
  values: WorkplaceValues,
  proposals: EmployerProposalView[],
  werksoorten: readonly WerksoortOption[],
  locations: readonly EmployerLocationOption[],
  notice: { staleNotice: boolean },
): WerkplekView {
  const v = workplace;
  // A workplace at a location that was since removed still shows where it is.
  const rows = workplaceSummary(values, namesOf(werksoorten), locations).map((r) =>
    r.changeField === 'location' && !r.value
      ? {
          ...r,
          value: [v.location.address, `${v.location.postcode} ${v.location.place}`]
            .filter(Boolean)
            .join(', '),
        }
      : r,
  );
  return {
    title: v.title,
    workplace: v,
    rows,
    proposals,
    staleNotice: notice.staleNotice,
    canPause: v.status === 'open' || v.status === 'filled',
    canReopen: v.status === 'paused' || v.status === 'closed',
    canClose: v.status !== 'closed',
  };
}
