import type {
  Arrangement,
  Day,
  Daypart,
  Instrument,
  LanguageLevel,
  ResolvedLocation,
  VacancyStatus,
} from '@werkbrug/domain';

/**
 * Every stored field of a vacancy (besides id, timestamps and version): the one list that each
 * mapping is checked against. A new field here breaks the compiler in every place that must decide
 * about it — the column table below, the entity, the view, the search document, the demo seed —
 * and nowhere else.
 */
export interface VacancyData {
  employerId: string;
  werksoortId: string;
  title: string;
  description: string;
  address: string;
  postcode: string;
  place: string;
  lat: number;
  lng: number;
  arrangements: Arrangement[];
  hoursMin: number;
  hoursMax: number;
  workingDays: Day[];
  dayparts: Daypart[];
  hoursAdjustable: boolean;
  hoursAdjustmentNote: string;
  requiredCertificates: string[];
  desiredCertificates: string[];
  minLanguageLevel: LanguageLevel;
  demandLifting: number;
  demandStanding: number;
  demandPace: number;
  demandStimuli: number;
  demandOutdoor: number;
  jobcoachWelcome: boolean;
  buddyAvailable: boolean;
  wheelchairAccessible: boolean;
  places: number;
  placesFilled: number;
  startDate: string | null;
  status: VacancyStatus;
  instruments: Instrument[];
}

export type VacancyField = keyof VacancyData;

/** A vacancy as read: its data, identity and the names of what it refers to. */
export interface VacancyRecord extends VacancyData {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  employer?: { name: string } | null;
  werksoort?: { code: string; name: string; iscoCode?: string | null } | null;
}

interface ColumnSpec<T, C extends string> {
  readonly column: C;
  /** From what the pg driver returns to the field's type. */
  readonly read: (raw: unknown) => T;
}

const text = <C extends string>(column: C): ColumnSpec<string, C> => ({
  column,
  read: (raw) => String(raw ?? ''),
});
const num = <C extends string>(column: C): ColumnSpec<number, C> => ({
  column,
  read: (raw) => Number(raw),
});
const flag = <C extends string>(column: C): ColumnSpec<boolean, C> => ({
  column,
  read: (raw) => raw === true,
});
/** A value from a closed vocabulary; the database CHECK constraints keep it in range. */
const oneOf =
  <T extends string>() =>
  <C extends string>(column: C): ColumnSpec<T, C> => ({ column, read: (raw) => raw as T });
const listOf =
  <T extends string>() =>
  <C extends string>(column: C): ColumnSpec<T[], C> => ({
    column,
    read: (raw) => (Array.isArray(raw) ? (raw as T[]) : []),
  });
