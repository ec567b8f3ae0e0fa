/**
 * Between a row's fields (the flat record the columns read) and the owning modules' DTOs and
 * records: what a new row creates, what a changed row sends, and what the export writes for a record.
 * Pure, so that the import, the dry run and the export agree on every field.
 */
import type { Candidate } from '@werkbrug/candidates';
import type { BenefitType } from '@werkbrug/domain';
import type { EmployerView } from '@werkbrug/employers';
import type { Vacancy } from '@werkbrug/vacancies';
import { DEMAND_ASPECTS, today } from '@werkbrug/domain';

/** A row's fields, keyed by ColumnDef.key; absent = the cell was empty or the column is not there. */
export type Flat = Record<string, unknown>;

/** A stored postcode (3441AB or 3441 AB) as the files write it: 3441 AB. */
export const postcodeOf = (stored: string) => {
  const s = stored.replace(/\s+/g, '').toUpperCase();
  return `${s.slice(0, 4)} ${s.slice(4)}`;
};

const defined = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** Lists whose order means something (werksoorten in order of preference); other lists are sets. */
const ORDERED = new Set(['werksoortWishes']);

const same = (a: unknown, b: unknown, key = ''): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-6;
  if (Array.isArray(a) && Array.isArray(b) && !ORDERED.has(key))
    return (
      JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort())
    );
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
};

/** The keys whose value in the row differs from the record's (only keys the row gives). */
export function changedKeys(row: Flat, current: Flat, ignore: readonly string[] = []): string[] {
  return Object.keys(row).filter(
    (k) => k !== 'externId' && !ignore.includes(k) && !same(row[k], current[k], k),
  );
}

const LOCATION_KEYS = ['postcode', 'place', 'lat', 'lng'];
const location = (row: Flat) =>
  defined({
    address: row.address as string | undefined,
    postcode: row.postcode as string,
    place: row.place as string | undefined,
    lat: row.lat as number | undefined,
    lng: row.lng as number | undefined,
  });

// ---- candidates ------------------------------------------------------------------------------

const PERSONAL = ['firstName', 'lastName', 'email', 'phone', 'address', 'dateOfBirth'];
export const PROTECTED_KEYS = ['benefitType', 'banenafspraak', 'loonwaardePct', 'notes'];

/** The personal part of a file as CandidatesService.filesForTransfer hands it over (read there, audited here). */
export interface PersonalPart {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  dateOfBirth: string | null;
  benefitType: BenefitType | null;
  banenafspraak: boolean;
  loonwaardePct: number | null;
  notes: string;
}

export function candidateFlat(
  c: Candidate,
  p: PersonalPart | null,
  werkmakelaar: string | null,
): Flat {
  const flat: Flat = {
    firstName: p?.firstName,
    lastName: p?.lastName,
    dateOfBirth: p?.dateOfBirth ?? undefined,
    email: p?.email ?? undefined,
    phone: p?.phone ?? undefined,
    address: p?.address ?? undefined,
    postcode: postcodeOf(c.postcode),
    place: c.place,
    lat: c.lat,
    lng: c.lng,
    werkmakelaar: werkmakelaar ?? undefined,
    werksoortWishes: c.werksoortWishes,
    interests: c.interests || undefined,
    hours: { min: c.hoursMin, max: c.hoursMax },
    days: c.days,
    dayparts: c.dayparts,
    travelMode: c.travelMode,
    maxTravelKm: c.maxTravelKm ?? undefined,
    maxTravelMinutes: c.maxTravelMinutes ?? undefined,
    ladderRung: c.ladderRung,
    ladderMeasuredOn: c.ladderMeasuredOn,
    route: c.route,
    arrangements: c.arrangements ?? undefined,
    certificates: c.certificates.length ? c.certificates : undefined,
    languageLevel: c.languageLevel,
    'ability.lifting': c.abilityLifting,
    'ability.standing': c.abilityStanding,
    'ability.pace': c.abilityPace,
    'ability.stimuli': c.abilityStimuli,
    'ability.outdoor': c.abilityOutdoor,
    needsJobcoach: c.needsJobcoach,
    needsBuddy: c.needsBuddy,
    needsWheelchairAccess: c.needsWheelchairAccess,
    trajectoryEndedOn: c.trajectoryEndedOn ?? undefined,
    benefitType: p?.benefitType ?? undefined,
    banenafspraak: p?.banenafspraak,
    loonwaardePct: p?.loonwaardePct ?? undefined,
    notes: p?.notes || undefined,
  };
  return defined(flat);
}

