import { dutchDate, labelOf, mondayOf, ROUTES } from '@werkbrug/domain';
import {
  DECIDED_BY,
  GOAL_STATUSES,
  TRAJECTORY_OUTCOMES,
  WORK_FORMS,
  type TrajectoryStatus,
  type TrajectorySummaryView,
  type TrajectoryView,
} from '@werkbrug/trajectories';
import { candidateLabel, type CaseloadNames } from './caseload-names';
import {
  field,
  isOneOf,
  labelChoices,
  numberedPager,
  pageNumber,
  type Pager,
  type Choice,
  type FormBody,
  type FormErrors,
  type PageModel,
  type SummaryRow,
} from '@werkbrug/web';

/** The phase of a learn-work track in words: diagnose, a block, or the end. */
export const phaseText = (phase: string, block: number | null) =>
  phase === 'diagnose' ? 'Diagnose' : phase === 'blok' ? `Blok ${block}` : 'Einde bereikt';

/** The trajectory list's query string (Dutch names): a search, which ones, the page. */
export interface TrajectoryListParams {
  zoek?: string;
  welke?: string;
  pagina?: string;
}

/** Which trajectories the list shows: running ones first, ended ones, or all. */
const WHICH = {
  lopend: { text: 'Lopende trajecten', statuses: ['lopend'] },
  afgelopen: { text: 'Afgelopen trajecten', statuses: ['afgerond', 'voortijdig_beeindigd'] },
  alle: { text: 'Alle trajecten', statuses: [] },
} as const satisfies Record<string, { text: string; statuses: readonly TrajectoryStatus[] }>;
type Which = keyof typeof WHICH;

/** Trajectories per page of the list. */
export const TRAJECTORIES_PER_PAGE = 20;

/** The list's filter, checked: anything unknown is the default (running, page 1). */
export function trajectoryListFilter(raw: TrajectoryListParams) {
  const which: Which = isOneOf(Object.keys(WHICH) as Which[], raw.welke ?? '')
    ? (raw.welke as Which)
    : 'lopend';
  return {
    zoek: (typeof raw.zoek === 'string' ? raw.zoek : '').trim().slice(0, 100),
    which,
    statuses: WHICH[which].statuses,
    page: pageNumber(raw.pagina),
  };
}
export type TrajectoryListFilter = ReturnType<typeof trajectoryListFilter>;

/** A trajectory on the list: the candidate by name (own caseload) or pseudonym, codes in words. */
export type TrajectoryListItem = TrajectorySummaryView & {
  who: string;
  named: boolean;
  routeLabel: string;
  formLabel: string;
  statusLabel: string;
  workplace: string | null;
};

/** The page `werkmakelaar/trajecten`: one page of the organisation's trajectories. */
export interface TrajectoryListView extends PageModel {
  title: string;
  values: { zoek: string; welke: string };
  whichOptions: Choice[];
  caption: string;
  found: string;
  items: TrajectoryListItem[];
  pager: Pager;
}

export function trajectoryListView(
  filter: TrajectoryListFilter,
  result: { items: TrajectorySummaryView[]; total: number },
  names: CaseloadNames,
): TrajectoryListView {
  const { total } = result;
  const pages = Math.max(1, Math.ceil(total / TRAJECTORIES_PER_PAGE));
  return {
    title: 'Trajecten',
    values: { zoek: filter.zoek, welke: filter.which },
    whichOptions: Object.entries(WHICH).map(([value, w]) => ({ value, text: w.text })),
    caption: WHICH[filter.which].text,
    found: `${total} ${total === 1 ? 'traject' : 'trajecten'}${
      filter.zoek ? ` gevonden met “${filter.zoek}”` : ''
    }${pages > 1 ? `, pagina ${Math.min(filter.page, pages)} van ${pages}` : ''}.`,
    items: result.items.map((t) => ({
      ...t,
      ...candidateLabel(names, t.candidate),
      routeLabel: labelOf('route', t.route),
      formLabel: t.form ? labelOf('workForm', t.form) : '',
      statusLabel:
        t.status === 'lopend'
          ? 'Loopt'
          : t.outcome
            ? labelOf('trajectoryOutcome', t.outcome)
            : 'Afgelopen',
      workplace: t.formDetails.workplace,
    })),
    pager: numberedPager({
      path: '/werkmakelaar/trajecten',
      anchor: 'lijst',
      label: 'Meer trajecten',
      page: filter.page,
      hasNext: filter.page < pages,
      params: { zoek: filter.zoek, welke: filter.which === 'lopend' ? null : filter.which },
      nextText: 'Meer trajecten',
    }),
  };
}

/** The page `werkmakelaar/traject-nieuw`: open a trajectory for a candidate. */
export interface NewTrajectoryView extends PageModel {
  title: string;
  values: FormBody;
  errors?: FormErrors;
  candidateOptions: Choice[];
  routeOptions: Choice[];
  formOptions: Choice[];
}

export const newTrajectoryView = (
  candidates: { id: string; pseudonym: string }[],
  values: FormBody,
  errors?: FormErrors,
): NewTrajectoryView => ({
  title: 'Traject openen',
  values,
  errors,
  candidateOptions: [
    { value: '', text: 'Kies een kandidaat' },
    ...candidates.map((c) => ({ value: c.id, text: c.pseudonym })),
  ],
  routeOptions: labelChoices('route', ROUTES, 'Kies een route'),
  formOptions: labelChoices('workForm', WORK_FORMS, 'Nog geen vorm'),
});

/** What the trajectory page shows besides the trajectory: a form coming back, or a message. */
export interface TrajectoryExtra {
  errors?: FormErrors;
  hoursValues?: FormBody;
  switchValues?: FormBody;
  goalValues?: FormBody;
}

