import type { ProblemException } from '@werkbrug/http';
import {
  addProblem,
  arrangementRuleWords,
  field,
  type DtoFieldWords,
  type FormBody,
  type FormErrors,
} from '@werkbrug/web';

/** CreateProposalDto's words: an empty motivation and a long one are told apart. */
export const proposeWords = (motivation: string): DtoFieldWords => ({
  motivation: {
    field: 'motivation',
    message: motivation ? 'Schrijf niet meer dan 2000 tekens' : 'Schrijf waarom deze werkplek past',
  },
});

export const PROPOSAL_EXISTS_MESSAGE =
  'Er loopt al een voorstel voor deze kandidaat bij deze werkplek';

/** The placement form's answers, as they come back on a refusal. */
export const readPlaceForm = (body: FormBody) => ({
  arrangement: field(body, 'arrangement'),
  startDate: field(body, 'startDate'),
  plannedEndDate: field(body, 'plannedEndDate'),
  hoursPerWeek: field(body, 'hoursPerWeek'),
});
export type PlaceForm = ReturnType<typeof readPlaceForm>;

/** The form as CreatePlacementDto's plain input, after this proposal (an empty end date left out). */
export const placeInput = (proposalId: string, v: PlaceForm) => ({
  proposalId,
  arrangement: v.arrangement,
  startDate: v.startDate,
  ...(v.plannedEndDate ? { plannedEndDate: v.plannedEndDate } : {}),
  hoursPerWeek: Number(v.hoursPerWeek),
});

export const PLACE_WORDS: DtoFieldWords = {
  arrangement: { field: 'arrangement', message: 'Kies de vorm' },
  startDate: { field: 'startDate', message: 'Vul de startdatum in, bijvoorbeeld 1 december 2026' },
  plannedEndDate: {
    field: 'plannedEndDate',
    message: 'Vul de einddatum in, bijvoorbeeld 1 juni 2027, of laat hem leeg',
  },
  hoursPerWeek: { field: 'hoursPerWeek', message: 'Vul 1 tot 40 uur in' },
};

/** The service's refusal of a placement, in words at the field it is about (never the API's text). */
export function placeRefusal(errors: FormErrors, error: ProblemException, v: PlaceForm) {
  if (error.code === 'ARRANGEMENT_RULE')
    return errors.add(
      'plannedEndDate',
      arrangementRuleWords(error, { startDate: v.startDate, phase: 'start' }),
    );
  return addProblem(errors, error, {
    field: 'arrangement',
    words: PLACE_WORDS,
    refusals: {
      plannedEndDate: 'Kies een einddatum na de startdatum, of laat hem leeg',
      arrangement: 'Deze werkplek biedt deze vorm niet. Kies een andere vorm',
    },
  });
}