const abilities = (row: Flat, fallback: Flat = {}) =>
  Object.fromEntries(
    DEMAND_ASPECTS.map((a) => [
      a,
      (row[`ability.${a}`] ?? fallback[`ability.${a}`] ?? 3) as number,
    ]),
  );

export function candidateCreateBody(row: Flat): Record<string, unknown> {
  const hours = row.hours as { min: number; max: number };
  return defined({
    werksoortWishes: row.werksoortWishes,
    interests: row.interests,
    hoursMin: hours.min,
    hoursMax: hours.max,
    days: row.days,
    dayparts: row.dayparts,
    homeArea: location(row),
    travelMode: row.travelMode,
    maxTravelKm: row.maxTravelKm,
    maxTravelMinutes: row.maxTravelMinutes,
    ladderRung: row.ladderRung,
    ladderMeasuredOn: row.ladderMeasuredOn ?? today(),
    route: row.route,
    arrangements: row.arrangements,
    certificates: row.certificates,
    languageLevel: row.languageLevel,
    abilities: abilities(row),
    supportNeeds: {
      jobcoach: row.needsJobcoach ?? false,
      buddy: row.needsBuddy ?? false,
      wheelchairAccess: row.needsWheelchairAccess ?? false,
    },
    trajectoryEndedOn: row.trajectoryEndedOn,
    personal: defined({
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      address: row.address,
      dateOfBirth: row.dateOfBirth,
      benefitType: row.benefitType,
      banenafspraak: row.banenafspraak,
      loonwaardePct: row.loonwaardePct,
      notes: row.notes,
    }),
  });
}

/** The update body for the changed keys of a candidate row (the werkmakelaar goes apart, as an id). */
export function candidateUpdateBody(row: Flat, current: Flat, keys: readonly string[]) {
  const body: Record<string, unknown> = {};
  const personal: Record<string, unknown> = {};
  for (const key of keys) {
    if (PERSONAL.includes(key) || PROTECTED_KEYS.includes(key)) personal[key] = row[key];
    if (key === 'address') continue;
    if (LOCATION_KEYS.includes(key))
      body.homeArea = defined({
        postcode: row.postcode ?? current.postcode,
        place: row.place,
        lat: row.lat,
        lng: row.lng,
      });
    else if (key === 'hours') {
      const h = row.hours as { min: number; max: number };
      body.hoursMin = h.min;
      body.hoursMax = h.max;
    } else if (key.startsWith('ability.')) body.abilities = abilities(row, current);
    else if (key === 'needsJobcoach' || key === 'needsBuddy' || key === 'needsWheelchairAccess')
      body.supportNeeds = {
        jobcoach: row.needsJobcoach ?? current.needsJobcoach,
        buddy: row.needsBuddy ?? current.needsBuddy,
        wheelchairAccess: row.needsWheelchairAccess ?? current.needsWheelchairAccess,
      };
    else if (!PERSONAL.includes(key) && !PROTECTED_KEYS.includes(key) && key !== 'werkmakelaar')
      body[key] = row[key];
  }
  if (Object.keys(personal).length) body.personal = personal;
  return body;
}

// ---- employers -------------------------------------------------------------------------------

export const EMPLOYER_FIELDS = [
  'name',
  'kvkNumber',
  'sbiCode',
  'sbiVersion',
  'contactName',
  'contactEmail',
  'contactPhone',
  'region',
] as const;

/** An employer as its rows: one per location, the employer's fields on each. */
export function employerFlats(e: EmployerView): Flat[] {
  const fields = defined({
    name: e.name,
    kvkNumber: e.kvkNumber,
    sbiCode: e.sbiCode ?? undefined,
    sbiVersion: e.sbiVersion ?? undefined,
    contactName: e.contactName || undefined,
    contactEmail: e.contactEmail ?? undefined,
    contactPhone: e.contactPhone ?? undefined,
    region: e.region || undefined,
  });
  return e.locations.map((l) => ({
    ...fields,
    ...defined({
      address: l.address || undefined,
      postcode: postcodeOf(l.postcode),
      place: l.place,
      lat: l.lat,
      lng: l.lng,
    }),
  }));
}

/** An employer's rows as one record: fields from the first row, a location per row. */
export function employerRecord(rows: readonly Flat[]): Flat {
  const [first = {}] = rows;
  const fields = Object.fromEntries(
    EMPLOYER_FIELDS.map((k) => [k, rows.find((r) => r[k] !== undefined)?.[k]]),
  );
  return defined({
    externId: first.externId,
    ...fields,
    locations: rows.map(location),
  });
}

