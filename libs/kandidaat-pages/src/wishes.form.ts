import { UpdateWishesDto, type WishesView } from '@werkbrug/candidates';
import {
  field,
  fieldList,
  FormErrors,
  validateAsDto,
  type DtoFieldWords,
  type FormBody,
} from '@werkbrug/web';

/** The wishes form as typed: what the page shows again after a refusal. */
export type WishesFormValues = {
  werksoortWishes: string[];
  interests: string;
  hoursMin: string;
  hoursMax: string;
  days: string[];
  dayparts: string[];
  travelMode: string;
  maxTravelKm: string;
};

/** The form's fields in the order they show: the error summary follows it. */
const FIELD_ORDER: readonly (keyof WishesFormValues)[] = [
  'werksoortWishes',
  'interests',
  'hoursMin',
  'hoursMax',
  'days',
  'dayparts',
  'travelMode',
  'maxTravelKm',
];

const HOURS = 'Vul een aantal uren in van 1 tot 40';

export const WISHES_WORDS: DtoFieldWords = {
  werksoortWishes: { field: 'werksoortWishes', message: 'Kies soorten werk uit de lijst' },
  interests: { field: 'interests', message: 'Schrijf niet meer dan 2000 tekens' },
  hoursMin: { field: 'hoursMin', message: HOURS },
  hoursMax: { field: 'hoursMax', message: HOURS },
  days: { field: 'days', message: 'Kies minstens één dag' },
  dayparts: { field: 'dayparts', message: 'Kies minstens één dagdeel' },
  travelMode: { field: 'travelMode', message: 'Kies hoe je reist' },
  maxTravelKm: { field: 'maxTravelKm', message: 'Vul een afstand in van 0,5 tot 200 kilometer' },
  maxTravelMinutes: { field: 'maxTravelKm', message: 'Vul een reistijd in van 1 tot 180 minuten' },
  version: {
    field: 'werksoortWishes',
    message: 'Je wensen zijn net ergens anders veranderd. Kijk ze na en sla opnieuw op.',
  },
};

export const wishesValuesOf = (body: FormBody): WishesFormValues => ({
  werksoortWishes: fieldList(body, 'werksoortWishes'),
  interests: field(body, 'interests'),
  hoursMin: field(body, 'hoursMin'),
  hoursMax: field(body, 'hoursMax'),
  days: fieldList(body, 'days'),
  dayparts: fieldList(body, 'dayparts'),
  travelMode: field(body, 'travelMode'),
  maxTravelKm: field(body, 'maxTravelKm'),
});

/** The saved wishes as the form shows them (a Dutch decimal comma in the distance). */
export const wishesValuesFrom = (w: WishesView): WishesFormValues => ({
  werksoortWishes: w.werksoortWishes,
  interests: w.interests,
  hoursMin: String(w.hoursMin),
  hoursMax: String(w.hoursMax),
  days: w.days,
  dayparts: w.dayparts,
  travelMode: w.travelMode,
  maxTravelKm: w.maxTravelKm === null ? '' : String(w.maxTravelKm).replace('.', ','),
});

/** Whole hours as typed ("12"); anything else stays text, so the DTO refuses it. */
const hours = (v: string): number | string => (/^\d{1,2}$/.test(v) ? Number(v) : v);

/** The DTO's plain input: the API's UpdateWishesDto fields, numbers as numbers. */
export function wishesInput(values: WishesFormValues): Record<string, unknown> {
  return {
    werksoortWishes: values.werksoortWishes,
    interests: values.interests,
    hoursMin: hours(values.hoursMin),
    hoursMax: hours(values.hoursMax),
    days: values.days,
    dayparts: values.dayparts,
    travelMode: values.travelMode,
    ...(values.maxTravelKm ? { maxTravelKm: Number(values.maxTravelKm.replace(',', '.')) } : {}),
  };
}

/** What only the page checks: codes from its own list, and the most hours not below the least. */
function pageChecks(values: WishesFormValues, knownCodes: ReadonlySet<string>) {
  const found: Partial<Record<keyof WishesFormValues, string>> = {};
  if (values.werksoortWishes.some((c) => !knownCodes.has(c)))
    found.werksoortWishes = 'Kies soorten werk uit de lijst';
  const [min, max] = [hours(values.hoursMin), hours(values.hoursMax)];
  if (typeof min === 'number' && typeof max === 'number' && min > max)
    found.hoursMax = 'Het meeste aantal uren moet groter zijn dan het minste';
  return found;
}

/**
 * The wishes form through the API's UpdateWishesDto, plus the page's own checks; the errors come in
 * the form's order, the DTO's words before the page's at the same field.
 */
export async function parseWishes(
  values: WishesFormValues,
  knownCodes: ReadonlySet<string>,
): Promise<{ dto: UpdateWishesDto | null; errors: FormErrors }> {
  const refused = new FormErrors();
  const dto = await validateAsDto(
    UpdateWishesDto,
    wishesInput(values),
    WISHES_WORDS,
    refused,
    'werksoortWishes',
    'je',
  );
  const fromDto = refused.toView()?.fields ?? {};
  const own = pageChecks(values, knownCodes);
  const errors = new FormErrors();
  for (const f of FIELD_ORDER) {
    const message = fromDto[f] ?? own[f];
    if (message) errors.add(f, message);
  }
  return { dto: errors.any ? null : dto, errors };
}
