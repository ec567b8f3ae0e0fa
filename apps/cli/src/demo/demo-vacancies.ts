import {
  INSTRUMENTS,
  type Arrangement,
  type Day,
  type Instrument,
  type VacancyStatus,
} from '@werkbrug/domain';
import { VACANCY_ROW_COLUMNS, type VacancyRow } from '@werkbrug/vacancies';
import { addDays, isoDate, pastMoment } from './dates';
import { demoLocation, type DemoEmployer, type DemoLocation } from './demo-employers';
import { pickRegionArea } from './demo-region';
import {
  CERTIFICATE_LABELS,
  WERKSOORT_PROFILES,
  type Range,
  type WerksoortCode,
} from './demo-werksoorten';
import type { Random } from './random';

/** One vacancies row; keys are the column names, typed from the vacancy column table. */
export type VacancyRecord = VacancyRow & { created_at: string; updated_at: string };

export const VACANCY_COLUMNS = VACANCY_ROW_COLUMNS;

type Weighted<T> = readonly (readonly [T, number])[];

/** Arrangements any employer may offer; sectors add their own (volunteers in care, sheltered work in green). */
const COMMON_ARRANGEMENTS: Weighted<readonly Arrangement[]> = [
  [['regulier'], 14],
  [['regulier', 'proefplaatsing'], 16],
  [['proefplaatsing', 'detachering'], 8],
  [['regulier', 'detachering'], 6],
  [['werkervaringsplaats'], 10],
  [['werkervaringsplaats', 'stage'], 8],
  [['stage'], 4],
  [['leerwerkbaan'], 5],
  [['regulier', 'leerwerkbaan'], 5],
  [['beschut_werk'], 2],
];

const PAID: ReadonlySet<Arrangement> = new Set(['regulier', 'detachering', 'leerwerkbaan']);
const WEEKDAYS: readonly Day[] = ['ma', 'di', 'wo', 'do', 'vr'];

const ADJUSTMENT_NOTES = [
  'Starten met minder uren kan. We bouwen samen op.',
  'Uren in overleg, bijvoorbeeld alleen in de ochtend.',
  'Je kunt beginnen met twee dagen per week.',
  'Werktijden passen we aan als je kinderen naar school brengt.',
  'Meer pauzes zijn geen probleem.',
];

const OFFERS = [
  'Je krijgt werkkleding van ons.',
  'Er is een kantine met gratis koffie en thee.',
  'Je krijgt een goede uitleg en we nemen de tijd voor je.',
  'Na een goede periode is een vast contract mogelijk.',
  'Je leert het werk in de praktijk.',
  'We zijn een klein team en helpen elkaar.',
  'Het werk is goed bereikbaar met de fiets.',
];

const WEEKDAY_NAMES: Readonly<Record<Day, string>> = {
  ma: 'maandag',
  di: 'dinsdag',
  wo: 'woensdag',
  do: 'donderdag',
  vr: 'vrijdag',
  za: 'zaterdag',
  zo: 'zondag',
};

const inRange = (rng: Random, [min, max]: Range) => rng.int(min, max);

function pickHours(rng: Random, arrangements: readonly Arrangement[]): [number, number] {
  if (arrangements.includes('vrijwilligerswerk')) {
    const min = rng.pick([4, 4, 6, 8]);
    return [min, min + rng.pick([0, 4, 8])];
  }
  const min = rng.weighted([
    [4, 1],
    [8, 3],
    [12, 3],
    [16, 4],
    [20, 4],
    [24, 3],
    [28, 1],
    [32, 2],
  ] as const);
  return [min, Math.min(36, min + rng.pick([0, 4, 8, 12, 16]))];
}

function pickDays(rng: Random, hoursMax: number, weekend: number): Day[] {
  const count = Math.min(5, Math.max(1, Math.ceil(hoursMax / 7) + rng.int(0, 1)));
  if (count === 5 && rng.chance(0.7)) return [...WEEKDAYS];
  const days = rng.sample(WEEKDAYS, count);
  if (rng.chance(weekend)) days.push('za');
  if (rng.chance(weekend / 3)) days.push('zo');
  return days;
}