export function employerCreateBody(record: Flat, ownerOrganisationId: string | null) {
  return defined({
    ...Object.fromEntries(EMPLOYER_FIELDS.map((k) => [k, record[k]])),
    locations: record.locations,
    ownerOrganisationId: ownerOrganisationId ?? undefined,
  });
}

/** Locations compare by what the file gives (postcode and address; place and coordinates when given), in any order. */
export function employerChangedKeys(record: Flat, current: Flat): string[] {
  const keys = EMPLOYER_FIELDS.filter(
    (k) => record[k] !== undefined && !same(record[k], current[k], k),
  ) as string[];
  const mine = (record.locations ?? []) as Flat[];
  const theirs = (current.locations ?? []) as Flat[];
  // As a set: locations made in one transaction share their creation time, so the order in which
  // they come back (then by id) is not the order of the file.
  const left = [...theirs];
  const locationsDiffer =
    mine.length !== theirs.length ||
    mine.some((l) => {
      const i = left.findIndex((t) => Object.keys(l).every((k) => same(l[k], t[k])));
      if (i < 0) return true;
      left.splice(i, 1);
      return false;
    });
  if (locationsDiffer) keys.push('locations');
  return keys;
}

export function employerUpdateBody(record: Flat, keys: readonly string[]) {
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

// ---- workplaces ------------------------------------------------------------------------------

export function workplaceFlat(v: Vacancy, employerKvk: string, werksoort: string): Flat {
  return defined({
    employerKvk,
    title: v.title,
    werksoort,
    description: v.description || undefined,
    address: v.address || undefined,
    postcode: postcodeOf(v.postcode),
    place: v.place,
    lat: v.lat,
    lng: v.lng,
    arrangements: v.arrangements,
    hours: { min: v.hoursMin, max: v.hoursMax },
    workingDays: v.workingDays,
    dayparts: v.dayparts,
    hoursAdjustable: v.hoursAdjustable,
    hoursAdjustmentNote: v.hoursAdjustmentNote || undefined,
    requiredCertificates: v.requiredCertificates.length ? v.requiredCertificates : undefined,
    desiredCertificates: v.desiredCertificates.length ? v.desiredCertificates : undefined,
    minLanguageLevel: v.minLanguageLevel,
    'demand.lifting': v.demandLifting,
    'demand.standing': v.demandStanding,
    'demand.pace': v.demandPace,
    'demand.stimuli': v.demandStimuli,
    'demand.outdoor': v.demandOutdoor,
    jobcoachWelcome: v.jobcoachWelcome,
    buddyAvailable: v.buddyAvailable,
    wheelchairAccessible: v.wheelchairAccessible,
    places: v.places,
    startDate: v.startDate ?? undefined,
    status: v.status,
    instruments: v.instruments.length ? v.instruments : undefined,
  });
}

const demands = (row: Flat, fallback: Flat = {}) =>
  Object.fromEntries(
    DEMAND_ASPECTS.map((a) => [a, (row[`demand.${a}`] ?? fallback[`demand.${a}`] ?? 0) as number]),
  );

const VACANCY_SIMPLE = [
  'title',
  'werksoort',
  'description',
  'arrangements',
  'workingDays',
  'dayparts',
  'hoursAdjustable',
  'hoursAdjustmentNote',
  'requiredCertificates',
  'desiredCertificates',
  'minLanguageLevel',
  'jobcoachWelcome',
  'buddyAvailable',
  'wheelchairAccessible',
  'places',
  'startDate',
  'status',
  'instruments',
];

export function workplaceCreateBody(row: Flat, employerId: string) {
  const hours = row.hours as { min: number; max: number };
  return defined({
    ...Object.fromEntries(VACANCY_SIMPLE.map((k) => [k, row[k]])),
    employerId,
    location: location(row),
    hoursMin: hours.min,
    hoursMax: hours.max,
    demands: demands(row),
  });
}

export function workplaceUpdateBody(row: Flat, current: Flat, keys: readonly string[]) {
  const body: Record<string, unknown> = {};
  for (const key of keys) {
    if (VACANCY_SIMPLE.includes(key)) body[key] = row[key];
    else if (key === 'hours') {
      const h = row.hours as { min: number; max: number };
      body.hoursMin = h.min;
      body.hoursMax = h.max;
    } else if (key.startsWith('demand.')) body.demands = demands(row, current);
    else if (key === 'address' || LOCATION_KEYS.includes(key))
      body.location = defined({
        address: row.address ?? current.address,
        postcode: row.postcode ?? current.postcode,
        place: row.place,
        lat: row.lat,
        lng: row.lng,
      });
  }
  return body;
}
