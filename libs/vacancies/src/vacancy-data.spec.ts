import {
  newVacancyData,
  VACANCY_COLUMNS,
  vacancyDataFromRow,
  vacancyRecordFromRow,
  vacancyRowOf,
  type VacancyData,
} from './vacancy-data';
import { toVacancyView, VACANCY_VIEW_PLACEMENT } from './vacancy.view';

/** A vacancy whose every field holds a value no other field holds, so a lost or swapped field shows. */
const DISTINCT_VACANCY: VacancyData = {
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
  status: 'paused',
  instruments: ['jobcoaching'],
};

const identity = { id: 'v-1', createdAt: new Date('2026-01-02T03:04:05.678Z') };

describe('vacancy column table', () => {
  it('round-trips every field through a row', () => {
    const row = { ...vacancyRowOf(DISTINCT_VACANCY, identity), version: 4 };
    expect(vacancyDataFromRow(row)).toEqual(DISTINCT_VACANCY);
    expect(Object.keys(row)).toHaveLength(Object.keys(VACANCY_COLUMNS).length + 4);
  });

  it.each<[unknown, string | null]>([
    ['2027-02-03', '2027-02-03'],
    [new Date(2027, 1, 3), '2027-02-03'], // what the driver makes of a date: local midnight
    [null, null],
  ])('reads start_date %p as %p', (raw, expected) => {
    expect(VACANCY_COLUMNS.startDate.read(raw)).toBe(expected);
  });

  it.each<[keyof typeof VACANCY_COLUMNS, unknown, unknown]>([
    ['lat', '52.5', 52.5],
    ['hoursMin', 8, 8],
    ['hoursAdjustable', null, false],
    ['arrangements', null, []],
    ['description', null, ''],
  ])('reads %s from %p', (field, raw, expected) => {
    expect(VACANCY_COLUMNS[field].read(raw)).toEqual(expected);
  });

  it('fills the documented defaults of a create body', () => {
    const data = newVacancyData(
      {
        title: '  Kok  ',
        arrangements: ['stage'],
        hoursMin: 8,
        hoursMax: 16,
        workingDays: ['ma'],
        dayparts: ['ochtend'],
        demands: { lifting: 1, standing: 2, pace: 1, stimuli: 0, outdoor: 0 },
      },
      {
        employerId: 'e',
        werksoortId: 'w',
        location: { address: '', postcode: '3441AB', place: 'Woerden', lat: 52, lng: 4.9 },
      },
    );
    expect(data).toMatchObject({
      title: 'Kok',
      description: '',
      hoursAdjustable: false,
      minLanguageLevel: 'geen',
      places: 1,
      placesFilled: 0,
      startDate: null,
      status: 'open',
      instruments: [],
      demandStanding: 2,
    });
  });
});

describe('vacancy view', () => {
  const view = toVacancyView(
    vacancyRecordFromRow({
      ...vacancyRowOf(DISTINCT_VACANCY, identity),
      version: 4,
      employer_name: 'Groen BV',
      werksoort_code: 'groen',
      werksoort_name: 'Groen',
    }),
  );
  const shown = JSON.stringify(view);

  it.each(Object.entries(VACANCY_VIEW_PLACEMENT))('%s is %s', (field, placement) => {
    const value = JSON.stringify(DISTINCT_VACANCY[field as keyof VacancyData]);
    if (placement === 'internal') expect(shown).not.toContain(value);
    else expect(shown).toContain(value);
    if (placement === 'top') expect(view).toHaveProperty(field);
  });
});
