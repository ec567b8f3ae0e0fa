import { dutchDate } from '@werkbrug/domain';
import { field, type DtoFieldWords, type FormBody } from '@werkbrug/web';

/** The version the werkmakelaar saw (If-Match), when the form carries one. */
export const versionOf = (body: FormBody) => Number(field(body, 'version')) || undefined;

export const EXTEND_WORDS: DtoFieldWords = {
  plannedEndDate: {
    field: 'plannedEndDate',
    message: 'Vul de nieuwe einddatum in, bijvoorbeeld 1 juni 2027',
  },
};

/** The service's refusals of an extension, on the form's field (PlacementsService.extend). */
export const extendRefusals = (p: { plannedEndDate: string | null }) => ({
  plannedEndDate: p.plannedEndDate
    ? `Kies een datum na de huidige einddatum (${dutchDate(p.plannedEndDate)})`
    : 'Kies een nieuwe einddatum',
});

/** The ending form's answers, as they come back on a refusal. */
export const readEndForm = (body: FormBody) => ({
  outcome: field(body, 'outcome'),
  endedOn: field(body, 'endedOn'),
  contractMonths: field(body, 'contractMonths'),
  contractHours: field(body, 'contractHours'),
});
export type EndForm = ReturnType<typeof readEndForm>;

/** The form as EndPlacementDto's plain input: a contract's length and hours only for a contract. */
export const endInput = (v: EndForm) => ({
  outcome: v.outcome,
  endedOn: v.endedOn,
  ...(v.outcome === 'contract'
    ? {
        contractMonths: Number(v.contractMonths) || undefined,
        contractHours: Number(v.contractHours) || undefined,
      }
    : {}),
});

export const END_WORDS: DtoFieldWords = {
  outcome: { field: 'outcome', message: 'Kies hoe de plaatsing afloopt' },
  endedOn: { field: 'endedOn', message: 'Vul de einddatum in, bijvoorbeeld 1 juni 2027' },
  contractMonths: {
    field: 'contractMonths',
    message: 'Vul het aantal maanden van het contract in (1 tot 600)',
  },
  contractHours: { field: 'contractHours', message: 'Vul 1 tot 40 uur per week in' },
};

/** The service's refusals of an ending, on the form's fields (PlacementsService.end). */
export const END_REFUSALS = {
  endedOn: 'De einddatum kan niet voor de startdatum van de plaatsing liggen',
  contractMonths: 'Vul bij een contract het aantal maanden en de uren per week in',
};

/** The adjust form's answers (start, planned end, hours), as they come back on a refusal. */
export const readAdjustForm = (body: FormBody) => ({
  startDate: field(body, 'startDate'),
  plannedEndDate: field(body, 'plannedEndDate'),
  hoursPerWeek: field(body, 'hoursPerWeek'),
});
export type AdjustForm = ReturnType<typeof readAdjustForm>;

/** The form as AdjustPlacementDto's plain input (an empty end date: the rule's first period). */
export const adjustInput = (v: AdjustForm) => ({
  startDate: v.startDate,
  ...(v.plannedEndDate ? { plannedEndDate: v.plannedEndDate } : {}),
  hoursPerWeek: Number(v.hoursPerWeek),
});

export const ADJUST_WORDS: DtoFieldWords = {
  startDate: {
    field: 'startDate',
    message: 'Vul de eerste werkdag in, bijvoorbeeld 1 december 2026',
  },
  plannedEndDate: {
    field: 'plannedEndDate',
    message: 'Vul de einddatum in, bijvoorbeeld 1 juni 2027, of laat hem leeg',
  },
  hoursPerWeek: { field: 'hoursPerWeek', message: 'Vul 1 tot 40 uur per week in' },
};

/** The phone agreement form: the day of the call and a note. */
export const readPhoneForm = (body: FormBody) => ({
  agreedOn: field(body, 'agreedOn'),
  note: field(body, 'note'),
});
export type PhoneForm = ReturnType<typeof readPhoneForm>;

export const phoneWords = (v: PhoneForm): DtoFieldWords => ({
  agreedOn: {
    field: 'agreedOn',
    message: 'Vul de dag van het gesprek in, bijvoorbeeld 1 december 2026',
  },
  note: {
    field: 'note',
    message: v.note.trim()
      ? 'Schrijf niet meer dan 2000 tekens'
      : 'Schrijf kort wat u met de werkgever afsprak',
  },
});

/** Why a step on a placement did not go through, in the werkmakelaar's words (by problem code). */
export const PLACEMENT_REFUSALS: Record<string, string> = {
  ARRANGEMENT_RULE:
    'Dat is langer dan de regel voor deze vorm toestaat. Kies een eerdere einddatum.',
  STALE_VERSION:
    'Iemand anders heeft de plaatsing net veranderd. Kijk of het nog klopt en probeer het opnieuw.',
  PLACEMENT_ALREADY_CONFIRMED:
    'De werkgever heeft de plaatsing intussen bevestigd. Verlengen of beëindigen kan nog wel.',
  PLACEMENT_NOT_CONFIRMED:
    'De werkgever heeft de plaatsing nog niet bevestigd. Pas de plaatsing aan in plaats van te verlengen.',
  PLACEMENT_ENDED: 'De plaatsing is al beëindigd.',
  NO_FREE_PLACE:
    'Alle plekken op deze werkplek zijn al gevuld. Verhoog eerst het aantal plekken van de werkplek.',
  VALIDATION_FAILED: 'Controleer de datums: de einddatum moet na de eerste werkdag liggen.',
};
export const PLACEMENT_REFUSAL_FALLBACK =
  'Dit lukte niet. Kijk of alles klopt en probeer het opnieuw.';