function pickInstruments(
  rng: Random,
  arrangements: readonly Arrangement[],
  jobcoach: boolean,
  sroi: boolean,
): Instrument[] {
  const chosen = new Set<Instrument>();
  if (arrangements.includes('proefplaatsing')) chosen.add('proefplaatsing');
  if (arrangements.some((a) => PAID.has(a))) {
    if (rng.chance(0.45)) chosen.add('loonkostensubsidie');
    if (rng.chance(0.5)) chosen.add('no_riskpolis');
    if (rng.chance(0.35)) chosen.add('lkv');
    if (rng.chance(0.1)) chosen.add('uitstroompremie');
    if (rng.chance(0.08)) chosen.add('werkplekaanpassing');
    if (jobcoach && rng.chance(0.4)) chosen.add('jobcoaching');
  }
  if (arrangements.includes('leerwerkbaan') && rng.chance(0.6)) chosen.add('scholingsvoucher');
  if (sroi && rng.chance(0.35)) chosen.add('sroi');
  return INSTRUMENTS.filter((i) => chosen.has(i));
}

function pickStatus(rng: Random, places: number): { status: VacancyStatus; filled: number } {
  const status = rng.weighted<VacancyStatus>([
    ['open', 80],
    ['paused', 6],
    ['filled', 8],
    ['closed', 6],
  ]);
  if (status === 'filled') return { status, filled: places };
  if (status === 'closed') return { status, filled: rng.int(0, places) };
  return { status, filled: rng.chance(0.8) ? 0 : rng.int(0, places - 1) };
}

function describeDays(days: readonly Day[]): string {
  if (days.length === 5 && WEEKDAYS.every((d) => days.includes(d)))
    return 'van maandag tot en met vrijdag';
  const names = days.map((d) => WEEKDAY_NAMES[d]);
  return names.length === 1
    ? `op ${names[0]}`
    : `op ${names.slice(0, -1).join(', ')} en ${names.at(-1)}`;
}

/** A plain-language (B1) description built from the vacancy's own facts, so search has real words. */
function describe(
  rng: Random,
  v: VacancyRecord,
  employer: DemoEmployer,
  code: WerksoortCode,
): string {
  const profile = WERKSOORT_PROFILES[code];
  const hours =
    v.hours_min === v.hours_max ? `${v.hours_min}` : `${v.hours_min} tot ${v.hours_max}`;
  const parts = [
    employer.name.includes(v.place)
      ? `${employer.name} zoekt een ${v.title.toLowerCase()}.`
      : `${employer.name} in ${v.place} zoekt een ${v.title.toLowerCase()}.`,
    ...rng.sample(employer.sector.tasks?.[code] ?? profile.tasks, rng.int(2, 3)),
    ...rng.sample(profile.asks, rng.int(1, 2)),
    `Je werkt ${hours} uur per week, ${describeDays(v.working_days)}.`,
  ];
  if (v.hours_adjustable) parts.push(v.hours_adjustment_note);
  if (v.required_certificates.length > 0) {
    parts.push(
      `Je hebt nodig: ${v.required_certificates.map((c) => CERTIFICATE_LABELS[c] ?? c).join(', ')}.`,
    );
  }
  if (v.arrangements.includes('proefplaatsing')) {
    parts.push('We beginnen met een proefplaatsing, zodat je rustig kunt wennen.');
  }
  if (v.arrangements.includes('leerwerkbaan')) {
    parts.push('Je leert het vak op de werkvloer en haalt een praktijkverklaring.');
  }
  if (v.arrangements.includes('vrijwilligerswerk')) {
    parts.push('Dit is vrijwilligerswerk: je doet mee en hoort erbij.');
  }
  if (v.buddy_available) parts.push('Een vaste collega helpt je op weg.');
  if (v.jobcoach_welcome) parts.push('Een jobcoach is welkom op de werkvloer.');
  if (v.wheelchair_accessible) parts.push('Het gebouw is goed toegankelijk met een rolstoel.');
  parts.push(rng.pick(OFFERS));
  return parts.join(' ');
}

/** Groen, schoonmaak and vervoer often work at a client's site rather than at the employer. */
const WORKS_ON_SITE: ReadonlySet<WerksoortCode> = new Set([
  'groen',
  'schoonmaak',
  'personenvervoer',
]);

