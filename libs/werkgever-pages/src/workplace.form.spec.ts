import { CreateVacancyDto, UpdateVacancyDto } from '@werkbrug/vacancies';
import {
  EMPTY_WORKPLACE,
  parseWorkplace,
  validateWorkplace,
  type WorkplaceValues,
} from './workplace.form';

const LOCATION = {
  id: 'l1',
  address: 'Hoofdstraat 1',
  postcode: '3441 AB',
  place: 'Woerden',
  lat: 52.08,
  lng: 4.88,
};
const RULES = { werksoorten: ['groen'], locations: [LOCATION], today: '2026-06-01' };

const COMPLETE: WorkplaceValues = {
  ...EMPTY_WORKPLACE,
  title: 'Hovenier',
  werksoort: 'groen',
  location: 'l1',
  hoursMin: '12',
  hoursMax: '24',
  workingDays: ['ma', 'di'],
  dayparts: ['ochtend'],
  hoursAdjustable: 'ja',
  adjustments: ['kortere_dagen'],
  arrangements: ['proefplaatsing'],
  lifting: '1',
  standing: '2',
  pace: '1',
  stimuli: '0',
  outdoor: '3',
  support: ['jobcoach'],
  requiredCertificates: 'vca',
  places: '2',
  startDate: '2026-07-01',
};

describe('workplace form: Dutch checks, then the vacancy DTO', () => {
  const cases: { name: string; values: WorkplaceValues; fields: Record<string, string> | null }[] =
    [
      { name: 'complete answers', values: COMPLETE, fields: null },
      {
        name: 'hours the wrong way round',
        values: { ...COMPLETE, hoursMin: '30', hoursMax: '20' },
        fields: {
          hoursMax: 'Het aantal uren bij "tot" moet even groot of groter zijn dan bij "van"',
        },
      },
      {
        name: 'a start date in the past',
        values: { ...COMPLETE, startDate: '2026-05-01' },
        fields: { startDate: 'De startdatum moet vandaag of later zijn' },
      },
      {
        name: 'a location that is not the employer’s',
        values: { ...COMPLETE, location: 'elders' },
        fields: { location: 'Kies de locatie van de werkplek' },
      },
      {
        // The page's checks let a repeated certificate through; the API's DTO (ArrayUnique) does not.
        name: 'a certificate twice, refused by the DTO in the form’s words',
        values: { ...COMPLETE, requiredCertificates: 'vca, vca' },
        fields: {
          requiredCertificates:
            'Noem elk certificaat één keer, als kort woord, met komma’s ertussen',
        },
      },
    ];
  it.each(cases)('$name', async ({ values, fields }) => {
    const { errors, dto } = await parseWorkplace(CreateVacancyDto, values, RULES, {
      status: 'open',
    });
    expect(errors.toView()?.fields ?? null).toEqual(fields);
    if (fields) expect(dto).toBeNull();
    else expect(dto).toBeInstanceOf(CreateVacancyDto);
  });

  it('builds the DTO input from the answers', async () => {
    const { dto } = await parseWorkplace(UpdateVacancyDto, COMPLETE, RULES, { version: 3 });
    expect(dto).toMatchObject({
      title: 'Hovenier',
      location: { address: 'Hoofdstraat 1', postcode: '3441 AB', place: 'Woerden' },
      hoursMin: 12,
      hoursMax: 24,
      hoursAdjustable: true,
      hoursAdjustmentNote: 'Kortere werkdagen',
      demands: { lifting: 1, standing: 2, pace: 1, stimuli: 0, outdoor: 3 },
      jobcoachWelcome: true,
      buddyAvailable: false,
      requiredCertificates: ['vca'],
      places: 2,
      startDate: '2026-07-01',
      version: 3,
    });
  });

  it('gives no input while a Dutch check fails', () => {
    const { input } = validateWorkplace(
      { ...COMPLETE, title: '' },
      ['groen'],
      [LOCATION],
      '2026-06-01',
    );
    expect(input).toBeNull();
  });
});
