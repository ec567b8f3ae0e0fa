import type { HelperDelegate } from 'handlebars';
import { certificateName, isLabelGroup, labelOf, type LabelGroup } from '@werkbrug/domain';

/** A template names a label group as text: a misspelt one stops the render (and its test). */
function labelGroup(group: unknown): LabelGroup {
  const name = String(group);
  if (!isLabelGroup(name)) throw new Error(`unknown label group "${name}" in a template`);
  return name;
}

/** Dates and moments as Dutch readers write them, in Dutch time: "7 december 2026". */
export const DATE = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
export const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

const toDate = (value: unknown): Date | null => {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !value) return null;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** Handlebars passes its options object as the last argument; helpers ignore it. */
const args = (list: unknown[]) => list.slice(0, -1);

/** The id of the input of a form field, so labels, error links and tests agree. */
export const fieldId = (name: string) => `veld-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * Every helper the web views may use, in one place. Names are chosen not to clash with data fields:
 * Handlebars looks up a helper before a field of the same name (so no `label`, `date` or `count`). Values are escaped by Handlebars unless a
 * helper returns a SafeString; none here does.
 */
export const VIEW_HELPERS: Record<string, HelperDelegate> = {
  eq: (a: unknown, b: unknown) => a === b,
  not: (a: unknown) => !a,
  and: (...list: unknown[]) => args(list).every(Boolean),
  /** The first truthy value (or the last), as `||`: a test in {{#if}}, a fallback in `value=(or a b)`. */
  or: (...list: unknown[]) => {
    const values = args(list);
    return values.find(Boolean) ?? values[values.length - 1];
  },
  /** Whether a value is chosen: in a list (checkboxes) or equal to a single value (radios). */
  includes: (list: unknown, value: unknown) =>
    Array.isArray(list)
      ? list.map(String).includes(String(value))
      : list !== undefined && list !== null && String(list) === String(value),
  concat: (...list: unknown[]) => args(list).map(String).join(''),
  fieldId: (name: unknown) => fieldId(String(name)),
  codeLabel: (group: unknown, code: unknown) => labelOf(labelGroup(group), code),
  codeLabels: (group: unknown, codes: unknown) =>
    Array.isArray(codes) ? codes.map((c) => labelOf(labelGroup(group), c)).join(', ') : '',
  formatDate: (value: unknown) => {
    const date = toDate(value);
    return date ? DATE.format(date) : '';
  },
  formatDateTime: (value: unknown) => {
    const date = toDate(value);
    return date ? DATE_TIME.format(date) : '';
  },
  certificateList: (list: unknown) =>
    Array.isArray(list) ? list.map((c) => certificateName(String(c))).join(', ') : '',
  countOf: (list: unknown) => (Array.isArray(list) ? list.length : 0),
  plural: (n: unknown, one: unknown, many: unknown) => (Number(n) === 1 ? one : many),
  joinList: (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : '',
};
