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
