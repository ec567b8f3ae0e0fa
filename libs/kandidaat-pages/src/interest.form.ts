import { field, type DtoFieldWords, type FormBody } from '@werkbrug/web';

/** The interest form's note, as the API's CreateInterestDto takes it (at most 500 characters). */
export const interestInput = (vacancyId: string, body: FormBody): Record<string, unknown> => {
  const note = field(body, 'note').slice(0, 500);
  return { vacancyId, ...(note ? { note } : {}) };
};

export const INTEREST_WORDS: DtoFieldWords = {
  note: { field: 'note', message: 'Schrijf niet meer dan 500 tekens' },
  vacancyId: { field: 'note', message: 'Deze werkplek bestaat niet meer' },
};
