import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { DTO_TRANSFORM, DTO_VALIDATION } from '@werkbrug/http';
import type { FormErrors } from './form-errors';
import type { Address } from './problem-words';

/**
 * Where a DTO property's error shows on a form: the input's name and the Dutch message. Keys are the
 * DTO's property paths ('hoursMin', 'location.postcode'); a key may end in '.*' for a whole branch.
 */
export type DtoFieldWords = Record<string, { field: string; message: string }>;

/** Said at a field when the DTO refuses a value the page has no own words for (never the API's English). */
export const GENERIC_FIELD_MESSAGE = 'Controleer wat u hier heeft ingevuld';
/** The same to a candidate, who is spoken to with "je". */
export const GENERIC_FIELD_MESSAGE_JE = 'Controleer wat je hier hebt ingevuld';

function paths(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.keys(e.constraints ?? {}).length ? [path] : [];
    return [...own, ...paths(e.children ?? [], path)];
  });
}

/** The words for a DTO property path: its own, or those of the nearest branch ('location.*'). */
export function wordsFor(path: string, words: DtoFieldWords) {
  if (words[path]) return words[path];
  const parts = path.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const branch = words[`${parts.slice(0, i).join('.')}.*`] ?? words[parts.slice(0, i).join('.')];
    if (branch) return branch;
  }
  return null;
}

/**
 * A page's form goes through the same class-validator DTO as the API: the page builds the DTO's
 * plain input from its fields, this validates it with the API's rules (unknown properties refused),
 * and each refusal becomes the form's own Dutch message at its own field (a refusal without words of
 * its own: "check this", in the reader's form of address). Returns the DTO instance, or null when
 * `errors` got something.
 */
export async function validateAsDto<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
  words: DtoFieldWords,
  errors: FormErrors,
  fallbackField: string,
  address: Address = 'u',
): Promise<T | null> {
  const instance = plainToInstance(dto, input, DTO_TRANSFORM);
  const found = await validate(instance, DTO_VALIDATION);
  for (const path of paths(found)) {
    const w = wordsFor(path, words);
    const generic = address === 'je' ? GENERIC_FIELD_MESSAGE_JE : GENERIC_FIELD_MESSAGE;
    errors.add(w?.field ?? fallbackField, w?.message ?? generic);
  }
  return errors.any ? null : instance;
}
