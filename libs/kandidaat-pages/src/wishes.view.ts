import { DAYPARTS, DAYS, TRAVEL_MODES } from '@werkbrug/domain';
import type { Choice } from '@werkbrug/web';
import { DAY_WORDS, DAYPART_WORDS, TRAVEL_WORDS } from './plain-words';
import type { WishesFormValues } from './wishes.form';

/** kandidaat/wensen */
export type WishesPageView = {
  title: string;
  values: WishesFormValues;
  version: number;
  werksoortOptions: Choice[];
  dayOptions: Choice[];
  daypartOptions: Choice[];
  travelOptions: Choice[];
};

export const wishesPageView = (input: {
  kinds: readonly { code: string; name: string }[];
  version: number;
  values: WishesFormValues;
}): WishesPageView => ({
  title: 'Mijn wensen',
  values: input.values,
  version: input.version,
  werksoortOptions: input.kinds.map((k) => ({ value: k.code, text: k.name })),
  dayOptions: DAYS.map((d) => ({ value: d, text: DAY_WORDS[d] })),
  daypartOptions: DAYPARTS.map((d) => ({ value: d, text: DAYPART_WORDS[d] })),
  travelOptions: TRAVEL_MODES.map((m) => ({ value: m, text: TRAVEL_WORDS[m] })),
});
