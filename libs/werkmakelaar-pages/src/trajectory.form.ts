import { field, fieldList, type DtoFieldWords, type FormBody } from '@werkbrug/web';

const optional = (v: string) => v || undefined;
/** The version the werkmakelaar saw, when the form carries a real one. */
export const versionOf = (body: FormBody) => {
  const version = Number(field(body, 'version'));
  return Number.isInteger(version) && version > 0 ? version : undefined;
};

const JOBCOACH = 'Vul een kortere naam in (hoogstens 120 tekens).';
const WORKPLACE = 'Vul een kortere werkplek in (hoogstens 200 tekens).';

/** Opening a trajectory: CreateTrajectoryDto's plain input and words. */
export const openInput = (body: FormBody) => ({
  candidateId: field(body, 'candidateId'),
  route: field(body, 'route'),
  startDate: field(body, 'startDate'),
  form: optional(field(body, 'form')),
  jobcoachName: optional(field(body, 'jobcoachName')),
  workplace: optional(field(body, 'workplace')),
});
export const openWords = (body: FormBody): DtoFieldWords => ({
  candidateId: {
    field: 'candidateId',
    message: field(body, 'candidateId')
      ? 'Kies een kandidaat van uw organisatie.'
      : 'Kies de kandidaat.',
  },
  route: { field: 'route', message: 'Kies de route.' },
  startDate: { field: 'startDate', message: 'Vul de startdatum in, bijvoorbeeld 1 december 2026.' },
  form: { field: 'form', message: 'Kies een vorm uit de lijst.' },
  jobcoachName: { field: 'jobcoachName', message: JOBCOACH },
  workplace: { field: 'workplace', message: WORKPLACE },
});
/** The service's refusals of an opening, per field. */
export const OPEN_REFUSALS = {
  candidateId: 'Kies een kandidaat van uw organisatie.',
  startDate: 'Vul een geldige startdatum in.',
  jobcoachName: JOBCOACH,
  workplace: WORKPLACE,
};

/** Hours of one week: LogHoursDto's plain input (a decimal comma allowed) and words. */
export const hoursInput = (body: FormBody) => ({
  weekStart: field(body, 'weekStart'),
  hours: Number(field(body, 'hours').replace(',', '.')),
  overrideReason: optional(field(body, 'overrideReason')),
});
export const HOURS_WORDS: DtoFieldWords = {
  weekStart: {
    field: 'weekStart',
    message: 'Vul de maandag van de week in, bijvoorbeeld 23 november 2026.',
  },
  hours: {
    field: 'hours',
    message: 'Vul een aantal uren in tussen 0,5 en 80 (hoogstens één cijfer achter de komma).',
  },
  overrideReason: {
    field: 'overrideReason',
    message: 'Schrijf in een paar woorden waarom (minstens 3 tekens).',
  },
};
export const HOURS_REFUSALS = {
  weekStart: 'Kies de maandag van een week die al begonnen is, niet voor de start van het traject.',
  hours: 'Vul een aantal uren in tussen 0,5 en 80.',
  overrideReason: 'Schrijf in een paar woorden waarom (minstens 3 tekens).',
};

/** A switch to another form of work: CreateTransitionDto's plain input and words. */
export const switchInput = (body: FormBody) => ({
  toForm: field(body, 'toForm'),
  switchedOn: field(body, 'switchedOn'),
  reason: field(body, 'reason'),
  decidedBy: field(body, 'decidedBy'),
  jobcoachName: optional(field(body, 'jobcoachName')),
  workplace: optional(field(body, 'workplace')),
});
export const switchWords = (body: FormBody): DtoFieldWords => ({
  toForm: { field: 'toForm', message: 'Kies de nieuwe vorm van werk.' },
  switchedOn: {
    field: 'switchedOn',
    message: 'Vul de datum van de wissel in, bijvoorbeeld 1 december 2026.',
  },
  reason: {
    field: 'reason',
    message: field(body, 'reason')
      ? 'Schrijf de reden korter op (hoogstens 1000 tekens).'
      : 'Schrijf kort op waarom de kandidaat wisselt.',
  },
  decidedBy: { field: 'decidedBy', message: 'Kies wie besliste.' },
  jobcoachName: { field: 'jobcoachName', message: JOBCOACH },
  workplace: { field: 'workplace', message: WORKPLACE },
});
export const SWITCH_REFUSALS = {
  toForm: 'Kies een andere vorm dan de vorm van nu.',
  switchedOn: 'Kies een datum na de start van het traject en na de vorige wissel.',
  reason: 'Schrijf de reden korter op (hoogstens 1000 tekens).',
  jobcoachName: JOBCOACH,
  workplace: WORKPLACE,
};

/** A learning goal: CreateGoalDto's plain input and words. */
export const goalInput = (body: FormBody) => ({
  description: field(body, 'description'),
  evaluationDate: optional(field(body, 'evaluationDate')),
});
export const goalWords = (body: FormBody): DtoFieldWords => ({
  description: {
    field: 'description',
    message: field(body, 'description')
      ? 'Schrijf het leerdoel korter op (hoogstens 500 tekens).'
      : 'Schrijf het leerdoel op.',
  },
  evaluationDate: {
    field: 'evaluationDate',
    message: 'Vul een datum in, bijvoorbeeld 15 januari 2027, of laat het leeg.',
  },
});
export const GOAL_REFUSALS = {
  description: 'Schrijf het leerdoel korter op (hoogstens 500 tekens).',
  evaluationDate: 'Vul een geldige datum in.',
};

/** A learning goal's status: UpdateGoalDto's plain input and words (the field is per goal). */
export const goalStatusInput = (body: FormBody, goalId: string) => ({
  status: field(body, `status-${goalId}`),
  version: versionOf(body),
});
export const goalStatusWords = (goalId: string): DtoFieldWords => ({
  status: { field: `status-${goalId}`, message: 'Kies een status uit de lijst.' },
});
export const GOAL_STALE =
  'Iemand anders heeft dit leerdoel net gewijzigd. Bekijk de status van nu en kies opnieuw.';

/** Closing: EndTrajectoryDto's plain input and words. */
export const closeInput = (body: FormBody) => ({
  outcome: field(body, 'outcome'),
  endDate: field(body, 'endDate'),
  movedAway: fieldList(body, 'movedAway').includes('ja'),
  note: optional(field(body, 'note')),
  version: versionOf(body),
});
export const CLOSE_WORDS: DtoFieldWords = {
  outcome: { field: 'outcome', message: 'Kies hoe het traject eindigde.' },
  endDate: { field: 'endDate', message: 'Vul de einddatum in, bijvoorbeeld 1 december 2026.' },
  note: { field: 'note', message: 'Schrijf de toelichting korter op (hoogstens 2000 tekens).' },
};
export const CLOSE_REFUSALS = {
  endDate: 'Kies een einddatum op of na de start van het traject.',
  note: 'Schrijf de toelichting korter op (hoogstens 2000 tekens).',
};
export const CLOSE_STALE =
  'Iemand anders heeft dit traject net gewijzigd. Bekijk het traject opnieuw voordat u het afsluit.';
