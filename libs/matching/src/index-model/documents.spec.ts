import { vacancyRowOf, type VacancyData } from '@werkbrug/vacancies';
import { toVacancyDocument, VACANCY_SEARCH_FIELDS } from './documents';

// Every field distinct (see libs/vacancies/src/vacancy-data.spec.ts).
const data: VacancyData = {
  employerId: 'employer-1',
  werksoortId: 'werksoort-1',
  title: 'Medewerker groen',
  description: 'Snoeien en maaien',
  address: 'Straat 1',
  postcode: '3441AB',
  place: 'Woerden',
  lat: 52.08,
  lng: 4.88,
  arrangements: ['proefplaatsing'],
  hoursMin: 11,
  hoursMax: 23,
  workingDays: ['di'],
  dayparts: ['avond'],
  hoursAdjustable: true,
  hoursAdjustmentNote: 'In overleg',
  requiredCertificates: ['vca'],
  desiredCertificates: ['bhv'],
  minLanguageLevel: 'B1',
  demandLifting: 0,
  demandStanding: 1,
  demandPace: 2,
  demandStimuli: 3,
  demandOutdoor: 1.5,
  jobcoachWelcome: true,
  buddyAvailable: false,
  wheelchairAccessible: true,
  places: 7,
  placesFilled: 5,
  startDate: '2027-02-03',
  status: 'open',
  instruments: ['jobcoaching'],
};

describe('vacancy search document', () => {
  const doc = toVacancyDocument({
    ...vacancyRowOf(data, { id: 'v-1', createdAt: '2026-01-02T03:04:05.678Z' }),
    version: 3,
    employer_name: 'Groen BV',
    werksoort_code: 'groen',
    werksoort_name: 'Groen',
    werksoort_synonyms: ['hovenier'],
    werksoort_isco_code: '9214',
    werksoort_brc_code: '0921',
  });
  const text = JSON.stringify(doc);

  it.each(Object.entries(VACANCY_SEARCH_FIELDS))('%s is %s', (field, use) => {
    const value = data[field as keyof VacancyData];
    if (use === 'copy') expect(doc).toHaveProperty(field, value);
    if (use === 'not-indexed') {
      expect(doc).not.toHaveProperty(field);
      expect(text).not.toContain(JSON.stringify(value));
    }
  });

  it('derives rank, free places, openness and the terms', () => {
    expect(doc).toMatchObject({
      minLanguageRank: 3,
      placesFree: 2,
      open: true,
      werksoortTerms: ['Groen', 'hovenier'],
      iscoCode: '9214',
      brcCode: '0921',
      updatedAt: Date.parse('2026-01-02T03:04:05.678Z'),
      version: 3,
    });
  });
});
