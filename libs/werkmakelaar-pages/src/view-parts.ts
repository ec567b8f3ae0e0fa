import { ARRANGEMENTS, labelOf, type LabelGroup } from '@werkbrug/domain';
import { ARRANGEMENT_WORDS } from '@werkbrug/kandidaat-pages';

/** One choice of a select or radio group, as the shared partials render it. */
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

/** A date as the forms want it: JJJJ-MM-DD and a real day. */
export const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** An arrangement's name in the plain words the console shows (the code when it is unknown). */
export const arrangementName = (code: string): string =>
  isOneOf(ARRANGEMENTS, code) ? ARRANGEMENT_WORDS[code].name : code;
