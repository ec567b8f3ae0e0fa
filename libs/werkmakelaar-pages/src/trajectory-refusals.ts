import { ProblemException } from '@werkbrug/http';
import { validateAsDto, type DtoFieldWords, type FormErrors } from '@werkbrug/web';
import type { ClassConstructor } from 'class-transformer';

/** Service refusals in plain Dutch, on the field they are about. */
export function errorsFrom(
  problem: ProblemException,
  errors: FormErrors,
  fields: Record<string, string>,
) {
  const doc = problem.problem;
  // Only these refusals have a field to show; every other code falls through to the field errors
  // (an if chain, not a switch, because the closed code list is far wider than what a form can explain).
  if (doc.code === 'HOUR_LIMIT')
    return errors.add(
      'overrideReason',
      `Met deze uren komt het traject boven de grens van ${String(doc.limit)} uur. Schrijf op waarom dat toch nodig is, of boek minder uren.`,
    );
  if (doc.code === 'HOURS_ALREADY_LOGGED')
    return errors.add('weekStart', 'Voor deze week zijn al uren geboekt.');
  if (doc.code === 'TRAJECTORY_OVERLAP')
    return errors.add('route', 'Deze kandidaat heeft in die periode al een traject op deze route.');
  if (doc.code === 'TRAJECTORY_ENDED')
    return errors.add(Object.keys(fields)[0] ?? 'form', 'Dit traject is afgelopen.');
  for (const e of fieldErrorsOf(doc.errors))
    errors.add(e.field, fields[e.field] ?? 'Controleer wat u hier invulde.');
  if (!errors.any) throw problem;
  return errors;
}

/** The `errors` of a problem document, each with its field (anything else left out). */
export const fieldErrorsOf = (errors: unknown): { field: string }[] =>
  Array.isArray(errors)
    ? errors.flatMap((e: unknown) =>
        typeof e === 'object' && e !== null && 'field' in e && typeof e.field === 'string'
          ? [{ field: e.field }]
          : [],
      )
    : [];

/**
 * Calls the service for a form; a refusal it can explain becomes field errors (a 404, or anything
 * that is not a problem document, is rethrown). A version someone else overtook (STALE_VERSION)
 * goes on `stale.field`. Returns whether the call went through.
 */
export async function attempt(
  errors: FormErrors,
  fields: Record<string, string>,
  call: () => Promise<unknown>,
  stale?: { field: string; message: string; then?: () => void },
): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (!(error instanceof ProblemException) || error.getStatus() === 404) throw error;
    if (stale && error.problem.code === 'STALE_VERSION') {
      errors.add(stale.field, stale.message);
      stale.then?.();
    } else errorsFrom(error, errors, fields);
    return false;
  }
}

/**
 * One trajectory form: its answers through the API's DTO, then the one service call (attempt).
 * Returns whether it went through; when not, `errors` says why at the fields.
 */
export async function submitForm<T extends object>(
  errors: FormErrors,
  form: {
    dto: ClassConstructor<T>;
    input: Record<string, unknown>;
    words: DtoFieldWords;
    field: string;
  },
  refusals: Record<string, string>,
  run: (dto: T) => Promise<unknown>,
  stale?: { field: string; message: string; then?: () => void },
): Promise<boolean> {
  const dto = await validateAsDto(form.dto, form.input, form.words, errors, form.field);
  return !!dto && attempt(errors, refusals, () => run(dto), stale);
}
