import { ARRANGEMENTS, BENEFIT_TYPES } from '@werkbrug/domain';
import { CalculateDto } from '@werkbrug/instruments';
import { FormErrors, str, validateAsDto, type DtoFieldWords } from '@werkbrug/web';

/** The scenario form's fields; query parameters, so the form is a GET that works without JavaScript. */
export interface ScenarioQuery {
  werkplek?: unknown;
  uren?: unknown;
  vorm?: unknown;
  maanden?: unknown;
  doelgroep?: unknown;
  uitkering?: unknown;
  ouder?: unknown;
  loonwaarde?: unknown;
  bereken?: unknown;
}

/** The scenario as shown in the form: strings only. */
export interface ScenarioValues {
  werkplek: string;
  uren: string;
  vorm: string;
  maanden: string;
  doelgroep: string;
  uitkering: string;
  ouder: string;
  loonwaarde: string;
}

/** A workplace the scenario can start from. */
export interface ScenarioWorkplace {
  id: string;
  hoursMax: number;
  arrangements: readonly string[];
}

/** Whether the employer asked for the calculation ("Bereken"). */
export const wantsCalculation = (raw: ScenarioQuery) => str(raw.bereken) !== '';

/**
 * The form's answers; a chosen workplace (one of `workplaces`) fills in its hours and arrangement,
 * unless the form says otherwise.
 */
export function readScenario(
  raw: ScenarioQuery,
  workplaces: readonly ScenarioWorkplace[],
): ScenarioValues {
  const workplace = workplaces.find((v) => v.id === str(raw.werkplek)) ?? null;
  return {
    werkplek: workplace?.id ?? '',
    uren: str(raw.uren) || (workplace ? String(workplace.hoursMax) : ''),
    vorm: str(raw.vorm) || (workplace?.arrangements[0] ?? ''),
    maanden: str(raw.maanden),
    doelgroep: str(raw.doelgroep),
    uitkering: str(raw.uitkering),
    ouder: str(raw.ouder),
    loonwaarde: str(raw.loonwaarde),
  };
}

export const SCENARIO_DTO_WORDS: DtoFieldWords = {
  hoursPerWeek: { field: 'uren', message: 'Vul het aantal uren per week in, van 1 tot en met 40' },
  arrangement: { field: 'vorm', message: 'Kies een vorm uit de lijst' },
  contractMonths: {
    field: 'maanden',
    message: 'Vul de lengte van het contract in hele maanden in, van 1 tot en met 120',
  },
  benefitType: { field: 'uitkering', message: 'Kies een uitkering uit de lijst' },
  loonwaardePct: { field: 'loonwaarde', message: 'Vul een percentage in van 0 tot en met 100' },
};

/** The calculate DTO's plain input: its own property names, values as the form produced them. */
export type ScenarioPlainInput = { [K in keyof CalculateDto]?: unknown };

/**
 * The scenario in Dutch ("12,5" uur is 12.5) and, when complete, CalculateDto's plain input. Only
 * "56 or older" matters (LKV oudere werknemer), so age is a typical age on each side.
 */
export function checkScenario(values: ScenarioValues): {
  errors: FormErrors;
  input: ScenarioPlainInput | null;
} {
  const errors = new FormErrors();
  const hours = Number(values.uren.replace(',', '.'));
  if (!values.uren || !Number.isFinite(hours) || hours < 1 || hours > 40)
    errors.add('uren', 'Vul het aantal uren per week in, van 1 tot en met 40');
  if (values.vorm && !(ARRANGEMENTS as readonly string[]).includes(values.vorm))
    errors.add('vorm', 'Kies een vorm uit de lijst');
  const months = Number(values.maanden);
  if (values.maanden && (!/^\d{1,3}$/.test(values.maanden) || months < 1 || months > 120))
    errors.add(
      'maanden',
      'Vul de lengte van het contract in hele maanden in, van 1 tot en met 120',
    );
  if (values.uitkering && !(BENEFIT_TYPES as readonly string[]).includes(values.uitkering))
    errors.add('uitkering', 'Kies een uitkering uit de lijst');
  const loonwaarde = Number(values.loonwaarde);
  if (values.loonwaarde && (!/^\d{1,3}$/.test(values.loonwaarde) || loonwaarde > 100))
    errors.add('loonwaarde', 'Vul een percentage in van 0 tot en met 100');
  if (errors.any) return { errors, input: null };
  return {
    errors,
    input: {
      hoursPerWeek: Math.round(hours * 100) / 100,
      ...(values.vorm ? { arrangement: values.vorm } : {}),
      ...(values.maanden ? { contractMonths: months } : {}),
      ...(values.doelgroep ? { doelgroepregister: values.doelgroep === 'ja' } : {}),
      ...(values.uitkering ? { benefitType: values.uitkering } : {}),
      ...(values.ouder ? { age: values.ouder === 'ja' ? 58 : 35 } : {}),
      ...(values.loonwaarde ? { loonwaardePct: loonwaarde } : {}),
    },
  };
}

/** The form's Dutch checks, then the API's CalculateDto: a DTO instance or the errors. */
export async function parseScenario(
  values: ScenarioValues,
): Promise<{ errors: FormErrors; dto: CalculateDto | null }> {
  const { errors, input } = checkScenario(values);
  if (!input) return { errors, dto: null };
  const dto = await validateAsDto(CalculateDto, input, SCENARIO_DTO_WORDS, errors, 'uren');
  return { errors, dto };
}
