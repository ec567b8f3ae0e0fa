import type { VacancyData, VacancyField, VacancyRecord } from './vacancy-data';

/**
 * Where each stored field appears in the public view. Exhaustive: a new field does not compile
 * until it is placed here, and `internal` keeps it out on purpose. `top` fields are copied as they are.
 */
export const VACANCY_VIEW_PLACEMENT = {
  employerId: 'employer',
  werksoortId: 'internal',
  title: 'top',
  description: 'top',
  address: 'location',
  postcode: 'location',
  place: 'location',
  lat: 'location',
  lng: 'location',
  arrangements: 'top',
  hoursMin: 'top',
  hoursMax: 'top',
  workingDays: 'top',
  dayparts: 'top',
  hoursAdjustable: 'top',
  hoursAdjustmentNote: 'top',
  requiredCertificates: 'top',
  desiredCertificates: 'top',
  minLanguageLevel: 'top',
  demandLifting: 'demands',
  demandStanding: 'demands',
  demandPace: 'demands',
  demandStimuli: 'demands',
  demandOutdoor: 'demands',
  jobcoachWelcome: 'top',
  buddyAvailable: 'top',
  wheelchairAccessible: 'top',
  places: 'top',
  placesFilled: 'top',
  startDate: 'top',
  status: 'top',
  instruments: 'top',
} as const satisfies Record<VacancyField, 'top' | 'employer' | 'location' | 'demands' | 'internal'>;

type Placement = typeof VACANCY_VIEW_PLACEMENT;
type TopField = { [K in VacancyField]: Placement[K] extends 'top' ? K : never }[VacancyField];

const TOP_FIELDS = (Object.keys(VACANCY_VIEW_PLACEMENT) as VacancyField[]).filter(
  (f): f is TopField => VACANCY_VIEW_PLACEMENT[f] === 'top',
);

function topFields(v: VacancyData): Pick<VacancyData, TopField> {
  const out: Partial<Record<TopField, unknown>> = {};
  for (const field of TOP_FIELDS) out[field] = v[field];
  return out as Pick<VacancyData, TopField>;
}

/** The public shape of a vacancy, from the placement table above. */
export const toVacancyView = (v: VacancyRecord) => ({
  id: v.id,
  employer: { id: v.employerId, name: v.employer?.name ?? null },
  werksoort: {
    code: v.werksoort?.code ?? null,
    name: v.werksoort?.name ?? null,
    iscoCode: v.werksoort?.iscoCode ?? null,
  },
  ...topFields(v),
  location: { address: v.address, postcode: v.postcode, place: v.place, lat: v.lat, lng: v.lng },
  demands: {
    lifting: v.demandLifting,
    standing: v.demandStanding,
    pace: v.demandPace,
    stimuli: v.demandStimuli,
    outdoor: v.demandOutdoor,
  },
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  version: v.version,
});
export type VacancyView = ReturnType<typeof toVacancyView>;