/** The page `werkmakelaar/traject`: one trajectory with hours, switches and learning goals. */
export interface TrajectoryPageView extends PageModel {
  title: string;
  t: TrajectoryView;
  ended: boolean;
  routeLabel: string;
  formLabel: string;
  summary: SummaryRow[];
  hours: TrajectoryView['hours'];
  phaseText: string | null;
  rule: TrajectoryView['hours']['rule'];
  transitions: (TrajectoryView['transitions'][number] & {
    fromLabel: string;
    toLabel: string;
    decidedByLabel: string;
  })[];
  earlierForms: (TrajectoryView['earlierForms'][number] & { label: string })[];
  goals: (TrajectoryView['goals'][number] & { statusLabel: string; statusOptions: Choice[] })[];
  goalValues: FormBody;
  formOptions: Choice[];
  decidedByOptions: Choice[];
  hoursValues: FormBody;
  switchValues: FormBody;
  errors?: FormErrors;
}

/** A date as posted (YYYY-MM-DD) in words; anything else as it was. */
const dateWords = (iso: string) => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? dutchDate(iso) : iso);

/**
 * The banner after a form on the trajectory page (the form was accepted, so its answers are valid):
 * what was recorded, in words.
 */
export const trajectoryNotice = {
  hours: (body: FormBody) =>
    `De uren zijn geboekt: ${field(body, 'hours')} uur in de week van ${dateWords(field(body, 'weekStart'))}.`,
  switched: (body: FormBody) =>
    `De wissel naar ${labelOf('workForm', field(body, 'toForm')).toLowerCase()} is vastgelegd. Die geldt vanaf ${dateWords(field(body, 'switchedOn'))}.`,
  goal: (body: FormBody) =>
    `Het leerdoel „${field(body, 'description')}” staat in het plan van aanpak.`,
  goalStatus: (status: string) =>
    `De status van het leerdoel is opgeslagen: ${labelOf('goalStatus', status).toLowerCase()}.`,
  closed: (body: FormBody) =>
    `Het traject is afgesloten op ${dateWords(field(body, 'endDate'))}. Uitkomst: ${labelOf('trajectoryOutcomeChoice', field(body, 'outcome'))}.`,
};

export function trajectoryPageView(
  t: TrajectoryView,
  today: string,
  extra: TrajectoryExtra = {},
): TrajectoryPageView {
  const form = (code: string | null | undefined, none: string) =>
    code ? labelOf('workForm', code) : none;
  return {
    title: `Traject ${t.candidate.pseudonym}`,
    t,
    ended: t.status !== 'lopend',
    routeLabel: labelOf('route', t.route),
    formLabel: form(t.form, 'Nog geen vorm'),
    summary: [
      { key: 'Kandidaat', value: t.candidate.pseudonym },
      { key: 'Route', value: labelOf('route', t.route) },
      { key: 'Start', value: dutchDate(t.startDate) },
      { key: 'Woonplaats (gemeente)', value: t.gemeente },
      { key: 'Vorm van werk nu', value: form(t.form, '') },
      { key: 'Jobcoach', value: t.formDetails.jobcoachName ?? '' },
      { key: 'Werkplek', value: t.formDetails.workplace ?? '' },
      {
        key: 'Status',
        value:
          t.status === 'lopend' || !t.endDate ? 'Loopt' : `Afgelopen op ${dutchDate(t.endDate)}`,
      },
    ],
    hours: t.hours,
    phaseText: t.hours.phase ? phaseText(t.hours.phase, t.hours.block) : null,
    rule: t.hours.rule,
    transitions: t.transitions.map((x) => ({
      ...x,
      fromLabel: form(x.fromForm, 'Geen vorm'),
      toLabel: labelOf('workForm', x.toForm),
      decidedByLabel: labelOf('decidedBy', x.decidedBy),
    })),
    earlierForms: t.earlierForms.map((e) => ({ ...e, label: labelOf('workForm', e.form) })),
    goals: t.goals.map((g) => ({
      ...g,
      statusLabel: labelOf('goalStatus', g.status),
      statusOptions: labelChoices('goalStatus', GOAL_STATUSES),
    })),
    goalValues: extra.goalValues ?? {},
    formOptions: labelChoices(
      'workForm',
      WORK_FORMS.filter((f) => f !== t.form),
      'Kies de nieuwe vorm',
    ),
    decidedByOptions: labelChoices('decidedBy', DECIDED_BY),
    hoursValues: extra.hoursValues ?? { weekStart: mondayOf(today) },
    switchValues: extra.switchValues ?? { switchedOn: today, decidedBy: 'samen' },
    errors: extra.errors,
  };
}

/** The page `werkmakelaar/traject-afsluiten`: how it ended and when, with the version seen. */
export interface CloseTrajectoryView extends PageModel {
  title: string;
  t: TrajectoryView;
  values: FormBody;
  errors?: FormErrors;
  outcomeOptions: Choice[];
  movedAwayOptions: Choice[];
}

export const closeTrajectoryView = (
  t: TrajectoryView,
  values: FormBody,
  errors?: FormErrors,
): CloseTrajectoryView => ({
  title: `Traject ${t.candidate.pseudonym} afsluiten`,
  t,
  values: { version: String(t.version), ...values },
  errors,
  outcomeOptions: TRAJECTORY_OUTCOMES.map((value) => {
    const hint = labelOf('trajectoryOutcomeHint', value);
    return {
      value,
      text: labelOf('trajectoryOutcomeChoice', value),
      ...(hint !== value ? { hint } : {}),
    };
  }),
  movedAwayOptions: [{ value: 'ja', text: 'De kandidaat is naar een andere gemeente verhuisd' }],
});