export function generateVacancy(
  rng: Random,
  employer: DemoEmployer,
  werksoortIds: ReadonlyMap<WerksoortCode, string>,
  today: Date,
): VacancyRecord {
  const sector = employer.sector;
  const code = rng.weighted(sector.werksoorten);
  const profile = WERKSOORT_PROFILES[code];
  const spec = rng.pick(sector.titles?.[code] ?? profile.titles);

  const arrangements: Arrangement[] =
    spec.title === 'Chauffeur buurtbus'
      ? ['vrijwilligerswerk'] // buurtbus drivers are volunteers
      : [...rng.weighted([...COMMON_ARRANGEMENTS, ...(sector.extraArrangements ?? [])])];
  const sheltered =
    arrangements.includes('beschut_werk') || arrangements.includes('groepsdetachering');
  // Sheltered work and volunteering are adapted to the person: a calm pace, few stimuli.
  const adapted = sheltered || arrangements.includes('vrijwilligerswerk');

  const [hoursMin, hoursMax] = pickHours(rng, arrangements);
  const workingDays = pickDays(rng, hoursMax, profile.weekend);
  let dayparts = [...rng.weighted(profile.dayparts)];
  // A single daypart is six hours: widen the window when the hours cannot fit in it.
  if (hoursMin > 6 * workingDays.length * dayparts.length) dayparts = ['ochtend', 'middag'];

  const required = [
    ...(spec.required ??
      (rng.chance(0.3) ? [rng.pick(sector.certificates ?? profile.certificates)] : [])),
  ];
  const desired = rng.subset(
    profile.desired.filter((c) => !required.includes(c)),
    0.25,
  );

  const jobcoach = sheltered || rng.chance(0.65);
  const wheelchair = rng.chance(
    code === 'administratief'
      ? 0.4
      : code === 'productie'
        ? 0.2
        : code === 'catering'
          ? 0.15
          : 0.05,
  );
  const places = arrangements.includes('groepsdetachering')
    ? rng.int(4, 10)
    : rng.weighted([
        [1, 14],
        [2, 4],
        [rng.int(3, 5), 2],
      ]);
  const { status, filled } = pickStatus(rng, places);

  const location: DemoLocation =
    WORKS_ON_SITE.has(code) && rng.chance(0.2)
      ? demoLocation(rng, pickRegionArea(rng), false)
      : employer.location;

  const hoursAdjustable = rng.chance(0.4);
  // Posted over the last half year, so "newest first" means something in the demo.
  const createdAt = pastMoment(today, rng.int(0, 180), rng.int(7 * 3600, 18 * 3600));
  const record: VacancyRecord = {
    id: rng.uuid(),
    created_at: createdAt,
    updated_at: createdAt,
    employer_id: employer.id,
    werksoort_id: werksoortIds.get(code) as string,
    title: spec.title,
    description: '',
    ...location,
    arrangements,
    hours_min: hoursMin,
    hours_max: hoursMax,
    working_days: workingDays,
    dayparts,
    hours_adjustable: hoursAdjustable,
    hours_adjustment_note: hoursAdjustable ? rng.pick(ADJUSTMENT_NOTES) : '',
    required_certificates: required,
    desired_certificates: desired,
    min_language_level: rng.weighted(profile.language),
    demand_lifting: inRange(rng, profile.demands.lifting),
    demand_standing: inRange(rng, profile.demands.standing),
    demand_pace: Math.min(adapted ? 1 : 3, inRange(rng, profile.demands.pace)),
    demand_stimuli: Math.min(adapted ? 1 : 3, inRange(rng, profile.demands.stimuli)),
    demand_outdoor: inRange(rng, profile.demands.outdoor),
    jobcoach_welcome: jobcoach,
    buddy_available: rng.chance(sheltered ? 0.7 : 0.4),
    wheelchair_accessible: wheelchair,
    places,
    places_filled: filled,
    start_date: rng.chance(0.5) ? isoDate(addDays(today, rng.int(-30, 90))) : null,
    status,
    instruments: pickInstruments(rng, arrangements, jobcoach, sector.sroi),
  };
  record.description = describe(rng, record, employer, code);
  return record;
}
