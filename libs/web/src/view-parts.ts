import { labelOf, type LabelGroup } from '@werkbrug/domain';
import { ProblemException } from '@werkbrug/http';

/** One choice of a select, radio or checkbox group, as the shared partials render it. */
export interface Choice {
  value: string;
  text: string;
  hint?: string;
}

/** A row of a summary list (key and value; an empty value shows as nothing). */
export interface SummaryRow {
  key: string;
  value: string | null | undefined;
}

/** A hidden form field: carries an answer from one page to the next. */
export interface HiddenField {
  name: string;
  value: string;
}

/** Whether a text is one of a list of codes (a type guard, so the code keeps its type). */
export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  list.some((code) => code === value);

/** Choices for codes in the label catalogue's words, with an optional empty first choice. */
export const labelChoices = (
  group: LabelGroup,
  codes: readonly string[],
  empty?: string,
): Choice[] => [
  ...(empty !== undefined ? [{ value: '', text: empty }] : []),
  ...codes.map((code) => ({ value: code, text: labelOf(group, code) })),
];

/** Hidden fields for form answers (one per value of a list): the form carried to a check page. */
export const hiddenOf = <T extends { [K in keyof T]: string | readonly string[] }>(
  values: T,
): HiddenField[] =>
  Object.entries<string | readonly string[]>(values).flatMap(([name, value]) =>
    typeof value === 'string' ? [{ name, value }] : value.map((v) => ({ name, value: v })),
  );

/** Ja or Nee for a yes/no fact; nothing when it is not known. */
export const yesNo = (v: boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : v ? 'Ja' : 'Nee';

/** A query-string value as trimmed text; anything that is not one text (absent, repeated) is ''. */
export const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Whether a write failed because someone else changed the record first (its version moved on). */
export const isStale = (error: unknown): boolean =>
  error instanceof ProblemException && error.code === 'STALE_VERSION';