/** A `date` column as YYYY-MM-DD: the driver turns it into local midnight, so read it back locally. */
const dateOnly = <C extends string>(column: C): ColumnSpec<string | null, C> => ({
  column,
  read: (raw) => {
    if (raw === null || raw === undefined) return null;
    if (raw instanceof Date) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${raw.getFullYear()}-${pad(raw.getMonth() + 1)}-${pad(raw.getDate())}`;
    }
    return String(raw).slice(0, 10);
  },
});

/** Field → column and reader. Exhaustive: a field without a column does not compile. */
export const VACANCY_COLUMNS = {
  employerId: text('employer_id'),
  werksoortId: text('werksoort_id'),
  title: text('title'),
  description: text('description'),
  address: text('address'),
  postcode: text('postcode'),
  place: text('place'),
  lat: num('lat'),
  lng: num('lng'),
  arrangements: listOf<Arrangement>()('arrangements'),
  hoursMin: num('hours_min'),
  hoursMax: num('hours_max'),
  workingDays: listOf<Day>()('working_days'),
  dayparts: listOf<Daypart>()('dayparts'),
  hoursAdjustable: flag('hours_adjustable'),
  hoursAdjustmentNote: text('hours_adjustment_note'),
  requiredCertificates: listOf<string>()('required_certificates'),
  desiredCertificates: listOf<string>()('desired_certificates'),
  minLanguageLevel: oneOf<LanguageLevel>()('min_language_level'),
  demandLifting: num('demand_lifting'),
  demandStanding: num('demand_standing'),
  demandPace: num('demand_pace'),
  demandStimuli: num('demand_stimuli'),
  demandOutdoor: num('demand_outdoor'),
  jobcoachWelcome: flag('jobcoach_welcome'),
  buddyAvailable: flag('buddy_available'),
  wheelchairAccessible: flag('wheelchair_accessible'),
  places: num('places'),
  placesFilled: num('places_filled'),
  startDate: dateOnly('start_date'),
  status: oneOf<VacancyStatus>()('status'),
  instruments: listOf<Instrument>()('instruments'),
} as const satisfies { [K in VacancyField]-?: ColumnSpec<VacancyData[K], string> };

type Columns = typeof VACANCY_COLUMNS;

/** A `vacancies` row keyed by column name, typed from the table above (what bulk inserts write). */
export type VacancyRow = { [K in VacancyField as Columns[K]['column']]: VacancyData[K] } & {
  id: string;
  created_at: string | Date;
  updated_at: string | Date;
};

/** Every column of `vacancies`, in a stable order (id and timestamps first). */
export const VACANCY_ROW_COLUMNS: readonly (keyof VacancyRow)[] = [
  'id',
  'created_at',
  'updated_at',
  ...(Object.values(VACANCY_COLUMNS).map((c) => c.column) as Columns[VacancyField]['column'][]),
];

/** The data of a raw `vacancies` row (SELECT v.*): every field, read by its column's reader. */
export function vacancyDataFromRow(row: Record<string, unknown>): VacancyData {
  const data = Object.fromEntries(
    Object.entries(VACANCY_COLUMNS).map(([field, spec]) => [field, spec.read(row[spec.column])]),
  );
  // Complete by construction (VACANCY_COLUMNS has exactly the fields of VacancyData); checked all the same.
  if (!isVacancyData(data)) throw new Error('a vacancy row lacks a field of VACANCY_COLUMNS');
  return data;
}

function isVacancyData(data: object): data is VacancyData {
  return Object.keys(VACANCY_COLUMNS).every((field) => field in data);
}

/** A row as the API shows it: data plus identity, and the employer and werksoort names if joined. */
export function vacancyRecordFromRow(row: Record<string, unknown>): VacancyRecord {
  return {
    ...vacancyDataFromRow(row),
    id: String(row.id),
    createdAt: new Date(row.created_at as string | Date),
    updatedAt: new Date(row.updated_at as string | Date),
    version: Number(row.version),
    employer: row.employer_name === undefined ? null : { name: String(row.employer_name) },
    werksoort:
      row.werksoort_code === undefined
        ? null
        : {
            code: String(row.werksoort_code),
            name: String(row.werksoort_name),
            iscoCode: (row.werksoort_isco_code as string | null | undefined) ?? null,
          },
  };
}

/** Data → row keyed by column name (for inserts that bypass the entity, like the demo seed). */
export function vacancyRowOf(
  data: VacancyData,
  identity: { id: string; createdAt: string | Date; updatedAt?: string | Date },
): VacancyRow {
  const row: Record<string, unknown> = {
    id: identity.id,
    created_at: identity.createdAt,
    updated_at: identity.updatedAt ?? identity.createdAt,
  };
  for (const [field, spec] of Object.entries(VACANCY_COLUMNS))
    row[spec.column] = data[field as VacancyField];
  return row as VacancyRow;
}

/** What a new vacancy is made of: the create body (CreateVacancyDto or the evaluation set's body). */
export interface NewVacancyInput {
  title: string;
  description?: string;
  arrangements: Arrangement[];
  hoursMin: number;
  hoursMax: number;
  workingDays: Day[];
  dayparts: Daypart[];
  hoursAdjustable?: boolean;
  hoursAdjustmentNote?: string;
  requiredCertificates?: string[];
  desiredCertificates?: string[];
  minLanguageLevel?: LanguageLevel;
  demands: { lifting: number; standing: number; pace: number; stimuli: number; outdoor: number };
  jobcoachWelcome?: boolean;
  buddyAvailable?: boolean;
  wheelchairAccessible?: boolean;
  places?: number;
  startDate?: string;
  status?: VacancyStatus;
  instruments?: Instrument[];
}

/**
 * The one place a create body becomes stored data, with the defaults of omitted fields. Used by the
 * service and by the evaluation loader, so both store a body the same way.
 */
export function newVacancyData(
  body: NewVacancyInput,
  refs: { employerId: string; werksoortId: string; location: ResolvedLocation },
): VacancyData {
  return {
    employerId: refs.employerId,
    werksoortId: refs.werksoortId,
    title: body.title.trim(),
    description: body.description?.trim() ?? '',
    address: refs.location.address,
    postcode: refs.location.postcode,
    place: refs.location.place,
    lat: refs.location.lat,
    lng: refs.location.lng,
    arrangements: body.arrangements,
    hoursMin: body.hoursMin,
    hoursMax: body.hoursMax,
    workingDays: body.workingDays,
    dayparts: body.dayparts,
    hoursAdjustable: body.hoursAdjustable ?? false,
    hoursAdjustmentNote: body.hoursAdjustmentNote?.trim() ?? '',
    requiredCertificates: body.requiredCertificates ?? [],
    desiredCertificates: body.desiredCertificates ?? [],
    minLanguageLevel: body.minLanguageLevel ?? 'geen',
    demandLifting: body.demands.lifting,
    demandStanding: body.demands.standing,
    demandPace: body.demands.pace,
    demandStimuli: body.demands.stimuli,
    demandOutdoor: body.demands.outdoor,
    jobcoachWelcome: body.jobcoachWelcome ?? false,
    buddyAvailable: body.buddyAvailable ?? false,
    wheelchairAccessible: body.wheelchairAccessible ?? false,
    places: body.places ?? 1,
    placesFilled: 0,
    startDate: body.startDate ?? null,
    status: body.status ?? 'open',
    instruments: body.instruments ?? [],
  };
}
