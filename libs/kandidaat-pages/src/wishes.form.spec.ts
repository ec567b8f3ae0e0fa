import { parseWishes, wishesInput, type WishesFormValues } from './wishes.form';

const ok: WishesFormValues = {
  werksoortWishes: ['groen'],
  interests: 'buiten werken',
  hoursMin: '12',
  hoursMax: '24',
  days: ['ma', 'di'],
  dayparts: ['ochtend'],
  travelMode: 'fiets',
  maxTravelKm: '10,5',
};
const codes = new Set(['groen', 'schoonmaak']);

describe('wishes form through UpdateWishesDto', () => {
  it.each<[string, Partial<WishesFormValues>, Record<string, string> | null]>([
    ['valid wishes', {}, null],
    ['no distance is fine', { maxTravelKm: '' }, null],
    [
      'a werksoort not in the list',
      { werksoortWishes: ['kantoor'] },
      { werksoortWishes: 'Kies soorten werk uit de lijst' },
    ],
    [
      'hours out of range',
      { hoursMin: '0', hoursMax: 'veel' },
      {
        hoursMin: 'Vul een aantal uren in van 1 tot 40',
        hoursMax: 'Vul een aantal uren in van 1 tot 40',
      },
    ],
    [
      'most hours below least',
      { hoursMin: '30', hoursMax: '10' },
      { hoursMax: 'Het meeste aantal uren moet groter zijn dan het minste' },
    ],
    [
      'no days or dayparts',
      { days: [], dayparts: ['ochtend', 'x'] },
      { days: 'Kies minstens één dag', dayparts: 'Kies minstens één dagdeel' },
    ],
    ['no travel mode', { travelMode: '' }, { travelMode: 'Kies hoe je reist' }],
    [
      'a distance not in tenths',
      { maxTravelKm: '10,55' },
      { maxTravelKm: 'Vul een afstand in van 0,5 tot 200 kilometer' },
    ],
    [
      'interests too long',
      { interests: 'x'.repeat(2001) },
      { interests: 'Schrijf niet meer dan 2000 tekens' },
    ],
  ])('%s', async (_name, change, fields) => {
    const { dto, errors } = await parseWishes({ ...ok, ...change }, codes);
    expect(errors.toView()?.fields ?? null).toEqual(fields);
    expect(dto === null).toBe(fields !== null);
  });

  it('keeps the form order in the summary, the page’s own check at its field', async () => {
    const { errors } = await parseWishes(
      { ...ok, hoursMin: '30', hoursMax: '10', days: [], dayparts: [], travelMode: '' },
      codes,
    );
    expect(errors.toView()?.summary.map((s) => s.href)).toEqual([
      '#veld-hoursMax',
      '#veld-days',
      '#veld-dayparts',
      '#veld-travelMode',
    ]);
  });

  it('gives the DTO numbers, and a Dutch comma as a decimal point', () => {
    expect(wishesInput(ok)).toMatchObject({ hoursMin: 12, hoursMax: 24, maxTravelKm: 10.5 });
    expect(wishesInput({ ...ok, maxTravelKm: '' })).not.toHaveProperty('maxTravelKm');
  });
});
