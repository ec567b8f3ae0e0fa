import { ARRANGEMENTS, BENEFIT_TYPES } from '@werkbrug/domain';
import type { Calculator } from './types';

type Kind =
  | 'money' // a decimal string such as "14.71"
  | 'factor' // a decimal string such as "1.235"
  | 'int'
  | 'bool'
  | 'text'
  | 'benefitTypes'
  | 'arrangements'
  | 'factors'; // list of decimal strings

interface Field {
  kind: Kind;
  optional?: boolean;
}

const PAID = { kind: 'arrangements' } as const;

/**
 * The parameters each calculator reads. A rule version's params are checked against this list when an
 * administrator adds one, so a typo never turns into a silently ignored figure.
 */
export const PARAM_SCHEMAS: Record<Calculator, Record<string, Field>> = {
  wml: { perHour: { kind: 'money' }, minAge: { kind: 'int' } },
  loonkostensubsidie: {
    maxShare: { kind: 'factor' },
    vakantiebijslag: { kind: 'factor' },
    werkgeverslasten: { kind: 'factor' },
    applyWithinMonths: { kind: 'int' },
    benefitTypes: { kind: 'benefitTypes' },
    arrangements: PAID,
  },
  lkv: {
    target: { kind: 'text' },
    perHour: { kind: 'money' },
    maxPerYear: { kind: 'money' },
    maxYears: { kind: 'int', optional: true },
    maxWageFactor: { kind: 'factor' },
    doelgroepverklaringWithinMonths: { kind: 'int', optional: true },
    minAge: { kind: 'int', optional: true },
    benefitTypes: { kind: 'benefitTypes', optional: true },
    arrangements: PAID,
  },
  one_lkv: { keep: { kind: 'text' } },
  no_riskpolis: {
    benefitTypes: { kind: 'benefitTypes' },
    doelgroepregister: { kind: 'bool' },
    yearOne: { kind: 'text' },
    yearTwo: { kind: 'text' },
    maxWeeks: { kind: 'int' },
    withinYears: { kind: 'int' },
  },
  proefplaatsing: {
    months: { kind: 'int' },
    maxTotalMonths: { kind: 'int', optional: true },
    minContractIntentMonths: { kind: 'int', optional: true },
    benefitTypes: { kind: 'benefitTypes' },
  },
  jobcoaching: {
    minContractMonths: { kind: 'int' },
    minHours: { kind: 'int' },
    minLoonwaarde: { kind: 'int' },
    exceptionMinHours: { kind: 'int' },
    exceptionMinLoonwaarde: { kind: 'int' },
    internalShares: { kind: 'factors' },
    arrangements: PAID,
  },
  niet_actief: {},
  werkervaringsplaats_premie: {
    amount: { kind: 'money' },
    reducedAmount: { kind: 'money' },
    periodMonths: { kind: 'int' },
    minHours: { kind: 'int' },
    arrangements: { kind: 'arrangements' },
  },
  uitstroompremie: {
    amount: { kind: 'money' },
    afterMonths: { kind: 'int' },
    benefitTypes: { kind: 'benefitTypes' },
    arrangements: PAID,
  },
};

const DECIMAL = /^\d{1,7}(\.\d{1,4})?$/;
const isList = (v: unknown, allowed: readonly string[]) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && allowed.includes(x));

function fits(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'money':
    case 'factor':
      return typeof v === 'string' && DECIMAL.test(v);
    case 'int':
      return Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10_000;
    case 'bool':
      return typeof v === 'boolean';
    case 'text':
      return typeof v === 'string' && v.length > 0 && v.length <= 200;
    case 'benefitTypes':
      return isList(v, BENEFIT_TYPES);
    case 'arrangements':
      return isList(v, ARRANGEMENTS);
    case 'factors':
      return (
        Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && DECIMAL.test(x))
      );
  }
}

const KIND_HINT: Record<Kind, string> = {
  money: 'a decimal string such as "14.71"',
  factor: 'a decimal string such as "1.235"',
  int: 'a whole number',
  bool: 'true or false',
  text: 'a short text',
  benefitTypes: `a list of ${BENEFIT_TYPES.join(', ')}`,
  arrangements: `a list of ${ARRANGEMENTS.join(', ')}`,
  factors: 'a list of decimal strings',
};

/** Field errors for a rule version's params (empty when they fit the calculator). */
export function checkParams(
  calculator: Calculator,
  params: Record<string, unknown>,
): { field: string; message: string }[] {
  const schema = PARAM_SCHEMAS[calculator];
  const errors: { field: string; message: string }[] = [];
  for (const key of Object.keys(params)) {
    if (!(key in schema))
      errors.push({ field: `params.${key}`, message: `not a parameter of ${calculator}` });
  }
  for (const [key, field] of Object.entries(schema)) {
    const value = params[key];
    if (value === undefined || value === null) {
      if (!field.optional) errors.push({ field: `params.${key}`, message: 'is required' });
      continue;
    }
    if (!fits(field.kind, value))
      errors.push({ field: `params.${key}`, message: `must be ${KIND_HINT[field.kind]}` });
  }
  if (
    calculator === 'lkv' &&
    !['doelgroepregister', 'arbeidsbeperking', 'oudere'].includes(String(params.target))
  )
    errors.push({
      field: 'params.target',
      message: 'must be doelgroepregister, arbeidsbeperking or oudere',
    });
  return errors;
}
